import RdrData
import RdrEngine
import RdrReport
import RdrRender

/// `map NAME [for NAMES] [to FILE.svg]`: a kept result as a map of Denmark. The map is built
/// from the engine's analysis the result keeps; with `to` it is written as an SVG file, whole or
/// not at all; without, the prompt gets a summary of the classes (a map needs a file or a
/// report). Either way a script's report shows it.
extension Session {
    func drawMap(_ name: Located<String>, for chosen: [Located<String>], to path: Located<String>?,
                 emit: (Output) -> Void) throws {
        if let path, !path.value.lowercased().hasSuffix(".svg") {
            let report = DocumentRenderer.Format(path: path.value) != nil
                ? "; a report shows its maps (report to \(path.value))" : ""
            throw Diagnostic("a map is written as an SVG file (.svg); '\(path.value)' is not one\(report)", at: path.range)
        }
        let kept = try self.kept(name)
        guard let analysis = kept.analysis else {
            throw Diagnostic("\(name.value.quotedInMessage) is a table without a computation (an explanation, a listing or a "
                             + "check), which has no figure per municipality; map draws a ranking (rank …), the ranking "
                             + "behind a gap, or peers", at: name.range)
        }
        var highlight: [Municipality]? = kept.highlighted.isEmpty ? nil : kept.highlighted
        if !chosen.isEmpty {
            let matcher = NameMatcher(MapData.municipalities(of: analysis), names: { [$0.name, String($0.code)] })
            highlight = try chosen.map { located throws(Diagnostic) -> Municipality in
                switch matcher.match(located.value) {
                case .found(let municipality): return municipality
                case .notFound(let suggestions):
                    throw Diagnostic("no municipality \(located.value.quotedInMessage) in \(name.value)"
                                     + didYouMean(suggestions, otherwise: "municipalities has the list"), at: located.range)
                }
            }
        }
        let map: MapData
        do {
            map = try MapData.make(from: analysis, highlight: highlight)
        } catch {
            throw Diagnostic("cannot map \(name.value): \(error)", at: name.range)
        }
        let outlines: MunicipalityOutlines
        do {
            outlines = try MunicipalityOutlines.shared()
        } catch {
            throw Diagnostic(error.description, at: name.range)
        }
        let unplaced = map.figures.map(\.municipality).filter { outlines.outline(code: $0.code) == nil }
        if unplaced.count == map.figures.count {
            // The teaching dataset's 98 fictional municipalities (codes 1001 …) have no place in
            // Denmark, and placing them by position would invent a geography: refused.
            let why = map.provenance.invented ? "the teaching municipalities are fictional"
                : "none of its municipalities has an outline (codes 101-860)"
            throw Diagnostic("cannot map \(name.value): \(why); map works on real data (load R2024, then rank …)",
                             at: name.range)
        }
        let outlined = map.highlighted.isEmpty ? "" : ", " + map.highlighted.map(\.name).joined(separator: ", ") + " outlined"
        let what = "\(map.figures.count - unplaced.count) municipalities in \(map.classes.count) classes\(outlined)"
        var notes = unplaced.isEmpty ? "" : " Not drawn (no outline): " + unplaced.map(\.name).joined(separator: ", ") + "."
        if let path {
            do {
                try AtomicFile.write(SVGMap.file(map, outlines: outlines), to: resolve(path.value).path)
            } catch {
                throw Diagnostic(error.description, at: path.range)
            }
            drawnMap = map
            emit(.message("Drew \(name.value) as a map (\(map.title); \(what)) to \(path.value)." + notes))
            return
        }
        drawnMap = map
        notes += "\nA map is drawn in a file or a report: map \(name.value) to denmark.svg, or report to report.html."
        var classes = map.classes.map { "  \($0.label): \($0.count)" }.joined(separator: "\n")
        if !map.missing.isEmpty {
            let names = map.missing.count <= 5 ? " (" + map.missing.map(\.municipality.name).joined(separator: ", ") + ")" : ""
            classes += "\n  \(map.missingLabel): \(map.missing.count)\(names)"
        }
        emit(.message("Map of \(name.value): \(map.title); \(what):\n\(classes)" + notes))
    }
}
