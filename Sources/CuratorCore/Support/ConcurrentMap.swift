internal import CAllocator
import Dispatch
import Synchronization

/// Runs `body` for `0..<count` on all cores and returns the results in order.
///
/// Parsing files and running rules are independent pure functions of immutable inputs, so the
/// linter spreads them over the machine's cores; results come back in input order, so output does
/// not depend on scheduling.
/// Bytes of heap each worker thread reserves on its first task: about what one thread of a lint
/// of a long list allocates, and below the allocator's mmap threshold (see `Curator.tuneAllocator`).
let reservedThreadHeap = 16 << 20

/// Reserves room in the calling thread's heap, once per thread: every thread that runs a task of
/// `concurrentMap` (the calling thread included) calls it before its first task. Nothing else
/// does, and `concurrentMap` of a single item runs without it: a one-file lint allocates little,
/// and reserving a huge page it would barely use cost it 0.3 ms.
///
/// Why: each thread allocates from its own glibc arena, which otherwise grows by the pages an
/// allocation needs, one mprotect call at a time (thousands of calls, a twentieth of a lint),
/// and the room is advised for transparent huge pages, since faulting in a fresh heap 4 KiB at a
/// time cost about a tenth of a lint of the list in a virtual machine (bench/lint, README).
public func reserveThreadHeap() {
    callocator_reserve_thread_heap(reservedThreadHeap)
}

public func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = Mutex<[T?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        reserveThreadHeap()
        let value = body(index)
        results.withLock { $0[index] = value }
    }
    return results.withLock { $0.map { $0! } }
}
