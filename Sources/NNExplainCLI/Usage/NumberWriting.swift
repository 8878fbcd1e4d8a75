import NNExplain

extension Double {
    /// `1e-6`, not Swift's `1e-06`: a default as the help writes it.
    var shortFormatted: String {
        let text = formatted
        guard let e = text.firstIndex(of: "e") else { return text }
        var exponent = text[text.index(after: e)...]
        let sign = exponent.first == "-" || exponent.first == "+" ? String(exponent.removeFirst()) : ""
        let digits = exponent.drop { $0 == "0" }
        return text[...e] + (sign == "+" ? "" : sign) + (digits.isEmpty ? "0" : digits)
    }
}

extension Int {
    /// `ten`: a count from zero to twelve as prose writes it, any other in digits; for help words
    /// that state a named constant.
    var inWords: String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        return words.indices.contains(self) ? words[self] : String(self)
    }
}
