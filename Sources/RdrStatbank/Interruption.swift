import CCurl
import Foundation

/// Ctrl-C while a statement runs: a flag for the whole process, set by the SIGINT handler and
/// watched where rdr waits — between statements (the session), in a fetch's retry wait and in a
/// transfer (libcurl, which checks it in C). What was stopped has changed nothing; the prompt or
/// the script runner says so and clears the flag.
///
/// The flag is a lock-free C atomic, so that setting it is async-signal-safe.
public enum Interruption {
    /// Async-signal-safe: for a signal handler.
    public static func request() { ccurl_interrupt() }

    public static var isRequested: Bool { ccurl_interrupted() != 0 }

    public static func clear() { ccurl_clear_interrupt() }

    /// Makes SIGINT (Ctrl-C) request an interruption, unless it came ignored (a background job,
    /// nohup), which it stays. The prompt has a handler of its own.
    public static func requestOnCtrlC() {
        var current = sigaction()
        guard sigaction(SIGINT, nil, &current) == 0,
              unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self)
        else { return }
        signal(SIGINT) { _ in ccurl_interrupt() }
    }

    /// Waits `seconds`, or less when Ctrl-C comes first (checked every 50 ms).
    public static func sleep(_ seconds: Double) {
        let end = Date(timeIntervalSinceNow: seconds)
        while !isRequested {
            let left = end.timeIntervalSinceNow
            guard left > 0 else { return }
            Thread.sleep(forTimeInterval: min(left, 0.05))
        }
    }
}
