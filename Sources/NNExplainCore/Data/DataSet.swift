/// Samples read from a CSV table: the numeric input columns become `x`, and either named numeric
/// target columns become `y`, or one label column becomes a one-hot `y` over its classes.
public struct DataSet: Sendable, Equatable {
    /// The input columns, in the order of `x`.
    public var inputColumns: [String]
    /// The target columns in the order of `y`; for a label, the label column alone.
    public var targetColumns: [String]
    /// For a label column, its classes in the order of `y`'s one-hot entries; nil otherwise.
    public var classes: [String]?
    public var samples: [Sample]
    /// `lines[s]` is the 1-based line of the file sample `s` starts on.
    public var lines: [Int]

    /// Which columns are targets.
    public enum Targets: Sendable, Equatable {
        /// These numeric columns, in this order, are `y`; every other column is an input.
        case columns([String])
        /// This column holds class labels, one-hot encoded: `y_j = 1` for the label's class `j`,
        /// else 0. The classes are `classes` when given (a label outside them is an error), else
        /// every label in the order first seen, reading down the file.
        case label(String, classes: [String]?)
    }

    /// The samples of `table`, one per row, with `targets` as ``Targets`` says.
    ///
    /// With `training` (held-out data read after the training data), the input columns must be the
    /// training data's, in any order, and are put in its order; a label's classes are the training
    /// data's, so that `y_j` means the same class in both.
    ///
    /// - Throws: ``DataError`` naming the line and column of the first field that is not a finite
    ///   decimal number, an unknown or repeated column, a label outside fixed classes, no rows.
    public init(table: CSVTable, targets: Targets, training: DataSet? = nil) throws(DataError) {
        let header = table.header
        func index(_ name: String) throws(DataError) -> Int {
            guard let k = header.firstIndex(of: name) else { throw .unknownColumn(name, columns: header) }
            return k
        }
        var targetIndices: [Int] = []
        var classes: [String]? = nil
        var isFixed = false
        switch targets {
        case .columns(let names):
            guard !names.isEmpty else { throw .noTargets }
            for (i, name) in names.enumerated() where names[..<i].contains(name) { throw .repeatedTarget(name) }
            for name in names { targetIndices.append(try index(name)) }
        case .label(let name, let fixed):
            targetIndices = [try index(name)]
            if let fixed = training?.classes ?? fixed {
                if fixed.isEmpty || fixed.contains("") { throw .emptyClass }
                for (i, c) in fixed.enumerated() where fixed[..<i].contains(c) { throw .repeatedClass(c) }
                classes = fixed
                isFixed = true
            }
        }
        var inputNames = header.indices.filter { !targetIndices.contains($0) }.map { header[$0] }
        guard !inputNames.isEmpty else { throw .noInputs }
        if let training {
            let missing = training.inputColumns.filter { !inputNames.contains($0) }
            let extra = inputNames.filter { !training.inputColumns.contains($0) }
            guard missing.isEmpty && extra.isEmpty else { throw .inputColumnsDiffer(missing: missing, extra: extra) }
            inputNames = training.inputColumns
        }
        guard !table.rows.isEmpty else { throw .noRows }
        let inputIndices = inputNames.map { header.firstIndex(of: $0)! }
        var samples: [Sample] = []
        samples.reserveCapacity(table.rows.count)
        for row in table.rows {
            func number(_ k: Int) throws(DataError) -> Double {
                try DataSet.number(row.fields[k], line: row.line, column: header[k])
            }
            var x: [Double] = []
            x.reserveCapacity(inputIndices.count)
            for k in inputIndices { x.append(try number(k)) }
            var y: [Double] = []
            if case .label = targets {
                let k = targetIndices[0], label = row.fields[k]
                var j = classes?.firstIndex(of: label)
                if j == nil {
                    if isFixed { throw .unknownClass(line: row.line, column: header[k], label: label, classes: classes ?? []) }
                    if label.isEmpty { throw .emptyField(line: row.line, column: header[k]) }
                    classes = (classes ?? []) + [label]
                    j = classes!.count - 1
                }
                y = [Double(j!)]
            } else {
                for k in targetIndices { y.append(try number(k)) }
            }
            samples.append(Sample(x: x, y: y))
        }
        if let classes, case .label = targets {
            for s in samples.indices {
                let j = Int(samples[s].y[0])
                samples[s].y = classes.indices.map { $0 == j ? 1 : 0 }
            }
        }
        self.inputColumns = inputNames
        self.targetColumns = targetIndices.map { header[$0] }
        self.classes = classes
        self.samples = samples
        self.lines = table.rows.map { $0.line }
    }

    /// The field as a finite decimal number: optional spaces, a sign, digits with at most one point,
    /// an optional exponent (`-1.5e-3`); not `nan`, `inf`, hexadecimal or an empty field, nor a
    /// decimal number too large for a double (`1e999`).
    static func number(_ field: String, line: Int, column: String) throws(DataError) -> Double {
        let trimmed = field.trimmingSpaces
        if trimmed.isEmpty { throw .emptyField(line: line, column: column) }
        let allowed = trimmed.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "+-.eE".unicodeScalars.contains($0) }
        guard allowed, let value = Double(trimmed) else { throw .notANumber(line: line, column: column, text: field) }
        guard value.isFinite else { throw .tooLarge(line: line, column: column, text: field) }
        return value
    }

    /// `y`'s names: the target columns, or `label=class` for each class of a label.
    public var targetNames: [String] {
        guard let classes else { return targetColumns }
        return classes.map { "\(targetColumns[0])=\($0)" }
    }
}

extension String {
    /// The text without spaces and tabs at either end.
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
