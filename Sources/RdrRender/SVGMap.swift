import RdrData
import RdrReport

/// Draws a `MapData` as an SVG choropleth of Denmark on the DAGI outlines: the projection, the
/// Bornholm inset, a path per municipality, the legend, the credit and the source. One SVG user
/// unit is 200 m; the viewBox lets it scale to any width, and it needs no network or font file.
public enum SVGMap {
    /// Metres per SVG unit: coarse enough to keep the file small (about 120 kB), finer than the
    /// outlines' own simplification (250 m).
    static let metresPerUnit = 200
    static let bornholm = 400
    /// Moves Bornholm from its true place, 130 km east of Zealand, into the empty sea east of
    /// Læsø, where it is drawn in a box (the data README's suggestion).
    static let bornholmShift = (x: -162_605, y: 233_360)
    /// ColorBrewer's YlGnBu in 5 classes: sequential, colour-blind safe and readable in grey.
    static let palette = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif"

    /// A standalone SVG file.
    public static func file(_ map: MapData, outlines: MunicipalityOutlines) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(map, outlines: outlines, id: "map")
    }

    /// The `<svg>` element, for a file or inline in HTML; every id starts with `id`, so that
    /// several maps can share a page.
    public static func element(_ map: MapData, outlines: MunicipalityOutlines, id: String) -> String {
        let layout = Layout(map: map, outlines: outlines)
        let esc = DocumentRenderer.escaped
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(layout.width) \(layout.height)\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"rdr-map\" "
            + "style=\"max-width:100%;height:auto\" font-family=\"\(fontFamily)\">\n"
        out += "<title id=\"\(id)-title\">\(esc(map.title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(esc(map.altText + " " + MunicipalityOutlines.englishCredit))</desc>\n"
        out += "<defs><pattern id=\"\(id)-none\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"10\" height=\"10\" fill=\"#eeeeee\"/>"
            + "<rect width=\"3\" height=\"10\" fill=\"#9a9a9a\"/></pattern></defs>\n"
        out += "<rect width=\"\(layout.width)\" height=\"\(layout.height)\" fill=\"#ffffff\"/>\n"
        out += layout.text(layout.titleLines, x: Layout.pad, y: Layout.pad + 40, size: 40, bold: true)
        out += layout.text(layout.subtitleLines, x: Layout.pad, y: layout.subtitleTop + 28, size: 28, colour: "#333333")

        let inset = layout.inset
        out += "<rect class=\"inset\" data-inset=\"\(Self.bornholm)\" x=\"\(inset.x)\" y=\"\(inset.y)\" width=\"\(inset.width)\" "
            + "height=\"\(inset.height)\" fill=\"#f4f7fa\" stroke=\"#777777\" stroke-width=\"2\"/>\n"
        out += "<text x=\"\(inset.x + 6)\" y=\"\(inset.y - 8)\" font-size=\"24\" fill=\"#444444\">Bornholm</text>\n"

        out += "<g class=\"municipalities\" stroke=\"#555555\" stroke-width=\"1\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n"
        for outline in outlines.outlines {
            let figure = map.figure(code: outline.code)
            let fill = figure.map { palette[map.classes[$0.classIndex].shade] } ?? "url(#\(id)-none)"
            let tip = figure.map { "\(outline.name): \($0.text)" }
                ?? "\(outline.name): " + (map.missing.first { $0.municipality.code == outline.code }?.reason ?? map.missingLabel)
            out += "<path data-code=\"\(outline.code)\" data-name=\"\(esc(outline.name))\" "
                + "data-class=\"\(figure.map { String($0.classIndex + 1) } ?? "none")\" fill=\"\(fill)\" "
                + "d=\"\(layout.path(outline))\"><title>\(esc(tip))</title></path>\n"
        }
        out += "</g>\n"

        let outlined = map.highlighted.compactMap { outlines.outline(code: $0.code) }
        if !outlined.isEmpty {
            out += "<g class=\"highlight\" fill=\"none\" stroke-linejoin=\"round\">\n"
            for outline in outlined {
                let d = layout.path(outline)
                out += "<path d=\"\(d)\" stroke=\"#ffffff\" stroke-width=\"9\"/>"
                    + "<path data-highlight=\"\(outline.code)\" d=\"\(d)\" stroke=\"#000000\" stroke-width=\"4\"/>\n"
            }
            for outline in outlined {
                let (x, y) = layout.labelPoint(outline)
                out += "<text x=\"\(x)\" y=\"\(y)\" font-size=\"30\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#000000\" "
                    + "stroke=\"#ffffff\" stroke-width=\"7\" paint-order=\"stroke\">\(esc(outline.name))</text>\n"
            }
            out += "</g>\n"
        }

        out += "<g class=\"legend\">\n"
        var y = layout.mapTop + 30
        out += layout.text(Layout.wrap(map.unit + " (municipalities)", width: Layout.legendWidth, size: 28),
                           x: layout.legendLeft, y: y, size: 28, bold: true)
        y += 28 * 1 + 24
        for (number, entry) in layout.legend.enumerated() {
            let swatchStroke = entry.outlined ? "stroke=\"#000000\" stroke-width=\"4\"" : "stroke=\"#555555\" stroke-width=\"1\""
            let fill = entry.shade.map { palette[$0] } ?? (entry.outlined ? "#ffffff" : "url(#\(id)-none)")
            out += "<rect data-legend=\"\(entry.key)\" x=\"\(layout.legendLeft)\" y=\"\(y)\" width=\"48\" height=\"32\" "
                + "fill=\"\(fill)\" \(swatchStroke)/>\n"
            let lines = Layout.wrap(entry.label, width: Layout.legendWidth - 64, size: 28)
            out += layout.text(lines, x: layout.legendLeft + 64, y: y + 25, size: 28, key: "legend-\(number + 1)")
            y += max(48, 36 * lines.count + 12)
        }
        out += "</g>\n"

        out += layout.text(layout.creditLines, x: Layout.pad, y: layout.creditTop + 22, size: 22, colour: "#222222",
                           key: "credit")
        out += layout.text(layout.captionLines, x: Layout.pad, y: layout.captionTop + 24, size: 24, colour: "#444444",
                           key: "source")
        return out + "</svg>\n"
    }

    /// Where everything goes, in SVG units.
    struct Layout {
        static let pad = 24
        static let legendWidth = 560
        static let lineHeight = 1.3

        let map: MapData
        let width: Int
        let height: Int
        let titleLines: [String]
        let subtitleLines: [String]
        let subtitleTop: Int
        let mapTop: Int
        let mapHeight: Int
        let legendLeft: Int
        let creditLines: [String]
        let creditTop: Int
        let captionLines: [String]
        let captionTop: Int
        let inset: (x: Int, y: Int, width: Int, height: Int)
        let legend: [(key: String, label: String, shade: Int?, outlined: Bool)]
        private let xmin: Int
        private let ymax: Int

        init(map: MapData, outlines: MunicipalityOutlines) {
            self.map = map
            var xmin = Int.max, xmax = Int.min, ymin = Int.max, ymax = Int.min
            for outline in outlines.outlines {
                let shift = Self.shift(outline.code)
                for ring in outline.polygons.flatMap({ $0 }) {
                    for point in ring {
                        xmin = min(xmin, point.x + shift.x)
                        xmax = max(xmax, point.x + shift.x)
                        ymin = min(ymin, point.y + shift.y)
                        ymax = max(ymax, point.y + shift.y)
                    }
                }
            }
            self.xmin = xmin
            self.ymax = ymax
            let mapWidth = (xmax - xmin) / SVGMap.metresPerUnit + 1
            mapHeight = (ymax - ymin) / SVGMap.metresPerUnit + 1
            legendLeft = Self.pad + mapWidth + 40
            width = legendLeft + Self.legendWidth + Self.pad
            let textWidth = width - 2 * Self.pad
            titleLines = Self.wrap(map.title, width: textWidth, size: 40)
            subtitleTop = Self.pad + Self.height(lines: titleLines.count, size: 40) + 4
            subtitleLines = Self.wrap(map.subtitleText, width: textWidth, size: 28)
            mapTop = subtitleTop + Self.height(lines: subtitleLines.count, size: 28) + 24
            creditLines = Self.wrap(outlines.credit, width: textWidth, size: 22)
            creditTop = mapTop + mapHeight + 24
            captionLines = map.captionLines.flatMap { Self.wrap($0, width: textWidth, size: 24) }
            captionTop = creditTop + Self.height(lines: creditLines.count, size: 22) + 8
            height = captionTop + Self.height(lines: captionLines.count, size: 24) + Self.pad

            var box = (x0: Int.max, y0: Int.max, x1: Int.min, y1: Int.min)
            let projectedXmin = xmin, projectedYmax = ymax, top = mapTop
            let project = { (point: MunicipalityOutlines.Point, shift: (x: Int, y: Int)) -> (Int, Int) in
                Self.project(point, shift: shift, xmin: projectedXmin, ymax: projectedYmax, top: top)
            }
            for ring in outlines.outline(code: SVGMap.bornholm)?.polygons.flatMap({ $0 }) ?? [] {
                for point in ring {
                    let (x, y) = project(point, Self.shift(SVGMap.bornholm))
                    box = (min(box.x0, x), min(box.y0, y), max(box.x1, x), max(box.y1, y))
                }
            }
            let margin = 18
            inset = box.x0 == Int.max ? (0, 0, 0, 0)
                : (box.x0 - margin, box.y0 - margin, box.x1 - box.x0 + 2 * margin, box.y1 - box.y0 + 2 * margin)

            let outlinedCodes = Set(outlines.outlines.map(\.code))
            let withoutFigure = outlinedCodes.subtracting(map.figures.map(\.municipality.code)).count
            var legend = map.classes.enumerated().map { index, entry in
                (key: String(index + 1), label: "\(entry.label) (\(entry.count))", shade: Optional(entry.shade), outlined: false)
            }
            if withoutFigure > 0 {
                legend.append((key: "none", label: "\(map.missingLabel) (\(withoutFigure))", shade: nil, outlined: false))
            }
            let names = map.highlighted.filter { outlinedCodes.contains($0.code) }.map(\.name)
            if !names.isEmpty {
                legend.append((key: "outlined", label: "outlined: " + names.joined(separator: ", "), shade: nil, outlined: true))
            }
            self.legend = legend
        }

        static func shift(_ code: Int) -> (x: Int, y: Int) {
            code == SVGMap.bornholm ? SVGMap.bornholmShift : (0, 0)
        }

        /// x' = (x − xmin) ÷ s, y' = (ymax − y) ÷ s (north up), rounded to whole units.
        private static func project(_ point: MunicipalityOutlines.Point, shift: (x: Int, y: Int), xmin: Int, ymax: Int,
                                    top: Int) -> (Int, Int) {
            let half = SVGMap.metresPerUnit / 2
            return (pad + (point.x + shift.x - xmin + half) / SVGMap.metresPerUnit,
                    top + (ymax - point.y - shift.y + half) / SVGMap.metresPerUnit)
        }

        func project(_ point: MunicipalityOutlines.Point, code: Int) -> (Int, Int) {
            Self.project(point, shift: Self.shift(code), xmin: xmin, ymax: ymax, top: mapTop)
        }

        /// Each ring as a move and relative lines (`M x,y l dx,dy … z`), points that round to the
        /// same unit dropped; a ring that shrinks below a triangle is left out. Rings are projected
        /// from absolute coordinates, so shared borders stay identical.
        func path(_ outline: MunicipalityOutlines.Outline) -> String {
            var d = ""
            for ring in outline.polygons.flatMap({ $0 }) {
                var points: [(Int, Int)] = []
                for point in ring.dropLast() {
                    let projected = project(point, code: outline.code)
                    if points.last.map({ $0 != projected }) ?? true { points.append(projected) }
                }
                if points.count > 1, points.first! == points.last! { points.removeLast() }
                guard points.count >= 3 else { continue }
                d += "M\(points[0].0),\(points[0].1)l"
                d += zip(points.dropFirst(), points).map { "\($0.0 - $1.0),\($0.1 - $1.1)" }.joined(separator: " ")
                d += "z"
            }
            return d
        }

        /// The middle of the bounding box of a municipality's largest polygon, where its name goes.
        func labelPoint(_ outline: MunicipalityOutlines.Outline) -> (Int, Int) {
            let largest = outline.polygons.max { $0[0].count < $1[0].count }?[0] ?? []
            let points = largest.map { project($0, code: outline.code) }
            let xs = points.map(\.0), ys = points.map(\.1)
            return (((xs.min() ?? 0) + (xs.max() ?? 0)) / 2, ((ys.min() ?? 0) + (ys.max() ?? 0)) / 2 + 10)
        }

        static func height(lines: Int, size: Int) -> Int {
            Int((Double(lines * size) * lineHeight).rounded(.up))
        }

        /// Lines of at most about `width` units at `size`, broken at spaces, after a comma where
        /// one is in the second half of the line ("CC BY 4.0" stays whole). An average glyph is
        /// taken as 0.55 of the size, generous for sans-serif text.
        static func wrap(_ text: String, width: Int, size: Int) -> [String] {
            let limit = max(10, Int(Double(width) / (0.55 * Double(size))))
            var lines: [String] = []
            var line: [Substring] = []
            let length = { (words: ArraySlice<Substring>) in words.map(\.count).reduce(0, +) + max(0, words.count - 1) }
            for word in text.split(separator: " ") {
                if !line.isEmpty, length(line[...]) + 1 + word.count > limit {
                    let comma = line.indices.last { line[$0].hasSuffix(",") && length(line[...$0]) >= limit / 2 }
                    let cut = comma.map { $0 + 1 } ?? line.count
                    lines.append(line[..<cut].joined(separator: " "))
                    line = Array(line[cut...])
                }
                line.append(word)
            }
            if !line.isEmpty { lines.append(line.joined(separator: " ")) }
            return lines
        }

        /// A `<text>` of one or more lines; `key` marks it for a reader of the SVG (data-text).
        func text(_ lines: [String], x: Int, y: Int, size: Int, bold: Bool = false, colour: String = "#000000",
                  key: String? = nil) -> String {
            guard !lines.isEmpty else { return "" }
            let step = Int((Double(size) * Self.lineHeight).rounded())
            var out = "<text\(key.map { " data-text=\"\($0)\"" } ?? "") x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\""
                + (bold ? " font-weight=\"700\"" : "") + " fill=\"\(colour)\">"
            for (index, line) in lines.enumerated() {
                out += "<tspan x=\"\(x)\" dy=\"\(index == 0 ? 0 : step)\">\(DocumentRenderer.escaped(line))</tspan>"
            }
            return out + "</text>\n"
        }
    }
}
