/// An error about a place in a file: what the user sees is `path:line:column: message`, the form
/// editors and CI logs turn into links.
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
