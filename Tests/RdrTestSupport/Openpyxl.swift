import Foundation

/// Reads a workbook with Python's openpyxl: a reader that shares no code with rdr's writer, so
/// that a round trip through it shows the workbook is what another program sees. `.ci/run`
/// installs openpyxl; when python3 or openpyxl is missing, `read` throws an error that says how
/// to install it, so a test that needs it fails rather than passing unseen.
public enum Openpyxl {
    public struct Sheet: Decodable, Sendable {
        public let name: String
        /// The top-left cell of the scrolling part ("A3"), nil when nothing is frozen.
        public let freeze: String?
        /// Every cell that has a value, row by row.
        public let cells: [Cell]

        /// The cell at a reference such as "B3", nil when it has no value.
        public subscript(_ reference: String) -> Cell? { cells.first { $0.reference == reference } }
    }

    public struct Cell: Decodable, Sendable {
        public let reference: String
        public let row: Int
        public let column: Int
        /// openpyxl's data type: "n" number, "s" string, "b" boolean (a formula would be "f").
        public let type: String
        public let number: Double?
        public let text: String?
        public let bool: Bool?
        /// The number format code ("General", "#,##0" …).
        public let format: String
        public let bold: Bool
    }

    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    private static let script = """
        import json, sys
        try:
            import openpyxl
        except ImportError:
            sys.exit(3)
        book = openpyxl.load_workbook(sys.argv[1])
        sheets = []
        for sheet in book.worksheets:
            cells = []
            for row in sheet.iter_rows():
                for cell in row:
                    value = cell.value
                    if value is None:
                        continue
                    cells.append({
                        "reference": cell.coordinate, "row": cell.row, "column": cell.column,
                        "type": cell.data_type,
                        "number": float(value) if cell.data_type == "n" else None,
                        "text": value if isinstance(value, str) else None,
                        "bool": value if isinstance(value, bool) else None,
                        "format": cell.number_format, "bold": bool(cell.font.b),
                    })
            sheets.append({"name": sheet.title, "freeze": sheet.freeze_panes, "cells": cells})
        print(json.dumps(sheets))
        """

    /// The sheets of the workbook at `path`, as openpyxl reads them.
    public static func read(_ path: String) throws -> [Sheet] {
        let install = "install it with: python3 -m pip install openpyxl (.ci/run does)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Unavailable(description: "cannot run python3 (\(error)); the workbook tests read workbooks with openpyxl: \(install)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 3: throw Unavailable(description: "python3 has no openpyxl, which the workbook tests read workbooks with: \(install)")
        case 127: throw Unavailable(description: "python3 is missing; the workbook tests read workbooks with openpyxl: \(install)")
        default: throw Unavailable(description: "openpyxl could not read \(path): \(message)")
        }
        return try JSONDecoder().decode([Sheet].self, from: data)
    }
}
