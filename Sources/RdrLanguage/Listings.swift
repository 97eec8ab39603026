import Foundation
import RdrData
import RdrEngine
import RdrReport

/// The listing commands: areas, results, datasets, municipalities, functions, and `area NAME`.
/// Listings are result sets too, so they render and export like any result.
extension Session {
    func list(_ listing: Statement.Listing, at range: SourceRange) throws -> ResultSet {
        switch listing {
        case .areas: return areasListing()
        case .results: return resultsListing()
        case .datasets: return try datasetsListing()
        case .municipalities: return try municipalitiesListing()
        case .functions: return try functionsListing(at: range)
        }
    }

    private func areasListing() -> ResultSet {
        ResultSet(
            title: "Areas (built-in from areas.rdr, or defined in this session)",
            columns: [text("area", "area"), text("title", "title"), text("functions", "functions"), text("per", "per")],
            rows: areas.map { [.text($0.key), .text($0.title), .text($0.functionsText), .text($0.segment.description)] },
            provenance: nil)
    }

    private func resultsListing() -> ResultSet {
        ResultSet(
            title: "Results in this session (_ is the last one)",
            columns: [text("name", "name"), text("title", "title"), .init(key: "rows", title: "rows", kind: .integer),
                      text("dataset", "dataset")],
            rows: results.map { [.text($0.name), .text($0.result.table.title), .integer($0.result.table.rows.count),
                                 .text($0.result.table.provenance?.dataset ?? "")] },
            notes: results.isEmpty ? ["No results yet: let s = rank Skole keeps one under a name."] : [],
            provenance: nil)
    }

    private func datasetsListing() throws -> ResultSet {
        var rows: [[ResultSet.Value]] = []
        let row = { (collection: String, id: DatasetID, source: String, status: String) -> [ResultSet.Value] in
            let isCurrent = self.dataset.map { $0.collection == collection && $0.id == id } ?? false
            let isLoaded = self.workspace.contains { $0.collection == collection && $0.id == id }
            return [.text(collection), .text(id.description), .text(id.spelledOut), .text(source),
                    .text(isCurrent ? "current" : isLoaded ? "loaded" : status)]
        }
        let store = self.store
        let populationYears = Set(store.populationYears)
        for id in store.datasets {
            let files = store.manifest(.accounts(id))?.files ?? []
            let megabytes = Double(files.reduce(0) { $0 + $1.bytes }) / 1_000_000
            let how = files.allSatisfy { $0.origin.hasPrefix("POST") } ? "fetched" : "imported"
            let source = "\(how) \(files.map(\.received).max() ?? "?"), \(files.count) file(s), "
                + String(format: "%.1f MB", megabytes)
            let damage = store.damage(.accounts(id)).map { "DAMAGED: \($0)" }
                ?? store.damage(.population(year: id.year)).map { "DAMAGED population \(id.year): \($0)" }
            rows.append(row("local", id, source, damage ?? (populationYears.contains(id.year) ? "" : "needs FOLK1A \(id.year)K1")))
        }
        for name in ["real", "teaching"] {
            let source = name == "real" ? "built-in snapshot, Statistics Denmark" : "INVENTED, fictional municipalities"
            for id in try dataCollection(name).datasets { rows.append(row(name, id, source, "")) }
        }
        return ResultSet(
            title: "Datasets: load R2024 (local store first, else the built-in snapshot), load teaching R2020 (invented)",
            columns: [text("collection", "collection"), text("dataset", "dataset"), text("what", "what"),
                      text("source", "source"), text("status", "status")],
            rows: rows,
            notes: ["local: \(dataDirectory) (fetch and import fill it). real: built-in snapshot, 25 functions, "
                    + "population totals. teaching: INVENTED figures.",
                    "Loaded: \(workspace.isEmpty ? "none" : workspace.map(\.name).joined(separator: ", ")); statements run on "
                    + "the current one unless they say on DATASET."],
            provenance: nil)
    }

    private func municipalitiesListing() throws -> ResultSet {
        let municipalities = try dataset?.municipalities ?? dataCollection("real").municipalities
        let invented = dataset?.provenance.invented ?? false
        return ResultSet(
            title: "Municipalities of \(dataset?.name ?? "the real snapshot")" + (invented ? " (fictional)" : ""),
            columns: [.init(key: "code", title: "code", kind: .integer), text("name", "kommune"),
                      text("region", "region"), text("group", "DST group")],
            rows: municipalities.map { [.integer($0.code), .text($0.name), .text($0.region), .text($0.group)] },
            provenance: nil)
    }

    private func functionsListing(at range: SourceRange) throws -> ResultSet {
        guard let dataset else {
            throw Diagnostic("no dataset is loaded; load R2024 or load teaching R2020, then functions", at: range)
        }
        return functionsTable(dataset.functions, in: dataset, title: "Functions in \(dataset.name)")
    }

    /// `area NAME`: the definition, and the functions it sums in the loaded dataset.
    func describe(_ target: Target) throws -> ResultSet {
        let area = try self.area(target, in: dataset)
        let title = "Area \(area.key) (\(area.title)) = \(area.functionsText) per \(area.segment)"
        guard let dataset else {
            return ResultSet(title: title, columns: [text("function", "function")],
                             rows: area.include.map { [.text($0.description)] },
                             notes: ["Load a dataset to see the functions it sums."], provenance: nil)
        }
        do {
            return functionsTable(try dataset.functions(of: area), in: dataset, title: title + ", in \(dataset.name)")
        } catch {
            return ResultSet(title: title, columns: [text("function", "function")],
                             rows: area.include.map { [.text($0.description)] },
                             notes: ["Cannot be computed on \(dataset.name): \(error)."], provenance: nil)
        }
    }

    private func functionsTable(_ codes: [FunctionCode], in dataset: Dataset, title: String) -> ResultSet {
        let usedBy = { (code: FunctionCode) in self.areas.filter { $0.contains(code) }.map(\.key).joined(separator: ", ") }
        return ResultSet(
            title: title,
            columns: [text("function", "function"), text("label", "label"), text("areas", "in areas")],
            rows: codes.map { [.text($0.description), .text(dataset.functionLabels[$0] ?? ""), .text(usedBy($0))] },
            notes: dataset.chartIsComplete ? [] : ["\(dataset.name) holds a selection of functions, not the whole chart of accounts."],
            provenance: nil)
    }

    private func text(_ key: String, _ title: String) -> ResultSet.Column {
        .init(key: key, title: title, kind: .text)
    }
}
