extension GraphPicture {
    /// Where the SVG puts every box and operation circle.
    ///
    /// Columns: a node that computes from shown nodes sits one column after its latest shown input
    /// (the longest path from a shown leaf); a box without shown inputs (a leaf, or a context node)
    /// sits just before the first column that reads it, so a weight stands beside its product and not
    /// far off in the first column. Rows: each column in shown order, then a few passes of the
    /// barycentre heuristic (each box moved towards the mean height of the boxes it is joined to,
    /// alternately by its inputs and by its users), every column kept a row apart; ties broken by the
    /// order before, so the same graph gives the same picture.
    struct Layout: Sendable, Equatable {
        static let nameFont = 14.0
        static let dataFont = 11.0
        static let operationFont = 12.0
        static let boxHeight = 40.0
        static let rowPitch = 54.0
        /// The operation ellipse's half height, and its least half width (a circle).
        static let operationRadius = 14.0
        /// From an operation's circle to its box, and from a column's boxes to the next column.
        static let operationGap = 20.0
        static let columnGap = 48.0
        static let margin = 30.0
        static let titleHeight = 64.0
        static let legendLine = 20.0
        static let legendFont = SVGLayout.legendFont

        /// Per box: its column, the box's left edge, centre height, the width of its name cell and
        /// its whole width, and its operation's ellipse half width (0 without one).
        let column: [Int]
        let left: [Double]
        let y: [Double]
        let nameWidth: [Double]
        let width: [Double]
        let operationRadius: [Double]
        /// The right edge of the last column plus the margin, and the bottom of the lowest box.
        let contentWidth: Double
        let contentBottom: Double

        init(boxes: [Box], links: [Link]) {
            let n = boxes.count
            var inputs = [[Int]](repeating: [], count: n), users = inputs, offsets = [[Double]](repeating: [], count: n)
            for link in links { inputs[link.to].append(link.from) }
            // A user pulls its k-th of n inputs towards the k-th of n heights around its own, so the
            // first input of `a − b` tends to lie above the second, as its edge enters the circle.
            for link in links {
                users[link.from].append(link.to)
                let slot = Double(inputs[link.to].firstIndex(of: link.from)!), count = Double(inputs[link.to].count)
                offsets[link.from].append((slot - (count - 1) / 2) * Layout.rowPitch / 2)
            }
            // Shown order is topological (ids increase along every edge), so one pass sets each column.
            let order = boxes.indices.sorted { boxes[$0].id < boxes[$1].id }
            var column = [Int](repeating: 0, count: n)
            for b in order where !inputs[b].isEmpty { column[b] = 1 + inputs[b].map { column[$0] }.max()! }
            for b in order.reversed() where inputs[b].isEmpty && !users[b].isEmpty {
                column[b] = users[b].map { column[$0] }.min()! - 1
            }
            self.column = column
            let columns = (column.max() ?? -1) + 1
            var members = (0..<columns).map { c in order.filter { column[$0] == c } }

            // Rows by barycentres, each column placed as near its boxes' targets as a row apart allows.
            var y = [Double](repeating: 0, count: n)
            for c in 0..<columns { for (row, b) in members[c].enumerated() { y[b] = Double(row) * Layout.rowPitch } }
            for pass in 0..<8 {
                let forward = pass % 2 == 0
                for c in forward ? Array(0..<columns) : (0..<columns).reversed() {
                    let target = members[c].map { b -> Double in
                        let above = inputs[b].map { y[$0] }, below = zip(users[b], offsets[b]).map { y[$0] + $1 }
                        let preferred = forward ? above : below
                        let near = preferred.isEmpty ? above + below : preferred
                        return near.isEmpty ? y[b] : near.reduce(0, +) / Double(near.count)
                    }
                    let ranked = members[c].indices.sorted { (target[$0], y[members[c][$0]], members[c][$0]) < (target[$1], y[members[c][$1]], members[c][$1]) }
                    members[c] = ranked.map { members[c][$0] }
                    for (b, placed) in zip(members[c], Layout.spaced(ranked.map { target[$0] })) { y[b] = placed }
                }
            }
            let top = y.min() ?? 0
            self.y = y.map { $0 - top + Layout.titleHeight + Layout.boxHeight / 2 }

            // Columns as wide as their widest box, each after room for its operations' circles.
            var nameWidth = [Double](repeating: 0, count: n), width = nameWidth, radius = nameWidth, left = nameWidth
            for (b, box) in boxes.enumerated() {
                nameWidth[b] = max(30, Diagram.mathWidth(box.name, suffix: "", size: Layout.nameFont) + 16)
                let data = max(GraphPicture.valueText(box.value).count, GraphPicture.gradientText(box.gradient).count)
                width[b] = Diagram.monoWidth(String(repeating: "0", count: data), size: Layout.dataFont) + 14
                if let operation = box.operation {
                    radius[b] = max(Layout.operationRadius, Diagram.sansWidth(operation, size: Layout.operationFont) / 2 + 7)
                }
            }
            var x = Layout.margin
            for c in 0..<columns {
                let names = members[c].map { nameWidth[$0] }.max() ?? 0, data = members[c].map { width[$0] }.max() ?? 0
                let circles = members[c].map { radius[$0] }.max() ?? 0
                if circles > 0 { x += 2 * circles + Layout.operationGap }
                for b in members[c] { (left[b], nameWidth[b], width[b]) = (x, names, names + data) }
                x += names + data + Layout.columnGap
            }
            (self.left, self.nameWidth, self.width, operationRadius) = (left, nameWidth, width, radius)

            contentWidth = x - Layout.columnGap + Layout.margin
            contentBottom = (self.y.max() ?? Layout.titleHeight) + Layout.boxHeight / 2
        }

        /// The canvas for this title and legend: wide enough for the columns and every line of text.
        func canvas(title: String, legend: [String]) -> (width: Double, height: Double, legendY: Double) {
            let texts = legend.map { Diagram.sansWidth($0, size: Layout.legendFont) + 2 * Layout.margin + 40 }
            let width = max(contentWidth, Diagram.sansWidth(title, size: 18) + 2 * Layout.margin, texts.max() ?? 0)
            let legendY = contentBottom + 40
            return (width, legendY + Double(max(legend.count - 1, 0)) * Layout.legendLine + Layout.margin, legendY)
        }

        /// The operation circle's centre of box `b`.
        func operationCentre(_ b: Int) -> (x: Double, y: Double) {
            (left[b] - Layout.operationGap - operationRadius[b], y[b])
        }

        /// Where the edge of the `slot`-th of `count` inputs enters box `b`'s operation circle: on its
        /// left rim, the first input highest, so the order of `a − b` and `a / b` can be read.
        func entry(_ b: Int, slot: Int, of count: Int) -> (x: Double, y: Double) {
            let centre = operationCentre(b), ry = Layout.operationRadius
            let dy = count < 2 ? 0 : ry * 0.6 * (2 * Double(slot) / Double(count - 1) - 1)
            return (centre.x - operationRadius[b] * (1 - dy * dy / (ry * ry)).squareRoot(), centre.y + dy)
        }

        /// Heights as near `targets` (in order) as keeping them a row apart, in order, allows: the
        /// least squares fit, by pooling adjacent violators.
        static func spaced(_ targets: [Double]) -> [Double] {
            // With u_i = y_i − i·pitch the rows must not decrease: an isotonic fit of the shifted targets.
            var blocks: [(sum: Double, count: Int)] = []
            for (i, t) in targets.enumerated() {
                blocks.append((t - Double(i) * rowPitch, 1))
                while blocks.count > 1, blocks[blocks.count - 2].sum / Double(blocks[blocks.count - 2].count)
                        > blocks[blocks.count - 1].sum / Double(blocks[blocks.count - 1].count) {
                    let last = blocks.removeLast()
                    blocks[blocks.count - 1].sum += last.sum
                    blocks[blocks.count - 1].count += last.count
                }
            }
            var out: [Double] = []
            for block in blocks {
                let u = block.sum / Double(block.count)
                for _ in 0..<block.count { out.append(u + Double(out.count) * rowPitch) }
            }
            return out
        }
    }
}
