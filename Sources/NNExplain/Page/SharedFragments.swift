/// The blocks a page's views repeat, each written once: the working of `∂C/∂a_j^l` is the same in
/// the derivation of every weight into node j, a sample's working reappears in the average's
/// derivation, and the loss's terms in every derivation of the sample. A shared block is written
/// once as `<template id="t-N">` and in each view as the placeholder `<div data-t="N"></div>`,
/// which the page's script replaces with a copy of the template's content when it shows the view
/// (it copies markup, it computes nothing). Placeholders may stand inside templates too, so the
/// working shared by a whole layer is written once inside the working shared by one node.
struct SharedFragments {
    /// The shortest block worth sharing, in UTF-8 bytes: a placeholder costs 25 and the template's
    /// tags 33, so a shorter block used twice would save next to nothing.
    static let minimumSize = 120

    /// The template number of each shared block, by its text; numbered in the order first met.
    private let numbers: [String: Int]
    /// The shared blocks, in the order of their numbers.
    private let shared: [HTMLFragment]

    /// Shares every block of at least ``minimumSize`` bytes that the views, as written, would
    /// still hold at least twice: a block met only inside one shared block is written once anyway.
    init(_ views: [[HTMLFragment]]) {
        var occurrences: [String: Int] = [:]
        func count(_ block: HTMLFragment) {
            occurrences[block.text, default: 0] += 1
            block.children.forEach(count)
        }
        views.forEach { $0.forEach(count) }
        var candidates = Set(occurrences.filter { $0.value >= 2 && $0.key.utf8.count >= Self.minimumSize }.keys)
        // Uses as written: a candidate's children are written once, in its template. Dropping a
        // candidate only adds uses to the blocks inside it, so the loop ends.
        while true {
            var uses: [String: Int] = [:], order: [HTMLFragment] = []
            func visit(_ block: HTMLFragment) {
                if candidates.contains(block.text) {
                    uses[block.text, default: 0] += 1
                    guard uses[block.text] == 1 else { return }
                    order.append(block)
                }
                block.children.forEach(visit)
            }
            views.forEach { $0.forEach(visit) }
            let kept = candidates.filter { uses[$0, default: 0] >= 2 }
            if kept == candidates {
                shared = order
                numbers = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1.text, $0) })
                return
            }
            candidates = kept
        }
    }

    /// Blocks as a document's HTML (one a line), each shared one as its placeholder.
    func html(_ blocks: [HTMLFragment]) -> String {
        blocks.map { written($0) + "\n" }.joined()
    }

    /// Every template, one after another, for the end of the page.
    var templates: String {
        shared.enumerated().map { n, block in "<template id=\"t-\(n)\">" + content(block) + "</template>" }.joined(separator: "\n")
    }

    private func written(_ block: HTMLFragment) -> String {
        if let n = numbers[block.text] { return "<div data-t=\"\(n)\"></div>" }
        return content(block)
    }

    /// The block itself, the shared blocks inside it as placeholders.
    private func content(_ block: HTMLFragment) -> String {
        guard block.isElement else { return block.open }
        return ([block.open] + block.children.map(written) + [block.close]).joined(separator: "\n")
    }
}
