extension BoundaryPicture {
    /// The tones of a `size × size` grid (row by row from the bottom) as few rectangles: the tone
    /// most cells have (the lowest tone in first-seen order on a tie), which the picture draws as its
    /// background, and rectangles covering exactly the cells of every other tone.
    ///
    /// Each row is cut into runs of one tone; a run with the same columns and tone as one in the row
    /// below extends that rectangle upwards, any other starts a new one. A smooth boundary thus costs
    /// a few rectangles per row it crosses, whatever the resolution along it.
    static func regions(_ tones: [Tone], size: Int) -> (base: Tone, regions: [Region]) {
        var counts: [Tone: Int] = [:], order: [Tone] = []
        for tone in tones {
            if counts[tone] == nil { order.append(tone) }
            counts[tone, default: 0] += 1
        }
        // `max(by:)` keeps the first of equal elements.
        let base = order.max { counts[$0]! < counts[$1]! }!

        struct Run: Hashable { let start: Int; let end: Int; let tone: Tone }
        var regions: [Region] = []
        var open: [Run: Int] = [:]
        for r in 0..<size {
            var next: [Run: Int] = [:]
            var c = 0
            while c < size {
                let tone = tones[r * size + c]
                var end = c + 1
                while end < size, tones[r * size + end] == tone { end += 1 }
                let run = Run(start: c, end: end, tone: tone)
                if tone != base {
                    if let i = open[run] {
                        let old = regions[i]
                        regions[i] = Region(column: old.column, row: old.row, columns: old.columns, rows: old.rows + 1, tone: tone)
                        next[run] = i
                    } else {
                        regions.append(Region(column: c, row: r, columns: end - c, rows: 1, tone: tone))
                        next[run] = regions.count - 1
                    }
                }
                c = end
            }
            open = next
        }
        return (base, regions)
    }

    /// The decision boundary of a `size × size` grid of classes: every cell edge with a different
    /// class on each side (nil, no class, counting as a class of its own), joined into the longest
    /// straight pieces. Vertical pieces come first, by grid line and then from the bottom;
    /// horizontal ones after, by grid line and then from the left.
    static func boundary(_ cells: [Int?], size: Int) -> [Segment] {
        var segments: [Segment] = []
        // Vertical grid line x = c between columns c-1 and c, walked upwards.
        for c in 1..<max(size, 1) {
            var start: Int?
            for r in 0...size {
                let differs = r < size && cells[r * size + c - 1] != cells[r * size + c]
                if differs, start == nil { start = r }
                if !differs, let s = start {
                    segments.append(Segment(vertical: true, line: c, from: s, to: r))
                    start = nil
                }
            }
        }
        // Horizontal grid line y = r between rows r-1 and r, walked rightwards.
        for r in 1..<max(size, 1) {
            var start: Int?
            for c in 0...size {
                let differs = c < size && cells[(r - 1) * size + c] != cells[r * size + c]
                if differs, start == nil { start = c }
                if !differs, let s = start {
                    segments.append(Segment(vertical: false, line: r, from: s, to: c))
                    start = nil
                }
            }
        }
        return segments
    }
}
