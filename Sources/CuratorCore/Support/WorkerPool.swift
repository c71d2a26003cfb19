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
/// starts a manager thread and an event loop, and a monitor that wakes up on its own to look at
/// the workers' states. On a 2-core machine every such wake-up takes a core from one of the two
/// threads doing the work; a lint of the list spent a few milliseconds of its ~25 with a thread
/// preempted (traced with per-thread CPU clocks). A pool of plain threads does nothing but the
/// work it is given.
final class WorkerPool: @unchecked Sendable {
    /// The pool for this process: as many workers as there are online cores besides the
    /// calling thread's.
    static let shared = WorkerPool(workers: max(0, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) - 1))

    /// Number of worker threads (the calling thread of a job works too).
    private(set) var workers = 0

    // All below is guarded by `lock`; the pointers are allocated once and never freed, as the
    // pool lives as long as the process.
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private let wake: UnsafeMutablePointer<pthread_cond_t>
    private let finished: UnsafeMutablePointer<pthread_cond_t>
    /// Bumped for every job, so that a worker knows a job is new.
    private var generation = 0
    private var job: (() -> Void)?
    /// Workers that have not finished the current job.
    private var running = 0
    /// Held by the thread whose job the workers are running; a second caller at the same time
    /// (another thread, or a job's own work asking for a pool) runs its work alone instead.
    private let owner = Mutex(())

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
        running = workers
        generation &+= 1
        pthread_cond_broadcast(wake)
        pthread_mutex_unlock(lock)
        work()
        pthread_mutex_lock(lock)
        while running > 0 { pthread_cond_wait(finished, lock) }
        job = nil
        pthread_mutex_unlock(lock)
    }

    /// What a worker does for ever: wait for a new job, run it, say it is done.
    private func serve() {
        var seen = 0
        pthread_mutex_lock(lock)
        while true {
            while generation == seen { pthread_cond_wait(wake, lock) }
            seen = generation
            var work = job
            pthread_mutex_unlock(lock)
            work?()
            // Let go of the job before saying it is done: the caller may check that its closures
            // did not outlive the call (`withoutActuallyEscaping`).
            work = nil
            pthread_mutex_lock(lock)
            running -= 1
            if running == 0 { pthread_cond_signal(finished) }
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
