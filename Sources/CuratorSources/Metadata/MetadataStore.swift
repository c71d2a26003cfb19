import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes the metadata file.
///
/// Writing goes to a temporary file in the same directory and is then renamed over the old one, so
/// a reader (or a run killed halfway) sees either the old file or the new one, never half of each.
/// The rename is atomic only within one file system, which is why the temporary file is a sibling.
public struct MetadataStore: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// `.curator/metadata.json` under the list's root.
    public init(root: URL) {
        self.url = root.appendingPathComponent(".curator", isDirectory: true).appendingPathComponent("metadata.json")
    }

    /// An absent file is an empty one: the first run starts from nothing.
    public func load() throws(MetadataError) -> MetadataFile {
        guard FileManager.default.fileExists(atPath: url.path) else { return MetadataFile() }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw MetadataError(path: url.path, kind: .unreadable, reason: error.localizedDescription)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            let file = try decoder.decode(MetadataFile.self, from: data)
            guard file.format <= MetadataFile.currentFormat else {
                throw MetadataError(
                    path: url.path, kind: .corrupt,
                    reason: "format \(file.format) is newer than this curator understands")
            }
            return file
        } catch let error as MetadataError {
            throw error
        } catch {
            throw MetadataError(path: url.path, kind: .corrupt, reason: Self.describe(error))
        }
    }

    public func save(_ file: MetadataFile) throws(MetadataError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            var data = try encoder.encode(file)
            data.append(UInt8(ascii: "\n"))
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw MetadataError(path: url.path, kind: .unwritable, reason: error.localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw MetadataError(path: url.path, kind: .unwritable, reason: reason)
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            "invalid JSON (\(context.debugDescription))"
        case DecodingError.keyNotFound(let key, let context):
            "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default:
            "\(error)"
        }
    }
}

/// Why the metadata file could not be used; always names the file.
public struct MetadataError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case unreadable, corrupt, unwritable }

    public var path: String
    public var kind: Kind
    public var reason: String

    public var description: String {
        switch kind {
        case .unreadable: "cannot read \(path): \(reason)"
        case .corrupt: "\(path) is not a valid curator metadata file: \(reason)"
        case .unwritable: "cannot write \(path): \(reason)"
        }
    }
}
