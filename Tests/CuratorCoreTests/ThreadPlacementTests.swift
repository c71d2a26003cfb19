import CThreads
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A worker leaves the processor of the thread that started the pool (see `WorkerPool`).
struct ThreadPlacementTests {
    static let canMove = cthreads_allowed_cpu_count() >= 2

    @Test(.enabled(if: canMove, "needs at least two processors to move between"))
    func leavingAProcessorMovesOffItAndKeepsTheAffinity() {
        let allowed = cthreads_allowed_cpu_count()
        for _ in 0..<20 {
            let before = cthreads_current_cpu()
            cthreads_leave_cpu(before)
            #expect(cthreads_current_cpu() != before)
            #expect(cthreads_allowed_cpu_count() == allowed)
        }
    }

    @Test func leavingAProcessorItCannotRunOnChangesNothing() {
        let allowed = cthreads_allowed_cpu_count()
        cthreads_leave_cpu(-1)
        cthreads_leave_cpu(1 << 20)
        #expect(cthreads_allowed_cpu_count() == allowed)
    }
}
