/// An error about a place in a file: what the user sees is `path:line:column: message`, the form
/// editors and CI logs turn into links.
///
/// This protocol is the one concept of a placed error; its two types say which input was wrong,
/// and typed throws keep that visible in signatures: `InputError` for the list's own files and
/// paths (`throws(InputError)` reads markdown), `ConfigError` for a config or ruleset (it knows how
/// to place a YAML error and a problem of the merged layers). Both print the same way, through
/// this one `description`, and both end a command with exit status 2.
public protocol PlacedError: Error, Sendable, CustomStringConvertible {
    var path: String { get }
    var line: Int? { get }
    var column: Int? { get }
    var message: String { get }
}

extension PlacedError {
    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(path):\(line):\(column): \(message)"
        case let (line?, nil): "\(path):\(line): \(message)"
        default: "\(path): \(message)"
        }
    }
}

/// Input that cannot be read: the place and what was wrong. Exit status 2.
public struct InputError: PlacedError {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }
}
