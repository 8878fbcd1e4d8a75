/// A value that nnexplain writes as JSON: the output of every `--format json`.
///
/// The one JSON layer: each output is built as a ``JSONValue`` by its type's ``json(naming:)``
/// (in a `Type+JSON.swift` file) and written by ``JSONRenderer``, so every output follows the same
/// rules: members in a fixed order, integers as integers, every double at full precision as the
/// shortest text that reads back to the same bits, and `null` for a double that is not finite
/// (see ``JSONValue/formatted(indent:)``).
public protocol JSONRepresentable: Sendable {
    /// This value as JSON.
    ///
    /// - Parameter naming: how layer labels (`"layerLabel"`) and symbols (`"symbol"`) are written,
    ///   as the text renderer writes them; values without either ignore it.
    func json(naming: LayerNaming) -> JSONValue
}

/// Writes a ``JSONRepresentable`` as the text `--format json` prints: its ``JSONValue`` formatted
/// by the one writer, ``JSONValue/fileText``, with a final newline.
public struct JSONRenderer: Sendable {
    /// How layers and symbols are named in the output.
    public let naming: LayerNaming

    /// A renderer that names layers and symbols with `naming`.
    ///
    /// - Parameter naming: how layers and symbols are named in the output.
    public init(naming: LayerNaming) {
        self.naming = naming
    }

    /// `value` as a ``JSONValue``, before it is written.
    ///
    /// - Parameter value: a result of the library that has a JSON form.
    /// - Returns: that form as a ``JSONValue``.
    public func value(_ value: some JSONRepresentable) -> JSONValue {
        value.json(naming: naming)
    }

    /// `value` as JSON text with a final newline.
    ///
    /// - Parameter value: a result of the library that has a JSON form (``JSONRepresentable``).
    /// - Returns: the JSON text.
    public func render(_ value: some JSONRepresentable) -> String {
        value.json(naming: naming).fileText
    }
}
