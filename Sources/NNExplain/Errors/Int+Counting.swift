extension Int {
    /// `1 epoch`, `2 epochs`: the number with the noun (made plural with an s) it counts, as every
    /// sentence of the library and the command line writes a count.
    package func counting(_ noun: String) -> String { "\(self) \(noun)\(self == 1 ? "" : "s")" }
}

extension Double {
    /// `1000`, `0.1`, `1e-05`: a setting or bound as people write it (a whole number without a point).
    package var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
