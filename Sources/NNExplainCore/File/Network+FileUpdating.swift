/// The keys a network file's objects may hold, each level's set stated once: the reader warns
/// about every other key, and ``Network/fileJSON(updating:)`` keeps every other key as it was.
enum NetworkFileKeys {
    static let top: Set = ["inputs", "layers", "loss", "learningRate", "updateBiases", "samples", "test"]
    static let layer: Set = ["activation", "weights", "biases"]
    static let sample: Set = ["x", "y"]
}

extension Network {
    /// The network written into `original`, the JSON of the file it was read from, so that
    /// rewriting a file loses nothing:
    ///
    /// - every member with a key this version does not know (a top-level `description`, a layer's
    ///   `name`, a sample's extras) keeps its place and its value;
    /// - every known key keeps its place and takes this network's value; a number or other scalar
    ///   whose value is unchanged keeps its text (`"learningRate": 1` stays `1`, not `1.0`);
    /// - a known key the original lacks is added after its members, only when its absence would
    ///   not read back as this network's value (the defaults of ``init(inputs:layers:loss:learningRate:updateBiases:samples:)``);
    /// - layers and samples beyond the original's are written as ``fileJSON`` writes them.
    ///
    /// When `original` is not an object this is ``fileJSON``. ``decode(json:)`` reads the result
    /// back to this network, with the warnings `original` gave.
    ///
    /// - Parameter original: the JSON of the file this network was read from (``parseFile(_:)``).
    /// - Returns: the file's JSON with this network's values.
    public func fileJSON(updating original: JSONValue) -> JSONValue {
        guard case .object(var fresh) = fileJSON, let originalMembers = original.objectMembers else { return fileJSON }
        // fileJSON leaves out `updateBiases` when true; here it is stated, so a file's `true` is kept.
        if !fresh.contains(where: { $0.key == "updateBiases" }) { fresh.append(("updateBiases", .bool(updateBiases))) }
        // fileJSON leaves out an empty `test`; a file's `"test": []` is kept all the same.
        if !fresh.contains(where: { $0.key == "test" }) { fresh.append(("test", .array([]))) }
        let defaults = Network(inputs: inputs, layers: layers, samples: samples, testSamples: testSamples)
        let absentMeans: [String: JSONValue] = [
            "loss": .string(defaults.loss.rawValue), "learningRate": .number(defaults.learningRate),
            "updateBiases": .bool(defaults.updateBiases), "test": .array([]),
        ]
        var members = Network.merged(fresh, into: originalMembers, known: NetworkFileKeys.top)
        for (key, value) in fresh where !originalMembers.contains(where: { $0.key == key }) && absentMeans[key] != value {
            members.append((key, value))
        }
        return .object(members)
    }

    /// ``fileJSON(updating:)`` formatted, with a final newline, as ``fileText()`` writes a file.
    public func fileText(updating original: JSONValue) -> String { fileJSON(updating: original).fileText }

    /// The members of `original` in order: unknown keys as they are, known keys with `fresh`'s value
    /// (merged into the original value), known keys `fresh` lacks left out.
    private static func merged(
        _ fresh: [(key: String, value: JSONValue)], into original: [(key: String, value: JSONValue)], known: Set<String>
    ) -> [(key: String, value: JSONValue)] {
        original.compactMap { member in
            guard known.contains(member.key) else { return member }
            guard let value = fresh.first(where: { $0.key == member.key })?.value else { return nil }
            switch member.key {
            case "layers": return (member.key, mergedElements(value, into: member.value, known: NetworkFileKeys.layer))
            case "samples", "test": return (member.key, mergedElements(value, into: member.value, known: NetworkFileKeys.sample))
            default: return (member.key, mergedValue(value, into: member.value))
            }
        }
    }

    /// An array of objects (layers or samples), each merged into the original's element at its index.
    private static func mergedElements(_ fresh: JSONValue, into original: JSONValue, known: Set<String>) -> JSONValue {
        guard let elements = fresh.arrayValue, let originals = original.arrayValue else { return fresh }
        return .array(elements.enumerated().map { n, element in
            guard n < originals.count, let members = element.objectMembers, let old = originals[n].objectMembers else {
                return element
            }
            var result = merged(members, into: old, known: known)
            for (key, value) in members where !old.contains(where: { $0.key == key }) { result.append((key, value)) }
            return .object(result)
        })
    }

    /// `fresh`, except that where it holds the same scalar as `original` (to the bit, for numbers)
    /// the original's spelling is kept; arrays are compared element by element.
    private static func mergedValue(_ fresh: JSONValue, into original: JSONValue) -> JSONValue {
        switch (fresh, original) {
        case let (.array(new), .array(old)):
            return .array(new.enumerated().map { n, element in n < old.count ? mergedValue(element, into: old[n]) : element })
        case _ where fresh.isScalar && original.isScalar:
            if let a = fresh.doubleValue, let b = original.doubleValue { return a.bitPattern == b.bitPattern ? original : fresh }
            return fresh == original ? original : fresh
        default:
            return fresh
        }
    }
}
