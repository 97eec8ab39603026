@preconcurrency import CReadline
import Foundation
import RdrLanguage
import RdrStatbank

/// The interactive prompt on GNU readline: line editing, history kept in a file between
/// sessions (`HistoryFile`), tab completion from the session (keywords, areas, municipalities,
/// results, and file names after run and export … to), and Ctrl-C, which clears the line being
/// typed or stops the statement that runs.
struct Prompt {
    let session: Session
    let console: Console
    /// nil when there is nowhere to keep it: the history then lasts as long as the prompt.
    let historyPath: String?

    func loop() {
        CompletionBridge.session = session
        rl_readline_name = UnsafePointer(strdup("rdr"))
        rl_attempted_completion_function = { CompletionBridge.complete($0, $1, $2) }
        handleInterrupts()
        let history = historyPath.map { HistoryFile(path: $0, report: console.error) }
        if history == nil { console.error("rdr: no home folder to keep the history in; give --history-file to keep it") }
        console.say("rdr 1.0 — type help, or quit. Start with: load teaching R2020 (invented) or load R2024 (real).")
        while let pointer = readline("rdr> ") {
            let line = String(cString: pointer)
            free(pointer)
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            if let history { history.add(line) } else { add_history(line) }
            Interruption.clear()
            if run(line) == .quit { break }
        }
    }

    private enum Outcome { case done, failed, quit }

    /// Runs a line; when it fails with a remedy (`fetch R2025` for `load R2025`), offers to run
    /// that and then the line again.
    private func run(_ line: String) -> Outcome {
        var quit = false
        do {
            try session.run(Source(name: "input", text: line)) { output in
                if case .quit = output { quit = true }
                console.write(output, session: session)
            }
            return quit ? .quit : .done
        } catch {
            guard !Interruption.isRequested else {
                console.error("Interrupted.")
                return .failed
            }
            console.error(error.formatted)
            guard let remedy = error.diagnostic.remedy, agrees(to: remedy), run(remedy) == .done else {
                return quit ? .quit : .failed
            }
            return run(line)
        }
    }

    /// Asks whether to run `remedy`; only yes (or y, ja, j) is yes. Not kept in the history.
    private func agrees(to remedy: String) -> Bool {
        guard let pointer = readline("Run \(remedy) now? [y/N] ") else { return false }
        defer { free(pointer) }
        let answer = String(cString: pointer).trimmingCharacters(in: .whitespaces).lowercased()
        return ["y", "yes", "j", "ja"].contains(answer)
    }

    /// Ctrl-C at the prompt (readline is reading, and hands the signal on from its own handler)
    /// clears the line being typed; while a statement runs, it asks the statement to stop.
    private func handleInterrupts() {
        signal(SIGINT) { _ in
            guard rl_readline_state & UInt(RL_STATE_SIGHANDLER) != 0 else {
                Interruption.request()
                return
            }
            write(STDOUT_FILENO, "\n", 1)
            rl_on_new_line()
            rl_replace_line("", 0)
            rl_redisplay()
        }
    }
}

/// readline calls C functions; these reach the session through a global, set once before the loop.
enum CompletionBridge {
    nonisolated(unsafe) static var session: Session?
    nonisolated(unsafe) static var candidates: [String] = []

    static func complete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    {
        let word = text.map { String(cString: $0) } ?? ""
        let line = rl_line_buffer.map { String(cString: $0) } ?? ""
        let prefix = String(decoding: Array(line.utf8.prefix(Int(start))), as: UTF8.self)
        guard let found = session?.completions(forWord: word, after: prefix) else {
            rl_attempted_completion_over = 0  // file names
            return nil
        }
        rl_attempted_completion_over = 1
        candidates = found
        return rl_completion_matches(text) { _, state in CompletionBridge.generate(state) }
    }

    static func generate(_ state: Int32) -> UnsafeMutablePointer<CChar>? {
        let index = Int(state)
        guard index < candidates.count else { return nil }
        return strdup(candidates[index])
    }
}
