/// A small RFC 4180 reader for the package's own data files: comma-separated, optional quotes,
/// LF or CRLF line ends, a header row. Errors name the file and line.
struct CSVFile {
    let name: String
    let header: [String]
    /// Data rows with their 1-based line numbers in the file.
    let rows: [(line: Int, fields: [String])]

    init(name: String, text: String) throws(DataError) {
        self.name = name
        var records = Self.records(in: text)
        guard !records.isEmpty else { throw DataError.damaged(file: name, line: 1, reason: "the file is empty") }
        header = records.removeFirst().fields
        for record in records where record.fields.count != header.count {
            throw DataError.damaged(file: name, line: record.line,
                                    reason: "\(record.fields.count) fields where the header has \(header.count)")
        }
        rows = records
    }

    func column(_ key: String) throws(DataError) -> Int {
        guard let index = header.firstIndex(of: key) else {
            throw DataError.damaged(file: name, line: 1, reason: "no column '\(key)'")
        }
        return index
    }

    func int(_ field: String, line: Int) throws(DataError) -> Int {
        guard let value = Int(field) else {
            throw DataError.damaged(file: name, line: line, reason: "'\(field)' is not a whole number")
        }
        return value
    }

    private static func records(in text: String) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() }
                    else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",": fields.append(field); field = ""
            case "\r": break
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
