import Foundation

extension WebsiteDownload {
    /// The cells of a download, line by line, as ids of their distinct texts: 0 is an empty cell
    /// (or one of spaces), `texts[id]` the text, unquoted and trimmed.
    struct Grid {
        var texts: [String] = [""]
        var cells: [Int32] = []
        var rowStarts: [Int] = []
        /// The 1-based line each row starts on (a quoted field may span lines).
        var lines: [Int] = []
        /// One past the last column that is not empty in some row.
        var width = 0

        var rowCount: Int { lines.count }

        init(_ text: [UInt8], separator: UInt8) {
            text.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var cache = FieldCache<Int32>()
                let n = buffer.count
                var i = 0, line = 1
                while i < n {
                    rowStarts.append(cells.count)
                    lines.append(line)
                    var lastFilled = 0
                    while true {
                        while i < n, base[i] == 32 { i += 1 }
                        var start = i, end = i, escaped = false
                        if i < n, base[i] == 34 {
                            start = i + 1
                            var j = start
                            while j < n {
                                if base[j] == 34 {
                                    if j + 1 < n, base[j + 1] == 34 { escaped = true; j += 2; continue }
                                    break
                                }
                                if base[j] == 10 { line += 1 }
                                j += 1
                            }
                            end = j
                            i = min(j + 1, n)
                            while i < n, base[i] != separator, base[i] != 10, base[i] != 13 { i += 1 }
                        } else {
                            while i < n, base[i] != separator, base[i] != 10, base[i] != 13 { i += 1 }
                            end = i
                            while end > start, base[end - 1] == 32 { end -= 1 }
                        }
                        var id: Int32 = 0
                        if end > start {
                            if let known = cache.find(base, start, end) {
                                id = known
                            } else {
                                let decoded = Self.text(base, start, end, escaped: escaped)
                                id = decoded.isEmpty ? 0 : Int32(texts.count)
                                if id != 0 { texts.append(decoded) }
                                _ = cache.insert(id)
                            }
                        }
                        cells.append(id)
                        if id != 0 { lastFilled = cells.count - rowStarts[rowStarts.count - 1] }
                        if i < n, base[i] == separator { i += 1; continue }
                        if i < n, base[i] == 13 { i += 1 }
                        if i < n, base[i] == 10 { i += 1 }
                        line += 1
                        break
                    }
                    width = max(width, lastFilled)
                }
            }
        }

        /// The text of `start ..< end`, spaces and line ends around it trimmed, `""` read as `"`.
        private static func text(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, escaped: Bool) -> String {
            var start = start, end = end
            let isSpace = { (byte: UInt8) in byte == 32 || byte == 9 || byte == 10 || byte == 13 }
            while start < end, isSpace(base[start]) { start += 1 }
            while end > start, isSpace(base[end - 1]) { end -= 1 }
            let s = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
            return escaped ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
        }

        /// The cells a row has; those past its end, up to `width`, are empty. Every look at a row
        /// goes no further, so that one very wide line cannot make the rest slow.
        func cells(of row: Int) -> ArraySlice<Int32> {
            cells[rowStarts[row] ..< (row + 1 < rowStarts.count ? rowStarts[row + 1] : cells.count)]
        }

        func cell(_ row: Int, _ column: Int) -> Int32 {
            let own = cells(of: row)
            return column < own.count ? own[own.startIndex + column] : 0
        }

        func isBlank(_ row: Int) -> Bool { cells(of: row).allSatisfy { $0 == 0 } }

        func filledCount(_ row: Int) -> Int { cells(of: row).filter { $0 != 0 }.count }

        func leadingEmpty(_ row: Int) -> Int {
            let own = cells(of: row)
            return own.firstIndex { $0 != 0 }.map { $0 - own.startIndex } ?? width
        }

        /// Whether the row has a cell that is not empty from `column` on.
        func hasCells(_ row: Int, from column: Int) -> Bool {
            let own = cells(of: row)
            return column < own.count && own[(own.startIndex + column)...].contains { $0 != 0 }
        }
    }
}
