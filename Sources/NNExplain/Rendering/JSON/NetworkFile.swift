/// A network as a network file holds it: `nnexplain update --format json`, `network`, `--save`,
/// and the `"network"` of `train --format json`.
///
/// When the network came from a file, its JSON is written into that file's
/// (``Network/fileJSON(updating:)``), which keeps the keys this version does not know; otherwise
/// it is ``Network/fileJSON``.
public struct NetworkFile: Sendable, JSONRepresentable {
    /// The network written.
    public let network: Network
    /// The parsed file the network was read from, if any.
    public let original: JSONValue?

    /// `network`, to be written into `original` when there is one.
    ///
    /// - Parameters:
    ///   - network: the network to write.
    ///   - original: the file it was read from (``Network/parseFile(_:)``), whose other keys and number texts are kept; nil for a fresh file.
    public init(_ network: Network, original: JSONValue? = nil) {
        (self.network, self.original) = (network, original)
    }

    /// The file's JSON; naming plays no part.
    public func json(naming: LayerNaming) -> JSONValue { json }

    /// The file's JSON.
    public var json: JSONValue { original.map(network.fileJSON(updating:)) ?? network.fileJSON }

    /// The file's text, written by the one JSON writer with a final newline.
    public var text: String { json.fileText }
}
