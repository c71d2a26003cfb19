import Foundation

/// A markdown file: its raw bytes and the tree GitHub would render from them.
public struct Document: Sendable {
    public let source: SourceText
    public let root: MarkdownNode

    public var path: String { source.path }

    public init(path: String, bytes: [UInt8]) throws(InputError) {
        source = try SourceText(path: path, bytes: bytes)
        if let place = Document.placeOverMarkupLimit(source) {
            throw InputError(
                path: path, line: place.line, column: place.column,
                message:
                    "more than \(Document.markupLimit) characters that start markdown inlines (line breaks and \\ ` & _ * [ ] < ! : w ~); split the file"
            )
        }
        do {
            root = try GFMParser.parse(bytes, correcting: source).root
        } catch {
            throw InputError(
                path: path, line: error.line, column: error.column,
                message: "markdown nested more than \(NestingLimit.maximumDepth) levels deep")
        }
    }

    /// The most characters that start inline markdown a file may hold.
    ///
    /// Why: cmark-gfm keeps a node (and for `[` a bracket) of about 200 bytes for each of them
    /// while it reads a paragraph, merging them only at its end: 10 MB of `[` or of `w` took
    /// 1.8-2.3 GB in cmark-gfm alone. A list of 30,000 table rows (11 MB) holds 840,000, the
    /// whole first user's list 50,000.
    static let markupLimit = 1_000_000

    /// The place of the character that passes `markupLimit`, if any.
    static func placeOverMarkupLimit(_ source: SourceText) -> (line: Int, column: Int)? {
        let bytes = source.bytes
        // Fewer bytes than the limit cannot pass it.
        guard bytes.count > markupLimit else { return nil }
        var starts = [Bool](repeating: false, count: 256)
        for byte in "\n\r\\`&_*[]<!:w~".utf8 { starts[Int(byte)] = true }
        var count = 0
        for (offset, byte) in bytes.enumerated() where starts[Int(byte)] {
            count += 1
            if count > markupLimit { return source.location(ofByte: offset) }
        }
        return nil
    }

    /// Reads a file from disk. `displayPath` is what findings show.
    public static func read(at url: URL, displayPath: String) throws(InputError) -> Document {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError(path: displayPath, message: "cannot read file: \(error.localizedDescription)")
        }
        return try Document(path: displayPath, bytes: [UInt8](data))
    }

    /// The byte offset of a cmark (line, byte column) position.
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= source.lineCount else { return source.bytes.count }
        return min(source.lineStarts[line - 1] + max(column - 1, 0), source.bytes.count)
    }

    /// The byte range a node covers (its end column is inclusive).
    public func range(of node: MarkdownNode) -> Range<Int> {
        let start = offset(line: node.startLine, column: node.startColumn)
        let end = offset(line: node.endLine, column: node.endColumn + 1)
        return start..<max(start, end)
    }
}
