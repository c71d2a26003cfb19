internal import CThreads
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The threads `concurrentMap` runs its work on besides the calling thread: one per further
/// core, started on first use and kept, asleep between jobs, for the life of the process.
///
/// Why not `DispatchQueue.concurrentPerform`: on Linux, libdispatch's first worker thread
/// starts a manager thread with an event loop (seen in a debugger), a third thread on a 2-core
/// machine whose lint threads were traced losing their core for milliseconds at a time. A pool
/// of plain threads starts nothing but its workers; a lint of the list took about 0.4 ms less
/// (median of 150 interleaved runs).
///
/// Waiting is spin-then-block: a thread that waits for a job, or for the workers to finish one,
/// first looks for up to two milliseconds before it sleeps (a new worker, for its first job, up
/// to twenty). A lint's jobs (reading the files,
/// running the rules, writing JSON) follow each other with a few tenths of a millisecond of the
/// calling thread's own work between them; a worker asleep in that gap leaves its core idle, and
/// a virtual machine's idle core takes long to wake (up to milliseconds, seen in traces as a
/// worker starting its first file late).
///
/// Each worker first moves off the processor the pool was started from. Linux put a new
/// worker on its creator's processor, where it shared one core with the calling thread for the
/// first 1.5-3 ms of a lint while the other core stayed idle (traced with the processor of each
/// mark, after an mdl run); the move is one change of the worker's affinity, widened again at
/// once, so it stays free to run anywhere afterwards.
public final class WorkerPool: @unchecked Sendable {
    /// The pool for this process: as many workers as there are online cores besides the
    /// calling thread's.
    static let shared = WorkerPool(workers: max(0, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) - 1))

    /// Number of worker threads (the calling thread of a job works too).
    private(set) var workers = 0

    // The state below changes only under `lock`; `generation` and `running` are also read
    // without it while spinning. The pointers are allocated once and never freed, as the pool
    // lives as long as the process.
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private let wake: UnsafeMutablePointer<pthread_cond_t>
    private let finished: UnsafeMutablePointer<pthread_cond_t>
    /// Bumped for every job, so that a worker knows a job is new.
    private let generation = Atomic<Int>(0)
    private var job: (() -> Void)?
    /// Workers that have not finished the current job.
    private let running = Atomic<Int>(0)
    /// Held by the thread whose job the workers are running; a second caller at the same time
    /// (another thread, or a job's own work asking for a pool) runs its work alone instead.
    private let owner = Mutex(())

    /// The processor of the thread that started the pool, which the workers leave to it.
    private let creatorCPU = cthreads_current_cpu()

    private init(workers wanted: Int) {
        lock = .allocate(capacity: 1)
        wake = .allocate(capacity: 1)
        finished = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        pthread_cond_init(wake, nil)
        pthread_cond_init(finished, nil)
        // Set before any job can run, so no lock is needed to read it.
        workers = (0..<wanted).filter { _ in start() }.count
    }

    /// Starts the workers now, so that they are up, with their heaps reserved, when the first
    /// job comes (a caller with serial work to do first calls this before it).
    public static func start() {
        _ = shared
    }

    /// Runs `work` on the calling thread and on every worker at once, and returns when all have
    /// returned. `work` is expected to share its items out itself (see `concurrentMap`). When
    /// the pool is busy with another caller's job, `work` runs on the calling thread alone.
    func run(_ work: @escaping () -> Void) {
        guard workers > 0,
            owner.withLockIfAvailable({ _ in runOwned(work) }) != nil
        else { return work() }
    }

    private func runOwned(_ work: @escaping () -> Void) {
        pthread_mutex_lock(lock)
        job = work
        running.store(workers, ordering: .relaxed)
        generation.add(1, ordering: .releasing)
        pthread_cond_broadcast(wake)
        pthread_mutex_unlock(lock)
        work()
        // The workers' results are published by their decrement (releasing), read here (acquiring).
        if !Self.spin(for: Self.spinLimit, until: { running.load(ordering: .acquiring) == 0 }) {
            pthread_mutex_lock(lock)
            while running.load(ordering: .acquiring) > 0 { pthread_cond_wait(finished, lock) }
            pthread_mutex_unlock(lock)
        }
        pthread_mutex_lock(lock)
        job = nil
        pthread_mutex_unlock(lock)
    }

    /// What a worker does for ever: wait for a new job, run it, say it is done.
    private func serve() {
        cthreads_leave_cpu(creatorCPU)
        reserveThreadHeap()
        var seen = 0
        // The first job comes after the caller's serial work (`start`), up to a few
        // milliseconds later: a worker that went to sleep before it woke 1-3 ms late.
        var limit = Self.firstJobSpinLimit
        while true {
            let arrived = Self.spin(for: limit, until: { generation.load(ordering: .acquiring) != seen })
            limit = Self.spinLimit
            if !arrived {
                pthread_mutex_lock(lock)
                while generation.load(ordering: .acquiring) == seen { pthread_cond_wait(wake, lock) }
                pthread_mutex_unlock(lock)
            }
            pthread_mutex_lock(lock)
            seen = generation.load(ordering: .relaxed)
            var work = job
            pthread_mutex_unlock(lock)
            work?()
            // Let go of the job before saying it is done: the caller may check that its closures
            // did not outlive the call (`withoutActuallyEscaping`).
            work = nil
            pthread_mutex_lock(lock)
            if running.subtract(1, ordering: .releasing).newValue == 0 { pthread_cond_signal(finished) }
            pthread_mutex_unlock(lock)
        }
    }

    /// How long a waiting thread looks before it sleeps.
    private static let spinLimit = Duration.milliseconds(2)
    /// How long a new worker looks for its first job before it sleeps.
    private static let firstJobSpinLimit = Duration.milliseconds(20)

    /// Checks `condition` until it holds or `limit` has passed; whether it held.
    private static func spin(for limit: Duration, until condition: () -> Bool) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while true {
            for _ in 0..<64 where condition() { return true }
            if clock.now >= deadline { return condition() }
            sched_yield()
        }
    }

    /// Starts a worker; false when the system would not (the pool then has fewer).
    private func start() -> Bool {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        #if canImport(Glibc)
            let result = pthread_create(
                &thread, nil,
                { context in
                    Unmanaged<WorkerPool>.fromOpaque(context!).takeRetainedValue().serve()
                    return nil
                }, context)
        #else
            let result = pthread_create(
                &thread, nil,
                { context in
                    Unmanaged<WorkerPool>.fromOpaque(context).takeRetainedValue().serve()
                    return nil
                }, context)
        #endif
        guard result == 0 else {
            Unmanaged<WorkerPool>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}
