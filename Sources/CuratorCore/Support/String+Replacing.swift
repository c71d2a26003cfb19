extension String {
    /// The string with every occurrence of `placeholder` replaced by `value`, left to right, as
    /// Foundation's `replacingOccurrences(of:with:)` does for the ASCII placeholders of templates
    /// (`{owner}`, `{yy}`). Written on UTF-8 bytes: the Foundation call bridges through
    /// `NSMutableString`, whose first use cost more than a whole rule on a list.
    public func replacingEvery(_ placeholder: String, with value: String) -> String {
        let needle = Array(placeholder.utf8)
        guard !needle.isEmpty else { return self }
        var result: [UInt8] = []
        var bytes = utf8[...]
        while let first = bytes.firstIndex(of: needle[0]) {
            result += bytes[..<first]
            let rest = bytes[first...]
            if rest.starts(with: needle) {
                result += value.utf8
                bytes = rest.dropFirst(needle.count)
            } else {
                result.append(needle[0])
                bytes = rest.dropFirst()
            }
        }
        result += bytes
        return String(decoding: result, as: UTF8.self)
    }
}
