/// Why a CSV data file cannot give samples, as a value a caller can switch on: where (the 1-based
/// line of the file, the column's name) and what is wrong. The sentence each case is said in lives
/// in the NNExplain library (`message`), not here.
public enum DataError: Error, Equatable, Sendable {
    /// The bytes are not UTF-8 text.
    case notUTF8
    /// The text holds no header.
    case empty
    /// The header holds no record after it.
    case noRows
    /// Column `column` (1-based) of the header has no name.
    case emptyColumnName(column: Int)
    /// Two columns of the header have the name.
    case repeatedColumn(String)
    /// A blank line before the last record.
    case blankLine(line: Int)
    /// The record starting on `line` has `count` fields, not one per column of the header's `columns`.
    case fieldCount(line: Int, count: Int, columns: Int)
    /// A quoted field opened on (the record starting on) `line` is never closed.
    case openQuote(line: Int)
    /// A double quote inside an unquoted field on `line`.
    case strayQuote(line: Int)
    /// A character other than a comma or line break after a closing quote on `line`.
    case afterClosingQuote(line: Int)
    /// No column of the header has the name given for targets or labels; `columns` are the header's.
    case unknownColumn(String, columns: [String])
    /// A target column named twice.
    case repeatedTarget(String)
    /// No target column was given.
    case noTargets
    /// Every column is a target, so no input is left.
    case noInputs
    /// The field of `column` on `line` is empty (or only spaces).
    case emptyField(line: Int, column: String)
    /// The field of `column` on `line` (`text`, as written) is not a finite decimal number.
    case notANumber(line: Int, column: String, text: String)
    /// The field of `column` on `line` (`text`, as written) is a decimal number too large in size for
    /// a double (beyond about 1.8e308), such as `1e999`.
    case tooLarge(line: Int, column: String, text: String)
    /// The label of `column` on `line` is not one of the fixed `classes`.
    case unknownClass(line: Int, column: String, label: String, classes: [String])
    /// The fixed list of classes is empty or holds an empty name.
    case emptyClass
    /// The fixed list of classes names one twice.
    case repeatedClass(String)
    /// The test data's input columns are not the training data's: these are `missing` from it and
    /// these `extra` in it.
    case inputColumnsDiffer(missing: [String], extra: [String])
    /// The data's input columns are not one per input of the network's `inputs`.
    case inputCount(columns: [String], inputs: Int)
    /// The data's targets (`names`: target columns, or one per class of a label) are not one per
    /// output node of the network's `outputs`.
    case targetCount(names: [String], label: String?, outputs: Int)
    /// The target of `column` on `line` is one the network's loss cannot have (``PairingProblem/target``).
    case target(PairingProblem, line: Int, column: String)
}
