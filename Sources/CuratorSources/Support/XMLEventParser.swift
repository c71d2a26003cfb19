internal import CXML

/// Receives what `XMLEventParser` reads, in document order.
protocol XMLEventHandler: AnyObject {
    /// An element's start. Attribute keys are qualified names (`prefix:name`, or `name` for an
    /// attribute without a prefix); namespace declarations are not attributes.
    func startElement(_ name: String, namespaceURI: String, attributes: [String: String])
    func endElement(_ name: String, namespaceURI: String)
    /// Text, CDATA sections included. One run of text may arrive in several calls.
    func characters(_ text: String)
}

/// Which libxml2 `XMLEventParser` reads with.
enum XMLLibrary {
    /// libxml2.so.2, opened when the first document is parsed and kept open.
    case shared
    /// The library in a file, opened for one parse; tests use it to ask for a missing library.
    case file(String)
}

/// Why `XMLEventParser` could not read a document.
enum XMLEventParserError: Error {
    /// libxml2 could not be opened, or lacks a function the parser calls.
    case libraryUnavailable(String)
    /// The document is not well-formed; `message` is libxml2's, about its first error.
    case malformed(code: Int, line: Int, message: String)
}

/// Reads XML with libxml2's SAX2 push parser, namespace processing on, reporting elements and text
/// to a handler.
///
/// libxml2 is opened with dlopen rather than linked, so runs that read no XML do not load it (and
/// ICU, which it needs) at start-up. The options and the error rule are those of Foundation's
/// `XMLParser`, which curator used before, so feeds read as they did: predefined entities and
/// character references are decoded, libxml2 recovers from errors and goes on, and the document
/// counts as read unless its last error is about something other than how it ends (content after
/// the root element, or a root element left open). Unlike `XMLParser`, entities the document
/// declares in its own DTD are not expanded; referring to one is an error.
enum XMLEventParser {
    static func parse(
        _ bytes: [UInt8], handler: some XMLEventHandler, library: XMLLibrary = .shared
    ) throws(XMLEventParserError) {
        switch library {
        case .shared:
            var reason: UnsafePointer<CChar>?
            guard let opened = cxml_shared_library(&reason) else {
                throw .libraryUnavailable(reason.map { String(cString: $0) } ?? "libxml2.so.2 could not be opened")
            }
            try parse(bytes, handler: handler, with: opened)
        case .file(let file):
            var reason = [CChar](repeating: 0, count: 512)
            guard let opened = cxml_library_open(file, &reason, reason.count) else {
                let bytes = reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                throw .libraryUnavailable(String(decoding: bytes, as: UTF8.self))
            }
            defer { cxml_library_close(opened) }
            try parse(bytes, handler: handler, with: opened)
        }
    }

    private static func parse(
        _ bytes: [UInt8], handler: some XMLEventHandler, with library: OpaquePointer
    ) throws(XMLEventParserError) {
        let session = ParseSession(handler: handler)
        var handlers = cxml_handlers(
            start_element: { context, localName, prefix, namespaceURI, count, attributes in
                ParseSession.from(context).startElement(localName, prefix, namespaceURI, count, attributes)
            },
            end_element: { context, localName, prefix, namespaceURI in
                ParseSession.from(context).endElement(localName, prefix, namespaceURI)
            },
            characters: { context, text, length in
                ParseSession.from(context).characters(text, length)
            },
            error: { context, code, level, line, message in
                ParseSession.from(context).error(code: code, level: level, line: line, message: message)
            }
        )
        let result = withExtendedLifetime(session) {
            bytes.withUnsafeBufferPointer { buffer in
                cxml_parse(
                    library, buffer.baseAddress, buffer.count, &handlers, Unmanaged.passUnretained(session).toOpaque())
            }
        }
        guard result == 0 else {
            throw session.firstError
                ?? .malformed(code: Int(result), line: 0, message: "libxml2 could not parse the document")
        }
    }
}

/// Carries one parse's handler and first error through libxml2's `void *` context.
private final class ParseSession {
    let handler: any XMLEventHandler
    private(set) var firstError: XMLEventParserError?

    init(handler: any XMLEventHandler) {
        self.handler = handler
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> ParseSession {
        Unmanaged<ParseSession>.fromOpaque(context!).takeUnretainedValue()
    }

    func startElement(
        _ localName: UnsafePointer<UInt8>?, _ prefix: UnsafePointer<UInt8>?, _ namespaceURI: UnsafePointer<UInt8>?,
        _ count: Int32, _ attributes: UnsafePointer<UnsafePointer<UInt8>?>?
    ) {
        var values: [String: String] = [:]
        if let attributes {
            for index in 0..<Int(count) {
                let fields = attributes + index * 5
                guard let name = fields[0], let start = fields[3], let end = fields[4] else { continue }
                var key = String(cString: name)
                if let attributePrefix = fields[1], attributePrefix.pointee != 0 {
                    key = String(cString: attributePrefix) + ":" + key
                }
                values[key] = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            }
        }
        handler.startElement(Self.string(localName), namespaceURI: Self.string(namespaceURI), attributes: values)
    }

    func endElement(
        _ localName: UnsafePointer<UInt8>?, _ prefix: UnsafePointer<UInt8>?, _ namespaceURI: UnsafePointer<UInt8>?
    ) {
        handler.endElement(Self.string(localName), namespaceURI: Self.string(namespaceURI))
    }

    func characters(_ text: UnsafePointer<UInt8>?, _ length: Int32) {
        guard let text, length > 0 else { return }
        handler.characters(String(decoding: UnsafeBufferPointer(start: text, count: Int(length)), as: UTF8.self))
    }

    /// Keeps the first error; warnings (level 1) do not make a document malformed.
    func error(code: Int32, level: Int32, line: Int32, message: UnsafePointer<CChar>?) {
        guard level >= 2, firstError == nil else { return }
        // libxml2 ends its messages with a line break and puts some details on a second line.
        let text = message.map { String(cString: $0) } ?? ""
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        firstError = .malformed(code: Int(code), line: Int(line), message: oneLine)
    }

    private static func string(_ pointer: UnsafePointer<UInt8>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
