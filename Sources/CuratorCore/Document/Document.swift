import Foundation

/// A markdown file: its raw bytes and the tree GitHub would render from them.
public struct Document: Sendable {
    public let source: SourceText
    public let root: MarkdownNode

    public var path: String { source.path }

    public init(path: String, bytes: [UInt8]) throws(InputError) {
        source = try SourceText(path: path, bytes: bytes)
        do {
            root = try GFMParser.parse(bytes, correcting: source).root
        } catch {
            throw InputError(
                path: path, line: error.line, column: error.column,
                message: "markdown nested more than \(NestingLimit.maximumDepth) levels deep")
        }
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
