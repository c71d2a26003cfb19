internal import CCurl
import CuratorSync
import Foundation

/// Owns one libcurl multi handle and the dedicated thread that drives it, and bridges each
/// transfer to an `async` caller through a continuation.
///
/// Threading invariant: the multi handle, every easy handle, every `Transfer` and the `active`
/// table are touched only by the loop thread, from `run()`. Other threads reach the loop in two
/// ways only: through `shared`, which a mutex guards, and through `curl_multi_wakeup`, which
/// libcurl documents as safe to call from any thread. That invariant is why this is the one
/// `@unchecked Sendable` type in the module.
final class MultiLoop: @unchecked Sendable {
    private enum Phase {
        /// The caller holds an id but has not handed the transfer over yet.
        case reserved
        /// The caller's task was cancelled before it handed the transfer over.
        case cancelledEarly
        /// The loop owns the transfer.
        case started
    }

    private enum Command {
        case start(UInt64, Attempt, CheckedContinuation<AttemptOutcome, Never>)
        case cancel(UInt64)
    }

    private struct Shared {
        var nextID: UInt64 = 0
        var phases: [UInt64: Phase] = [:]
        var commands: [Command] = []
        var stopping = false
    }

    private let multi: UnsafeMutableRawPointer
    private let shared = Mutex(Shared())
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]
    private var handlesByID: [UInt64: UnsafeMutableRawPointer] = [:]

    /// Loads libcurl if no loop has yet; this is the first place a process touches it.
    init() throws(LibcurlUnavailable) {
        guard ccurl_load() else {
            throw .notLoadable(reason: ccurl_load_error().map { String(cString: $0) } ?? "unknown reason")
        }
        let initCode = ccurl_global_init_once()
        guard initCode == CURLE_OK else { throw .globalInitFailed(curlCode: Int(initCode.rawValue)) }
        guard let multi = ccurl_multi_init() else { throw .multiInitFailed }
        self.multi = multi
        let thread = Thread { [self] in run() }
        thread.name = "curator.curl"
        thread.start()
    }

    /// Runs one transfer to completion. Cancelling the calling task removes the transfer from
    /// libcurl and resumes with `HTTPFailure.Kind.cancelled`.
    func perform(_ attempt: Attempt) async -> AttemptOutcome {
        let id = reserveID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                start(id, attempt, continuation)
            }
        } onCancel: {
            cancel(id)
        }
    }

    /// Stops the loop thread once it has failed every transfer still in flight.
    func shutdown() {
        shared.withLock { $0.stopping = true }
        ccurl_multi_wakeup(multi)
    }

    // MARK: - Any thread

    private func reserveID() -> UInt64 {
        shared.withLock { state in
            state.nextID += 1
            state.phases[state.nextID] = .reserved
            return state.nextID
        }
    }

    private func start(_ id: UInt64, _ attempt: Attempt, _ continuation: CheckedContinuation<AttemptOutcome, Never>) {
        let accepted = shared.withLock { state -> Bool in
            guard state.phases[id] == .reserved, !state.stopping else {
                state.phases[id] = nil
                return false
            }
            state.phases[id] = .started
            state.commands.append(.start(id, attempt, continuation))
            return true
        }
        if accepted {
            ccurl_multi_wakeup(multi)
        } else {
            continuation.resume(returning: .failure(Self.cancelledFailure))
        }
    }

    private func cancel(_ id: UInt64) {
        let wake = shared.withLock { state -> Bool in
            switch state.phases[id] {
            case .reserved:
                state.phases[id] = .cancelledEarly
                return false
            case .started:
                state.commands.append(.cancel(id))
                return true
            case .cancelledEarly, nil:
                return false
            }
        }
        if wake { ccurl_multi_wakeup(multi) }
    }

    private static let cancelledFailure = HTTPFailure(.cancelled, message: "the request was cancelled")

    // MARK: - Loop thread

    private func run() {
        while true {
            let (commands, stopping) = shared.withLock { state in
                defer { state.commands.removeAll() }
                return (state.commands, state.stopping)
            }
            if stopping {
                drain(commands)
                break
            }
            for command in commands {
                execute(command)
            }
            var running: Int32 = 0
            ccurl_multi_perform(multi, &running)
            collectFinished()
            // curl_multi_poll waits no longer than libcurl's own next timeout, and
            // curl_multi_wakeup from `start` or `cancel` ends the wait early.
            ccurl_multi_poll(multi, nil, 0, 1000, nil)
        }
        ccurl_multi_cleanup(multi)
    }

    private func execute(_ command: Command) {
        switch command {
        case .start(let id, let attempt, let continuation):
            guard let transfer = Transfer(id: id, attempt: attempt, continuation: continuation) else {
                forget(id)
                return
            }
            let code = ccurl_multi_add_handle(multi, transfer.easy)
            guard code == CURLM_OK else {
                forget(id)
                let reason = String(cString: ccurl_multi_strerror(code))
                continuation.resume(
                    returning: .failure(HTTPFailure(.other, message: "curl_multi_add_handle: \(reason)")))
                return
            }
            active[transfer.easy] = transfer
            handlesByID[id] = transfer.easy
        case .cancel(let id):
            guard let easy = handlesByID[id], let transfer = active[easy] else { return }
            finish(transfer, with: .failure(Self.cancelledFailure))
        }
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = ccurl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = active[easy]
            else { continue }
            let code = message.pointee.data.result
            finish(transfer, with: transfer.outcome(for: code))
        }
    }

    /// Detaches the transfer from libcurl before resuming, so the easy handle is released on
    /// this thread and never outlives the multi handle.
    private func finish(_ transfer: Transfer, with outcome: AttemptOutcome) {
        ccurl_multi_remove_handle(multi, transfer.easy)
        active[transfer.easy] = nil
        handlesByID[transfer.id] = nil
        forget(transfer.id)
        transfer.continuation.resume(returning: outcome)
    }

    private func forget(_ id: UInt64) {
        shared.withLock { _ = $0.phases.removeValue(forKey: id) }
    }

    private func drain(_ commands: [Command]) {
        for command in commands {
            if case .start(let id, _, let continuation) = command {
                forget(id)
                continuation.resume(returning: .failure(Self.cancelledFailure))
            }
        }
        for transfer in Array(active.values) {
            finish(transfer, with: .failure(Self.cancelledFailure))
        }
    }
}
