extension DataError: ExplainedError {
    /// The one sentence: where (line and column), what is wrong, and what is expected.
    public var message: String {
        switch self {
        case .notUTF8: return "it is not UTF-8 text; save the CSV file as UTF-8"
        case .empty: return "it is empty; a CSV data file needs a header line naming its columns, then one line per sample"
        case .noRows: return "it has a header but no samples; add one line per sample after the header"
        case .emptyColumnName(let k): return "column \(k) of the header has no name; name every column"
        case .repeatedColumn(let name): return "the header names column \(Self.quoted(name)) twice; give every column its own name"
        case .blankLine(let line): return "line \(line) is blank; remove it (only the last line may be blank)"
        case .fieldCount(let line, let count, let columns):
            return "line \(line) has \(count.counting("field")), but the header has \(columns.counting("column")); give one field per column"
        case .openQuote(let line): return "the quoted field opened on line \(line) is never closed; close it with a double quote"
        case .strayQuote(let line):
            return "line \(line) has a double quote inside an unquoted field; quote the whole field and write a quote in it as \"\""
        case .afterClosingQuote(let line):
            return "line \(line) has text after a closing double quote; a quoted field ends at a comma or line break"
        case .unknownColumn(let name, let columns):
            return "it has no column \(Self.quoted(name)); its columns are \(columns.map(Self.quoted).joined(separator: ", "))"
        case .repeatedTarget(let name): return "target column \(Self.quoted(name)) is named twice; name each once"
        case .noTargets: return "no target column is named; name at least one"
        case .noInputs: return "every column is a target, so no input is left; leave at least one column as input"
        case .emptyField(let line, let column): return "line \(line), column \(Self.quoted(column)) is empty; fill it in or remove the line"
        case .notANumber(let line, let column, let text):
            return "line \(line), column \(Self.quoted(column)) is \(Self.quoted(text)), not a number; "
                + "write a finite decimal number such as 2.5 or -1e-3 (or name the column as the label)"
        case .tooLarge(let line, let column, let text):
            return "line \(line), column \(Self.quoted(column)) is \(Self.quoted(text)), a number too large for a double "
                + "(at most about 1.8e308 in size); scale the column down"
        case .unknownClass(let line, let column, let label, let classes):
            return "line \(line), column \(Self.quoted(column)) is \(Self.quoted(label)), which is not one of the classes "
                + "\(classes.map(Self.quoted).joined(separator: ", ")); add it to the classes or correct the label"
        case .emptyClass: return "the list of classes is empty or holds an empty name; give the class names separated by commas"
        case .repeatedClass(let name): return "the list of classes names \(Self.quoted(name)) twice; name each class once"
        case .inputColumnsDiffer(let missing, let extra):
            let parts = [missing.isEmpty ? nil : "lacks the training data's " + Self.columns(missing),
                         extra.isEmpty ? nil : "has " + Self.columns(extra) + " the training data has not"].compactMap { $0 }
            return "it " + parts.joined(separator: " and ") + "; held-out data needs the same input columns"
        case .inputCount(let columns, let inputs):
            return "it has \(columns.count.counting("input column")) (\(columns.map(Self.quoted).joined(separator: ", "))), "
                + "but the network has \(inputs.counting("input")); give one input column per input"
        case .targetCount(let names, let label, let outputs):
            let what = label.map { "label column \(Self.quoted($0)) has \(names.count == 1 ? "1 class" : "\(names.count) classes") (one output each)" }
                ?? "it has \(names.count.counting("target column"))"
            return "\(what), but the network's output layer has \(outputs.counting("node")); give one target per output node"
        case .target(let problem, let line, let column):
            guard case .target(_, _, _, let value, _) = problem else { return problem.rule }
            return "line \(line), column \(Self.quoted(column)) is \(value.formatted): \(problem.rule)"
        }
    }

    /// `column "x"` or `columns "x", "y"`.
    private static func columns(_ names: [String]) -> String {
        (names.count == 1 ? "column " : "columns ") + names.map(quoted).joined(separator: ", ")
    }

    /// A name as a JSON string literal, shortened when long.
    private static func quoted(_ s: String) -> String { NetworkFileError.quoted(s) }
}
