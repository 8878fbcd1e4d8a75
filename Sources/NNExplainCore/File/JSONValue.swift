/// A JSON value, as the network file reads and writes it.
///
/// The tree is a faithful picture of the text, not a convenience dictionary:
///
/// - integer literals (no fraction, no exponent) that fit an `Int` are ``integer(_:)``; every
///   other number, including `-0`, is ``number(_:)`` and is always finite;
/// - ``object(_:)`` keeps its members in file order and keeps duplicate keys, so that a reader can
///   report them and a writer reproduces the order it was given.
///
/// Equality is structural: `.integer(1)` and `.number(1.0)` are different values, and two objects
/// are equal only when they hold the same members in the same order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// The members in the order they appear; keys are not required to be unique.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

// MARK: - Reading values

extension JSONValue {
    /// What kind of value this is (a message in the NNExplain library says it with an article).
    public enum Kind: Sendable, Equatable {
        case null, bool, number, string, array, object
    }

    /// The kind of this value; ``integer(_:)`` and ``number(_:)`` are both numbers.
    public var kind: Kind {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .integer, .number: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }

    /// Whether this is a number, string, boolean or `null` (anything but an array or an object).
    public var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// The value of a number (``integer(_:)`` or ``number(_:)``) as a `Double`; `nil` otherwise.
    public var doubleValue: Double? {
        switch self {
        case .integer(let n): return Double(n)
        case .number(let d): return d
        default: return nil
        }
    }

    /// The value of a number that is a whole number and fits an `Int`, such as `2` or `2.0`;
    /// `nil` for `2.5`, for numbers beyond `Int` and for anything that is not a number.
    public var integerValue: Int? {
        switch self {
        case .integer(let n): return n
        case .number(let d):
            // 2^63 is exactly representable; every integral double below it in magnitude fits.
            guard d.rounded() == d, abs(d) < 9_223_372_036_854_775_808.0 else { return nil }
            return Int(d)
        default: return nil
        }
    }

    /// The text of a ``string(_:)``; `nil` otherwise.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value of a ``bool(_:)``; `nil` otherwise.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements of an ``array(_:)``; `nil` otherwise.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members of an ``object(_:)`` in file order; `nil` otherwise.
    public var objectMembers: [(key: String, value: JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of the first member named `key` of an object; `nil` when there is none or this
    /// is not an object.
    public subscript(key: String) -> JSONValue? {
        objectMembers?.first { $0.key == key }?.value
    }
}

// MARK: - Literals

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// An object with the members in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value as ``formatted(indent:)`` writes it.
    public var description: String { formatted() }
}
