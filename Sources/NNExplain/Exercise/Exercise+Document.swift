/// The sheet and its key as documents: the network, the questions with a blank (or, in the key,
/// the answer) under each, and for the key the working, which is the explanations the tool already
/// writes (forward, step, update), built from the same network.
extension Exercise {
    /// The command line that prints this sheet (never its key, which is the teacher's to print).
    package func command() -> String {
        var words = ["nnexplain", "exercise", "--seed", String(seed)]
        if settings.sizes != Settings.defaultSizes { words += ["--sizes", settings.sizes.map(String.init).joined(separator: ",")] }
        if settings.activation != .sigmoid { words += ["--activation", settings.activation.rawValue] }
        if settings.loss != .squared { words += ["--loss", settings.loss.rawValue] }
        return words.joined(separator: " ")
    }

    /// The student's sheet, or with `key` the teacher's: every answer rounded as asked, then the working.
    ///
    /// - Parameter key: whether to give the answers and the working.
    /// - Returns: the document, for any renderer.
    public func document(key: Bool) -> Document {
        let parts = self.parts(key: key)
        return Document(parts.heading + parts.network + [.gap, .section(heading: ["Questions"], blocks: parts.questions.flatMap { $0 })]
            + parts.working)
    }

    /// The sheet's parts in order, for ``document(key:)`` and the printed page (``latexPage(key:naming:precision:)``):
    /// the title and whose sheet it is, the network, each question's blocks, and with `key` the working (else none).
    func parts(key: Bool) -> (heading: [Document.Block], network: [Document.Block], questions: [[Document.Block]], working: [Document.Block]) {
        (heading(key: key),
         [.gap, .section(heading: ["The network"], blocks: networkBlocks)],
         questionBlocks(key: key),
         key ? working : [])
    }

    /// The title and who the sheet is for: a sheet of a seed names its seed and the command that
    /// prints it; a roster's sheet names the student and its sheet code, never its seed.
    private func heading(key: Bool) -> [Document.Block] {
        let answerKey = key ? ", answer key" : ""
        guard let owner else {
            return [.title(["Exercise sheet \(seed)\(answerKey): backpropagation by hand"]),
                    .paragraph(["Seed \(seed). This sheet: ", code(command()), "."])]
        }
        let student = owner.student
        let name = student.name.isEmpty ? "" : "Name: \(student.name)" + (student.name.hasSuffix(".") ? " " : ". ")
        return [.title(["Exercise sheet \(owner.code)\(answerKey): backpropagation by hand"]),
                .paragraph(["\(name)Student id: \(student.id). Sheet code: \(owner.code)."])]
    }

    /// A command as code: upright, in typewriter type in LaTeX.
    private func code(_ command: String) -> Document.Inline {
        m([.code(command)])
    }

    /// What is given: the sizes, activation, loss and learning rate, every weight and bias, the sample.
    private var networkBlocks: [Document.Block] {
        given.intro + given.tables + [given.sample]
    }

    /// What is given, in three parts a page may lay out apart: the paragraphs on the sizes,
    /// activation, loss, learning rate and draw; one table of weights and biases a layer; the sample.
    var given: (intro: [Document.Block], tables: [Document.Block], sample: Document.Block) {
        let L = network.depth, activation = settings.activation
        let intro: [Document.Block] = [
            .paragraph(["Layers 0 to \(L) with \(network.sizes.map(String.init).joined(separator: ", ")) nodes; every layer's activation is ",
                        "\(activation.rawValue), ", m([.word("g(z)"), .op(.equals)] + activation.formula),
                        ", whose slope is ", m([.word("g'(z)"), .op(.equals)] + activation.derivativeFormula), "."]),
            .paragraph(["The loss (\(settings.loss.rawValue)): ", m(settings.loss.formula(loss: .loss(.sample(0)), depth: L)),
                        ". The learning rate: ", m([.symbol(.learningRate), .op(.equals), .number(network.learningRate)]), "."]),
            .paragraph([.text(drawRule)]),
        ]
        let tables: [Document.Block] = (1...L).map { l in
            let given = network.layer(l)
            let header: [Math] = [[]] + (0..<network.size(ofLayer: l - 1)).map { [.word("k = \($0)")] } + [.of(.b(layer: l, .letter("j")))]
            let rows: [[Math]] = (0..<given.size).map { j in
                [[.word("j = \(j)")]] + given.weights[j].map { [.number($0)] } + [[.number(given.bias(j))]]
            }
            return .section(
                heading: ["Layer ", layer(l), ": row j, column k holds ", m(.w(layer: l, .letter("j"), .letter("k"))),
                          "; the last column holds ", m(.b(layer: l, .letter("j")))],
                blocks: [.table(header: header, rows: rows, operators: Array(repeating: nil, count: header.count - 2) + [.bar])])
        }
        let sample = network.samples[0]
        func listed(_ values: [Double], _ symbol: (Int) -> Symbol) -> [Document.Inline] {
            values.indices.flatMap { n -> [Document.Inline] in
                (n == 0 ? [] : [", "]) + [m([.symbol(symbol(n)), .op(.equals), .number(values[n])])]
            }
        }
        return (intro, tables, .paragraph(["The sample: inputs ", m([.symbol(.a(layer: 0, .letter("k"))), .op(.equals), .symbol(.x(.letter("k")))]), ": "]
            + listed(sample.x) { .x(.number($0)) } + ["; targets "] + listed(sample.y) { .y(.number($0)) } + ["."]))
    }

    /// Each question's words, then a blank to write in, or the answer rounded as asked; one list a question.
    private func questionBlocks(key: Bool) -> [[Document.Block]] {
        let answers = key ? self.answers : []
        return questions.enumerated().map { n, question -> [Document.Block] in
            let symbol = question.quantity.math(sample: 0)
            let answer: Math = key ? [.number(question.rounding.rounded(answers[n]))] : Exercise.blank
            return [.paragraph(["\(question.id). "] + ask(question) + [" Round to \(question.rounding.digits) significant digits."]),
                    .nested([.line(symbol, answer)])]
        }
    }

    /// How the draw makes every answer worth computing (``Exercise/isWorthComputing(_:_:)``, and
    /// on a ReLU sheet ``Exercise/network(_:_:)``'s positive sums), as the sheet says it.
    var drawRule: String {
        "The numbers are drawn so that every answer is worth computing: none is 0 or rounds to 0, and the step moves the weight"
            + (settings.activation == .relu
                ? "; every weighted sum is positive, since a ReLU below 0 gives 0, with slope 0, and so would every answer through it."
                : ".")
    }

    /// A line to write the answer on.
    static let blank: Math = [.blank]

    /// The full working: the forward pass, the two gradients explained term by term, and the step.
    private var working: [Document.Block] {
        let t = network.uncheckedTrace(sample: 0)
        var documents = [Explanation.forward(network, trace: t)]
        for question in questions {
            switch question.quantity {
            case .weightGradient(let l, let j, let k): documents.append(network.derivation(layer: l, j: j, k: k, trace: t).document)
            case .updatedWeight(let l, let j, let k): documents.append(Explanation.updated(network.uncheckedUpdateStep(), layer: l, j: j, k: k))
            case .z, .a, .loss, .dCda, .gPrime: break
            }
        }
        return [.gap, .title(["The working"])] + documents.flatMap { [.gap] + $0.blocks }
    }
}
