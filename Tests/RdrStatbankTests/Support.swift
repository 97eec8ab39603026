import Foundation
import RdrEngine
import Testing

import RdrStatbank

// What the reader tests share. Fixtures in Fixtures/ are small files in Statistics Denmark's
// Statbank API formats (CSV answers with a byte-order mark and CRLF, BULK answers without and with
// LF; codes and labels). Their figures are made up for the tests; the equivalence tests use the
// real snapshot, read here.

let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let repository = folder.deletingLastPathComponent().deletingLastPathComponent()
let realFolder = repository.appendingPathComponent("Sources/RdrData/Resources/real")

func fixture(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: folder.appendingPathComponent("Fixtures").appendingPathComponent(name)))
}

/// The real snapshot's municipalities, name → code, plus "Hele landet" → 0: what callers pass.
let municipalityCodes: [String: Int] = {
    guard let text = try? String(contentsOf: realFolder.appendingPathComponent("municipalities.csv"), encoding: .utf8)
    else { return [:] }
    var codes = ["Hele landet": 0]
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        if fields.count >= 2, let code = Int(fields[0]) { codes[String(fields[1])] = code }
    }
    return codes
}()

func read(_ text: String, name: String = "t.csv", table: StatbankTable? = nil)
    throws(StatbankFormatError) -> StatbankContent
{
    try StatbankReader.read(Array(text.utf8), name: name, table: table, municipalities: municipalityCodes)
}

func accounts(_ content: StatbankContent) -> AccountsFigures? {
    if case .accounts(let figures) = content { return figures }
    return nil
}

func population(_ content: StatbankContent) -> PopulationFigures? {
    if case .population(let figures) = content { return figures }
    return nil
}

/// The error reading `text` gives, or nil when it reads.
func failure(_ text: String, name: String = "t.csv", table: StatbankTable? = nil) -> StatbankFormatError? {
    do {
        _ = try read(text, name: name, table: table)
        return nil
    } catch {
        return error
    }
}

func fn(_ text: String) -> FunctionCode { FunctionCode(text)! }

func key(_ year: Int, _ area: Int, _ function: String, _ dranst: Int, _ art: String, _ unit: String)
    -> AccountsKey
{
    AccountsKey(year: year, area: area, function: fn(function), dranst: dranst, art: art, unit: unit)
}

func realRows() throws -> [(year: Int, area: Int, function: FunctionCode, value: Int)] {
    let text = try String(contentsOf: realFolder.appendingPathComponent("regk31_kr_per_inhabitant.csv"), encoding: .utf8)
    return try text.split(whereSeparator: \.isNewline).dropFirst().map { line in
        let f = line.split(separator: ",")
        return (try #require(Int(f[0])), try #require(Int(f[1])), try #require(FunctionCode(String(f[2]))),
                try #require(Int(f[3])))
    }
}

/// DST's undotted function code: 0.28.20 → "2820", 5.38.50 → "53850".
func undotted(_ f: FunctionCode) -> String {
    let rest = (f.group < 10 ? "0" : "") + "\(f.group)" + (f.function < 10 ? "0" : "") + "\(f.function)"
    return f.main == 0 ? rest : "\(f.main)" + rest
}

/// The real snapshot's function labels, "5.38.50" → "Botilbud …", from functions.csv.
func realFunctionLabels() throws -> [FunctionCode: String] {
    let labels = try String(contentsOf: realFolder.appendingPathComponent("functions.csv"), encoding: .utf8)
    var functionLabels: [FunctionCode: String] = [:]
    for line in labels.split(whereSeparator: \.isNewline).dropFirst() {
        let comma = try #require(line.firstIndex(of: ","))
        let label = line[line.index(after: comma)...].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        functionLabels[try #require(FunctionCode(String(line[..<comma])))] = label
    }
    return functionLabels
}
