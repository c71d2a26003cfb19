/// A string builder that refuses to grow past a byte limit, keeping room for a closing notice.
struct BoundedText {
    let limit: Int
    private(set) var text = ""
    private(set) var byteCount = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Appends `chunk` only if, afterwards, `reserve` more bytes would still fit. Chunks are whole
    /// rows, so the output never ends in half a table row.
    mutating func append(_ chunk: String, reserving reserve: Int) -> Bool {
        let size = chunk.utf8.count
        guard byteCount + size + reserve <= limit else { return false }
        text += chunk
        byteCount += size
        return true
    }
}
