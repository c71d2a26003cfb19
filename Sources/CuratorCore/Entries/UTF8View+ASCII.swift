extension Substring.UTF8View {
    /// Whether the text is `lowercase` (ASCII, lowercase) in any ASCII case.
    func equalsIgnoringASCIICase(_ lowercase: String) -> Bool {
        count == lowercase.utf8.count && zip(self, lowercase.utf8).allSatisfy { $0.asciiLowercased == $1 }
    }

    /// Drops `lowercase` (ASCII, lowercase) from the front when the text starts with it in any
    /// ASCII case, and says whether it did.
    mutating func dropPrefixIgnoringASCIICase(_ lowercase: String) -> Bool {
        let length = lowercase.utf8.count
        guard prefix(length).equalsIgnoringASCIICase(lowercase) else { return false }
        removeFirst(length)
        return true
    }
}

extension UInt8 {
    var asciiLowercased: UInt8 { isASCIIUppercase ? self + 32 : self }
    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var isASCIILowercase: Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) }
    var isASCIIUppercase: Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) }
    var isASCIILetter: Bool { isASCIILowercase || isASCIIUppercase }
}
