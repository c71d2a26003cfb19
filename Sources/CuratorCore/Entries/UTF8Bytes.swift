/// A string's UTF-8 bytes, or a part of them, read in place: the identifier readers slice a URL
/// many times, and slices of these bytes cost nothing, where each slice of a `Substring` holds
/// on to the string's storage.
typealias UTF8Bytes = Slice<UnsafeBufferPointer<UInt8>>

extension String {
    /// Calls `body` with the string's UTF-8 bytes, which are valid only inside it.
    func withUTF8Bytes<Result>(_ body: (UTF8Bytes) -> Result) -> Result {
        var string = self
        return string.withUTF8 { body($0[...]) }
    }
}

extension UTF8Bytes {
    var string: String { String(decoding: UnsafeBufferPointer(rebasing: self), as: UTF8.self) }

    /// Whether the bytes are `text`.
    func equals(_ text: StaticString) -> Bool {
        elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether the bytes are `lowercase` (ASCII, lowercase) in any ASCII case.
    func equalsIgnoringASCIICase(_ lowercase: StaticString) -> Bool {
        guard count == lowercase.utf8CodeUnitCount else { return false }
        var wanted = lowercase.utf8Start
        for byte in self {
            guard byte.asciiLowercased == wanted.pointee else { return false }
            wanted += 1
        }
        return true
    }

    func starts(with text: StaticString) -> Bool {
        count >= text.utf8CodeUnitCount && prefix(text.utf8CodeUnitCount).equals(text)
    }

    func hasSuffix(_ text: StaticString) -> Bool {
        count >= text.utf8CodeUnitCount && suffix(text.utf8CodeUnitCount).equals(text)
    }

    /// Drops `lowercase` (ASCII, lowercase) from the front when the bytes start with it in any
    /// ASCII case, and says whether it did.
    mutating func dropPrefixIgnoringASCIICase(_ lowercase: StaticString) -> Bool {
        let length = lowercase.utf8CodeUnitCount
        guard count >= length, prefix(length).equalsIgnoringASCIICase(lowercase) else { return false }
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
