extension NetworkChanges {
    /// The sentence an output opens with when a network was changed, naming it as `network`
    /// ("Network n.json", "The built-in network"): `Network n.json with hidden activation changed to
    /// tanh, output activation changed to sigmoid and loss changed to cross-entropy`; nil when
    /// nothing changed.
    package func sentence(network: String) -> String? {
        let parts = [hidden.map { "hidden activation changed to \($0.rawValue)" },
                     output.map { "output activation changed to \($0.rawValue)" },
                     loss.map { "loss changed to \($0.rawValue)" }].compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        let joined = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        return "\(network) with " + joined
    }
}
