internal import CAllocator
import Synchronization

/// Runs `body` for `0..<count` on all cores and returns the results in order.
///
/// Parsing files and running rules are independent pure functions of immutable inputs, so the
/// linter spreads them over the machine's cores; results come back in input order, so output does
/// not depend on scheduling. Items are handed out one at a time from a shared counter, in order,
/// so a caller that puts its longest items first keeps every core busy to the end.
public func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    return withoutActuallyEscaping(body) { body in
        let shared = SharedMap(count: count, body: body)
        WorkerPool.shared.run { shared.work() }
        return shared.results()
    }
}

/// One `concurrentMap` call: its items, the counter that hands them out, and their results.
private final class SharedMap<T: Sendable>: @unchecked Sendable {
    let count: Int
    let body: @Sendable (Int) -> T
    let next = Atomic<Int>(0)
    /// Each slot is written by the one thread that took its item, and read after all threads
    /// have finished (`WorkerPool.run` returns only then, which orders the writes before).
    let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int, body: @escaping @Sendable (Int) -> T) {
        self.count = count
        self.body = body
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func work() {
        reserveThreadHeap()
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            slots[index] = body(index)
        }
    }

    func results() -> [T] {
        slots.map { $0! }
    }
}

/// Bytes of heap each worker thread reserves on its first task: about what one thread of a lint
/// of a long list allocates, and below the allocator's mmap threshold (see `Curator.tuneAllocator`).
let reservedThreadHeap = 16 << 20

/// Reserves room in the calling thread's heap, once per thread: every thread that works on a
/// `concurrentMap` (the calling thread included) calls it before its first item, and each
/// worker of `WorkerPool` when it starts. Nothing else does, and `concurrentMap` of a single item
/// runs without it: a one-file lint allocates little.
///
/// Why: each thread allocates from its own glibc arena, which otherwise grows by the pages an
/// allocation needs, one mprotect call at a time (thousands of calls, a twentieth of a lint).
/// The room is left to ordinary pages, not transparent huge pages (see `shim.c` of `CAllocator`).
func reserveThreadHeap() {
    callocator_reserve_thread_heap(reservedThreadHeap)
}
