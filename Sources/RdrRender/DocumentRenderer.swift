import RdrData
import RdrEngine
import RdrReport

/// Renders a whole notebook: a self-contained HTML page (styles inline, no network) or Markdown.
public enum DocumentRenderer {
    /// The formats a report can be written in, from the file's extension.
    public enum Format: String, Sendable, CaseIterable {
        case html, markdown

        /// .html/.htm or .md/.markdown, case-insensitively; nil otherwise.
        public init?(path: String) {
            let name = PathParts(path).name.lowercased()
            // A hidden file's leading dot (".html") does not start an extension.
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            switch name[name.index(after: dot)...] {
            case "html", "htm": self = .html
            case "md", "markdown": self = .markdown
            default: return nil
            }
        }
    }

    public static func render(_ document: Document, as format: Format) -> String {
        switch format {
        case .html: html(document)
        case .markdown: markdown(document)
        }
    }

    /// The blocks grouped as a reader takes them in: the statements up to and including one
    /// that has results, then those results. Each cell with results starts a printed page.
    /// `charts[0]` stand before the first result (`chart NAME`), `charts[i + 1]` follow result i;
    /// `maps` are drawn by `map NAME`, after the results.
    static func cells(of document: Document) -> [Cell] {
        var cells: [Cell] = []
        var open = Cell()
        for block in document.blocks {
            switch block {
            case .statement(let text):
                if open.showsSomething {
                    cells.append(open)
                    open = Cell()
                }
                open.statements.append(text)
            case .result(let result):
                open.results.append(result)
                open.charts.append([])
            case .chart(let chart):
                open.charts[open.charts.count - 1].append(chart)
            case .map(let map):
                open.maps.append(map)
            }
        }
        if !open.statements.isEmpty || open.showsSomething { cells.append(open) }
        return cells
    }

    /// A statement group and what it showed.
    struct Cell {
        var statements: [String] = []
        var results: [ResultSet] = []
        var charts: [[Chart]] = [[]]
        var maps: [MapData] = []

        var showsSomething: Bool { !results.isEmpty || !charts[0].isEmpty || !maps.isEmpty }
    }

    // MARK: Markdown

    static func markdown(_ document: Document) -> String {
        var parts = ["# " + document.title, header(document).map { "- " + $0 }.joined(separator: "\n")]
        if document.holdsInventedFigures { parts.append("**" + document.language.inventedWarning + "**") }
        parts.append("_" + document.language.caveat + "_")
        for cell in cells(of: document) {
            parts.append("```\n" + cell.statements.map(singleLine).joined(separator: "\n") + "\n```")
            // A chart is its text alternative here: Markdown has no image of its own to show.
            parts += cell.charts[0].map(chartLine)
            for (result, charts) in zip(cell.results, cell.charts.dropFirst()) {
                parts.append(MarkdownRenderer.render(result).trimmingTrailingNewlines)
                parts += charts.map(chartLine)
            }
            parts += cell.maps.map(markdown)
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private static func chartLine(_ chart: Chart) -> String {
        "_Chart: " + singleLine(chart.title) + ". " + singleLine(chart.summary) + "_"
    }

    /// The lines under the title: date and generator, parameters, sources.
    static func header(_ document: Document) -> [String] {
        let words = document.language
        var lines = [words.made(document.date, with: document.generator)]
        if !document.parameters.isEmpty {
            lines.append(words.parametersLabel + document.parameters.map { "\($0.name) = \($0.value)" }.joined(separator: ", ") + ".")
        }
        if !document.sources.isEmpty {
            lines.append("Data: " + document.sources.joined(separator: "; ") + ".")
        }
        return lines
    }

    // MARK: HTML

    static func html(_ document: Document) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(document.language.rawValue)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="\(escaped(document.generator))"/>
            <title>\(escaped(document.title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <h1>\(escaped(document.title))</h1>

            """
        out += header(document).map { "<p class=\"meta\">\(escaped($0))</p>\n" }.joined()
        if document.holdsInventedFigures {
            out += "<p class=\"invented\">\(escaped(document.language.inventedWarning))</p>\n"
        }
        out += "<p class=\"caveat\">\(escaped(document.language.caveat))</p>\n</header>\n<main>\n"
        var tableNumber = 0
        for (index, cell) in cells(of: document).enumerated() {
            let page = index > 0 && cell.showsSomething ? " page" : ""
            out += "<section class=\"cell\(page)\">\n"
            out += "<pre class=\"statement\"><code>"
                + cell.statements.map { escaped(singleLine($0)) }.joined(separator: "\n") + "</code></pre>\n"
            if !cell.charts[0].isEmpty {
                out += "<figure class=\"result\">\n" + cell.charts[0].map(chart).joined() + "</figure>\n"
            }
            for (result, charts) in zip(cell.results, cell.charts.dropFirst()) {
                tableNumber += 1
                out += table(result, id: "result-\(tableNumber)", charts: charts)
            }
            for map in cell.maps {
                tableNumber += 1
                out += figure(map, id: "map-\(tableNumber)")
            }
            out += "</section>\n"
        }
        out += "</main>\n<footer>\n"
        out += document.sources.map { "<p>Data: \(escaped($0)).</p>\n" }.joined()
        out += "<p>\(escaped(document.language.madeWith(document.generator)))</p>\n</footer>\n</body>\n</html>\n"
        return out
    }

    /// One result as a figure: a real table with headings, the footer rows, its charts, then its notes and caption.
    private static func table(_ result: ResultSet, id: String, charts: [Chart]) -> String {
        let shown = result.columnIndices(for: .people)
        let numeric = shown.map { result.columns[$0].kind.isRightAligned }
        func row(_ values: [ResultSet.Value], cell: String) -> String {
            let cells = result.cells(of: values, for: .people)
            return "<tr>" + zip(shown, numeric).map { index, isNumber in
                let shown = cells[index].displayText(in: result.language)
                let text = escaped(shown)
                if isNumber { return "<\(cell) class=\"num\">\(text)</\(cell)>" }
                // A short code such as 16-64 or 3.22.01 is not broken at its hyphen or dot.
                return shown.count <= 8 ? "<\(cell) class=\"short\">\(text)</\(cell)>" : "<\(cell)>\(text)</\(cell)>"
            }.joined() + "</tr>\n"
        }
        // The title above the scrolling box, so that a phone shows it whole; the table names it.
        var out = "<figure class=\"result\" id=\"\(id)\">\n"
        out += "<h2 id=\"\(id)-title\">\(escaped(singleLine(result.title)))</h2>\n"
        out += "<div class=\"scroll\">\n<table aria-labelledby=\"\(id)-title\">\n<thead><tr>"
        out += zip(shown, numeric).map { index, isNumber in
            "<th scope=\"col\"\(isNumber ? " class=\"num\"" : "")>\(escaped(singleLine(result.columns[index].title)))</th>"
        }.joined()
        out += "</tr></thead>\n<tbody>\n" + result.rows.map { row($0, cell: "td") }.joined() + "</tbody>\n"
        if !result.footer.isEmpty {
            out += "<tfoot>\n" + result.footer.map { row($0, cell: "td") }.joined() + "</tfoot>\n"
        }
        out += "</table>\n</div>\n" + charts.map(chart).joined() + "<figcaption>\n"
        if !result.notes.isEmpty {
            out += "<ul class=\"notes\">\n" + result.notes.map { "<li>\(escaped(singleLine($0)))</li>\n" }.joined() + "</ul>\n"
        }
        for line in result.captionLines {
            let invented = result.provenance?.invented == true && line == result.captionLines.first
            out += "<p class=\"\(invented ? "invented" : "provenance")\">\(escaped(singleLine(line)))</p>\n"
        }
        return out + "</figcaption>\n</figure>\n"
    }

    /// A chart drawn inline, then its text alternative as a line that prints and reads without the picture.
    private static func chart(_ chart: Chart) -> String {
        "<div class=\"chart\">\n" + SVGChart.render(chart)
            + "<p class=\"chart-summary\">\(escaped(singleLine(chart.summary)))</p>\n</div>\n"
    }

    /// A map as a figure: the SVG inline — its title, legend, credit line and source are part of
    /// it, as in the file — then the licence and the outlines' source as links.
    private static func figure(_ map: MapData, id: String) -> String {
        guard let outlines = try? MunicipalityOutlines.shared() else {
            // Not reached after a map statement, which read the outlines; said rather than dropped.
            return "<figure class=\"map\" id=\"\(id)\">\n<p>\(escaped(map.altText))</p>\n"
                + "<p>(The outlines of the municipalities could not be read.)</p>\n</figure>\n"
        }
        return "<figure class=\"map\" id=\"\(id)\">\n" + SVGMap.element(map, outlines: outlines, id: id)
            + "<figcaption>\n<p class=\"credit\">Map: DAGI (Klimadatastyrelsen), <a href=\"\(escaped(outlines.licenseURL))\">CC BY 4.0</a>, "
            + "<a href=\"\(MunicipalityOutlines.sourceURL)\">dataforsyningen.dk</a>, simplified.</p>\n</figcaption>\n</figure>\n"
    }

    /// A map in Markdown: its text alternative, the legend, the credit and the source.
    private static func markdown(_ map: MapData) -> String {
        var lines = ["**\(singleLine(map.title))** (a map)", "", singleLine(map.altText), ""]
        lines += map.classes.map { "- \($0.label): \($0.count)" }
        let credit = (try? MunicipalityOutlines.shared())?.credit
        lines += [""] + (credit.map { ["_\($0)_", ""] } ?? []) + map.captionLines.map { "_\(singleLine($0))_" }
        return lines.joined(separator: "\n")
    }

    /// The text with the five characters that are markup in HTML and XML escaped, so that the
    /// page is also well-formed XML.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Print on A4 with a page per result and the headings repeated; on a phone the table scrolls
    /// sideways inside its own box. System fonts only: the page needs no network.
    private static let style = """

        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
          color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.4; }
        h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
        .meta { margin: .15rem 0; color: #444; }
        .caveat { margin: .75rem 0; padding: .5rem .75rem; border-left: 4px solid #c08a00; background: #fff8e5; }
        .invented { font-weight: 700; color: #8b0000; }
        .cell { margin: 2rem 0; }
        pre.statement { background: #f3f4f6; border-radius: 4px; padding: .5rem .75rem; overflow-x: auto;
          font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9rem; margin: 0 0 .75rem;
          white-space: pre-wrap; overflow-wrap: anywhere; }
        figure.result { margin: 0 0 1.5rem; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: .9rem; min-width: 50%; }
        h2 { font-size: 1rem; margin: 0 0 .4rem; }
        th, td { padding: .25rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        th { text-align: left; border-bottom: 2px solid #555; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .short { white-space: nowrap; }
        tfoot td { font-weight: 600; border-top: 2px solid #555; }
        tbody tr:nth-child(even) { background: #fafafa; }
        figcaption { font-size: .8rem; color: #444; margin-top: .5rem; }
        figure.map { margin: 0 0 1.5rem; } svg.rdr-map { display: block; width: 100%; height: auto; }
        ul.notes { margin: .25rem 0; padding-left: 1.2rem; }
        .provenance { margin: .15rem 0; }
        div.chart { margin: .75rem 0; max-width: 44rem; }
        div.chart svg { display: block; width: 100%; height: auto; }
        .chart-summary { font-size: .8rem; color: #444; margin: .25rem 0 0; }
        footer { border-top: 1px solid #ccc; margin-top: 2rem; font-size: .8rem; color: #555; }
        @media (max-width: 40rem) { body { padding: .5rem; } table { font-size: .8rem; } th, td { padding: .2rem .35rem; } }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          .scroll { overflow: visible; }
          table { width: 100%; font-size: 8.5pt; }
          thead { display: table-header-group; }
          tfoot { display: table-row-group; }
          tr, .statement, figcaption, div.chart { break-inside: avoid; }
          h2 { break-after: avoid; }
          .cell.page { break-before: page; }
          tbody tr:nth-child(even) { background: none; }
        }

        """
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
