extension String {
    /// The string without leading and trailing spaces and tabs. Works on UTF-8 bytes: Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString and showed up in profiles of the linter.
    public var trimmingSpaces: String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return self }
        return String(self[first...last])
    }
}
