import Foundation
// @testable: compares the page with the library's internal bias documents and NumberText.
@testable import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The page's structure: HTML that parses (python3's parser reads it too: `HTMLParserTests`), nothing
/// loaded from outside, MathML inside, one focusable element per edge, one view per parameter and
/// sample; and the command's bounds and `--weights`.
struct HTMLPageTests {
    static let page = runCLI(["html"]).stdout
    static let mazur = Fixtures.path("mazur.json")

    @Test func parsesAsHTMLWithEveryElementClosed() throws {
        #expect(Self.page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(unclosedElement(Self.page) == nil)
    }

    @Test func loadsNothingFromOutside() throws {
        let outside = try Regex(#"(?i)(src|href)\s*=\s*["']?\s*(https?:|//)"#)
        #expect(Self.page.firstMatch(of: outside) == nil)
        #expect(!Self.page.contains("<link") && !Self.page.contains("@import") && !Self.page.contains("url("))
    }

    /// The default network 3-3-3-2: 9 + 9 + 6 weights, no biases, 2 samples, 11 nodes.
    @Test func oneFocusableEdgePerWeightAndOneViewPerParameterAndSample() {
        let page = Self.page
        #expect(page.contains("<math"))
        let perDiagram = page.components(separatedBy: "class=\"mark edge-mark\"").count - 1
        let focusable = page.components(separatedBy: "tabindex=\"0\" role=\"button\" aria-label=\"w_").count - 1
        #expect(perDiagram == 2 * 24 && focusable == 2 * 24, "two sample diagrams of 24 edges each")
        #expect(page.contains("aria-label=\"w_12^L, weight 0.6, gradient 0.166\""))
        #expect(page.components(separatedBy: "<article class=\"view\" id=\"v-w-").count - 1 == 24 * 3)
        #expect(page.components(separatedBy: "<article class=\"view\" id=\"v-n-").count - 1 == 11 * 2)
    }

    /// Well under a megabyte: the blocks the views repeat are written once (it was 921 KB when every
    /// view was written out in full); Mazur's network, with fewer weights, gives a smaller page.
    @Test func pageStaysWellUnderAMegabyte() {
        let size = Self.page.utf8.count, mazur = runCLI(["html", "--network", Self.mazur]).stdout.utf8.count
        #expect(size < 500_000, "the default network's page has \(size) bytes")
        #expect(mazur < size, "Mazur's page has \(mazur) bytes")
    }

    /// Nothing is lost by sharing: each view, its placeholders replaced by their templates (as the
    /// page's script does, here by text), is the whole document the renderer writes for it; and
    /// every template is used at least twice.
    @Test(arguments: [nil, mazur])
    func everyViewFilledInIsItsWholeDerivation(_ file: String?) throws {
        let page = file.map { runCLI(["html", "--network", $0]).stdout } ?? Self.page
        let network = file == nil ? Network.standard : ReferenceNetworks.mazur
        #expect(network.sizes == (file == nil ? [3, 3, 3, 2] : [2, 2, 2]))
        let templates = Dictionary(uniqueKeysWithValues: page.matches(of: try Regex(#"<template id="t-(\d+)">(.*?)</template>"#).dotMatchesNewlines())
            .map { (String($0.output[1].substring!), String($0.output[2].substring!)) })
        #expect(!templates.isEmpty)
        let placeholder = try Regex(#"<div data-t="(\d+)"></div>"#)
        func filled(_ html: String) -> String {
            html.replacing(placeholder) { filled(templates[String($0.output[1].substring!)] ?? "missing template") }
        }
        let renderer = MathMLRenderer(naming: LayerNaming(depth: network.depth))
        let traces = try network.samples.indices.map { try network.trace(sample: $0) }
        var documents: [(String, Document)] = []
        for w in PageSelection.all(network).weights {
            for s in network.samples.indices {
                try documents.append(("\(w.key)-s-\(s)", network.derivation(layer: w.layer, j: w.j, k: w.k, sample: s).document))
            }
            try documents.append(("\(w.key)-avg", network.averagedDerivation(layer: w.layer, j: w.j, k: w.k).document))
        }
        for b in PageSelection.all(network).biases {
            for t in traces { documents.append(("\(b.key)-s-\(t.sample)", HTMLPage.biasDocument(network, trace: t, layer: b.layer, j: b.j))) }
            documents.append(("\(b.key)-avg", HTMLPage.averagedBiasDocument(traces, gradients: try network.gradients(), layer: b.layer, j: b.j)))
        }
        for (id, document) in documents {
            let start = try #require(page.range(of: "<article class=\"view\" id=\"v-\(id)\" hidden>\n"), "the view \(id)")
            let end = try #require(page[start.upperBound...].range(of: "<p class=\"permalink\">"))
            #expect(filled(String(page[start.upperBound..<end.lowerBound])) == renderer.render(document), "the view \(id)")
        }
        // As written, in views and in other templates.
        let uses = Dictionary(grouping: page.matches(of: placeholder), by: { String($0.output[1].substring!) }).mapValues(\.count)
        #expect(Set(uses.keys) == Set(templates.keys) && uses.values.allSatisfy { $0 >= 2 }, "every template is used twice or more")
    }

    /// Mazur's network has biases: each gets its views, and its averaged value is the gradients' one.
    @Test func biasesHaveViews() throws {
        let page = runCLI(["html", "--network", Self.mazur]).stdout
        #expect(page.contains("id=\"v-b-1-0-s-0\"") && page.contains("id=\"v-b-2-1-avg\""))
        let network = ReferenceNetworks.mazur
        let expected = NumberText.significant(try network.trace(sample: 0).delta(layer: 2, j: 1), precision: 9)
        #expect(page.contains("<mn>\(expected.replacing("-", with: "−"))</mn>"))
    }

    @Test func largeNetworkIsRefusedWithTheWayOut() {
        let result = runCLI(["html", "--random", "2,50,40"])
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: the network has 2,190 weights and biases, more than the 2,000 a page explains in full; "
            + "choose the ones to explain with --weights, e.g. --weights 1-0-0,2-0-0\n"))
        let chosen = runCLI(["html", "--random", "2,50,40", "--samples", "1", "--weights", "2-3-4,b-1-7"])
        #expect(chosen.status == 0)
        #expect(chosen.stdout.components(separatedBy: "<article class=\"view\" id=\"v-w-").count - 1 == 2)
        #expect(chosen.stdout.contains("id=\"v-b-1-7-avg\""))
    }

    @Test func manyDerivationsAreRefused() {
        // 3·30 + 30 + 30·30 + 30 + 30·2 + 2 = 1,112 parameters, each with 200 samples and the average.
        let result = runCLI(["html", "--random", "3,30,30,2", "--samples", "200"])
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: a page of 1,112 parameters and 200 samples would hold 223,512 derivations"))
    }

    @Test(arguments: [("4-0-0", "'4-0-0' in --weights names layer 4, but this network's layers with weights are 1…3"),
                      ("3-2-0", "'3-2-0' in --weights: layer 3 has 2 nodes, so j must be 0…1"),
                      ("3-1", "'3-1' in --weights is not a weight or a bias;"),
                      ("b-1-0", "'b-1-0' in --weights: layer 1 has no biases")])
    func badWeightsAreNamed(_ list: String, _ message: String) {
        let result = runCLI(["html", "--weights", list])
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: " + message), "\(result.stderr)")
    }
}
