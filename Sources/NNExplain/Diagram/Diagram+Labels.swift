/// Where the SVG puts the weight labels: each plate where no other edge crosses it and no node,
/// other plate or leader lies under it. A plate sits on its edge where the edge leaves room (the edge
/// then runs into it); where it does not, as between two wide layers, the plate goes to the nearest
/// free spot between the two columns with a thin leader line to its edge.
extension SVGLayout {
    /// A weight label's plate and, when it sits off its edge, the leader from the edge to the plate.
    struct LabelPlace: Sendable {
        let box: Box
        let leader: Segment?
    }

    /// The places of `labelled` edges' labels, in order, each avoiding those placed before it: the
    /// first free spot on the edge (``labelSpots`` × ``labelOffsets(width:)``), else the free spot
    /// nearest the edge between its two columns, else the spot on the edge touching the fewest things.
    func labelPlaces(_ labelled: [Diagram.Edge], diagram: Diagram) -> [LabelPlace] {
        let segments = diagram.edges.map { endpoints($0) }
        let circles = diagram.nodes.map { Box(centerX: x($0.x), centerY: $0.y, width: 2 * radius + 4, height: 2 * radius + 4) }
        let pills = diagram.more.map { Box(centerX: x($0.x), centerY: $0.y, width: SVGLayout.moreWidth($0) + 4, height: 30) }
        let top = Diagram.titleHeight - 6, bottom = layerLabelY - 16
        var placed: [LabelPlace] = []
        for edge in labelled {
            guard let own = endpoints(edge) else { continue }
            let width = SVGLayout.labelWidth(edge)
            let others = zip(diagram.edges, segments).compactMap { other, segment in
                other.layer == edge.layer && other.j == edge.j && other.k == edge.k ? nil : segment
            } + placed.compactMap { $0.leader }
            let obstacles = circles + pills + placed.map { $0.box }
            func conflicts(_ box: Box) -> Int {
                others.filter(box.crosses).count + obstacles.filter(box.overlaps).count
            }
            func isFree(_ box: Box) -> Bool { !obstacles.contains(where: box.overlaps) && !others.contains(where: box.crosses) }
            var best: (box: Box, conflicts: Int)?
            search: for (dx, dy) in SVGLayout.labelOffsets(width: width) {
                for t in SVGLayout.labelSpots {
                    let box = Box(centerX: own.x1 + (own.x2 - own.x1) * t + dx, centerY: own.y1 + (own.y2 - own.y1) * t + dy,
                                  width: width, height: SVGLayout.labelHeight)
                    guard box.crosses(own) else { continue }
                    let count = conflicts(box)
                    if best == nil || count < best!.conflicts { best = (box, count) }
                    if count == 0 { break search }
                }
            }
            if let found = best, found.conflicts == 0 {
                placed.append(LabelPlace(box: found.box, leader: nil))
                continue
            }
            // Off the edge: candidate centres on a grid from one column's centre line to the other's.
            let (left, right) = (min(own.x1, own.x2) - radius, max(own.x1, own.x2) + radius)
            var candidates: [(box: Box, leader: Segment, length: Double)] = []
            for cx in stride(from: left, through: right, by: 4) {
                for cy in stride(from: top + SVGLayout.labelHeight / 2, through: bottom - SVGLayout.labelHeight / 2, by: 4) {
                    let box = Box(centerX: cx, centerY: cy, width: width, height: SVGLayout.labelHeight)
                    guard !box.crosses(own) else { continue }  // those were tried on the edge
                    let leader = own.leader(to: box)
                    candidates.append((box, leader, leader.length))
                }
            }
            // The shortest leader wins, each other edge it crosses counting as ``leaderCrossing`` more
            // units of length; a leader never crosses a plate or a node and, where any spot allows,
            // no other leader, its dot keeping ``anchorClearance`` from other edges.
            candidates.sort { $0.length < $1.length }
            func cheapest(clearance: Double, crossingLeaders: Bool = false) -> (box: Box, leader: Segment, cost: Double)? {
                var chosen: (box: Box, leader: Segment, cost: Double)?
                for c in candidates {
                    if let chosen, c.length >= chosen.cost { break }
                    guard isFree(c.box), !obstacles.contains(where: { $0.crosses(c.leader) }),
                          !others.contains(where: { $0.distance(toX: c.leader.x1, y: c.leader.y1) < clearance }),
                          crossingLeaders || !placed.contains(where: { $0.leader?.intersects(c.leader) ?? false }) else { continue }
                    let cost = c.length + SVGLayout.leaderCrossing * Double(others.filter { $0.intersects(c.leader) }.count)
                    if chosen == nil || cost < chosen!.cost { chosen = (c.box, c.leader, cost) }
                }
                return chosen
            }
            let chosen = cheapest(clearance: SVGLayout.anchorClearance) ?? cheapest(clearance: 0) ?? cheapest(clearance: 0, crossingLeaders: true)
            if let chosen {
                placed.append(LabelPlace(box: chosen.box, leader: chosen.leader))
            } else if let best {
                placed.append(LabelPlace(box: best.box, leader: nil))
            }
        }
        return placed
    }

    /// What crossing one edge costs a leader, in units of its length: a leader across an edge is
    /// harder to follow than a longer one around it.
    static let leaderCrossing = 30.0
    /// How far a leader's dot on its edge stays from every other edge, so it marks one edge only.
    static let anchorClearance = 6.0

    /// Where along its edge a label may sit, middle first, then alternately nearer each end.
    static let labelSpots: [Double] = {
        var spots = [0.5]
        for step in 1...20 {
            let d = 0.02 * Double(step)
            spots += [0.5 - d, 0.5 + d]
        }
        return spots
    }()

    /// How far a label's centre may sit from its point on the edge: on it, then shifted up, down,
    /// left, right and diagonally by all but a few units of half the box, so that the edge still
    /// runs into the plate and the label reads as its edge's.
    static func labelOffsets(width: Double) -> [(Double, Double)] {
        let (h, v) = (width / 2 - 8, labelHeight / 2 - 4)
        return [(0, 0), (0, -v), (0, v), (-h, 0), (h, 0), (-h, -v), (h, -v), (-h, v), (h, v)]
    }
}

extension Segment {
    /// Whether the two segments cross or touch (their endpoints on opposite sides of each other).
    func intersects(_ o: Segment) -> Bool {
        func side(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Double {
            (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
        }
        let d1 = side(o.x1, o.y1, o.x2, o.y2, x1, y1), d2 = side(o.x1, o.y1, o.x2, o.y2, x2, y2)
        let d3 = side(x1, y1, x2, y2, o.x1, o.y1), d4 = side(x1, y1, x2, y2, o.x2, o.y2)
        return d1 * d2 <= 0 && d3 * d4 <= 0
    }

    var length: Double { ((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)).squareRoot() }

    /// How far the point (x, y) is from the segment.
    func distance(toX x: Double, y: Double) -> Double {
        let dx = x2 - x1, dy = y2 - y1, squared = dx * dx + dy * dy
        let t = squared == 0 ? 0 : min(max(((x - x1) * dx + (y - y1) * dy) / squared, 0), 1)
        let (px, py) = (x1 + dx * t - x, y1 + dy * t - y)
        return (px * px + py * py).squareRoot()
    }

    /// The shortest line from this segment's middle 60 % to `box`'s rim, for a label set off its
    /// edge: away from the ends, where edges meet at their nodes and a dot could belong to either.
    func leader(to box: Box) -> Segment {
        let dx = x2 - x1, dy = y2 - y1, squared = dx * dx + dy * dy
        let t = squared == 0 ? 0.5 : min(max(((box.centerX - x1) * dx + (box.centerY - y1) * dy) / squared, 0.2), 0.8)
        let (px, py) = (x1 + dx * t, y1 + dy * t)
        let (qx, qy) = (min(max(px, box.minX), box.maxX), min(max(py, box.minY), box.maxY))
        return Segment(x1: px, y1: py, x2: qx, y2: qy)
    }
}
