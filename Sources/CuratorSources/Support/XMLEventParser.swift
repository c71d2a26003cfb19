internal import CExpat

/// Receives what `XMLEventParser` reads, in document order.
protocol XMLEventHandler: AnyObject {
    /// An element's start. Attribute keys are qualified names (`prefix:name`, or `name` for an
    /// attribute without a prefix); namespace declarations are not attributes.
    func startElement(_ name: String, namespaceURI: String, attributes: [String: String])
    func endElement(_ name: String, namespaceURI: String)
    /// Text, CDATA sections included. One run of text may arrive in several calls.
    func characters(_ text: String)
}

/// Why `XMLEventParser` could not read a document.
enum XMLEventParserError: Error, Equatable {
    /// The document is not well-formed XML (truncated ones included), or it has a document type
    /// declaration, which is refused; `code` is expat's error number and `message` its
    /// description (or the refusal), about the first error, on `line`.
    case malformed(code: Int, line: Int, message: String)
}

/// Reads XML with expat, namespace processing on, reporting elements and text to a handler.
///
/// expat is a small parser without dependencies; on Linux it is linked from Debian's static
/// archive (libexpat1-dev) and on macOS from the system, so reading a feed needs no library at
/// run time and loads none. Parsing stops at the first error: a feed that is not well-formed,
/// or that was cut off, is an error, never a partial result. Predefined entities and character
/// references are decoded. A document type declaration is refused, because its entities are the
/// only way for a document to make the parser expand text or name a file; an Atom feed has none.
enum XMLEventParser {
    /// Separates the namespace URI, the local name and the prefix in the names expat reports.
    /// U+0001 may not appear in an XML 1.0 document, so it cannot be part of a URI or a name.
    static let separator: UInt8 = 1

    static func parse(_ bytes: [UInt8], handler: some XMLEventHandler) throws(XMLEventParserError) {
        guard let parser = XML_ParserCreateNS(nil, CChar(bitPattern: separator)) else {
            fatalError("expat could not allocate a parser")
        }
        defer { XML_ParserFree(parser) }
        guard let length = Int32(exactly: bytes.count) else {
            throw .malformed(code: 0, line: 0, message: "the document is larger than 2 GiB")
        }
        let session = ParseSession(handler: handler, parser: parser)
        XML_SetReturnNSTriplet(parser, 1)
        XML_SetUserData(parser, Unmanaged.passUnretained(session).toOpaque())
        XML_SetElementHandler(
            parser,
            { context, name, attributes in ParseSession.from(context).startElement(name, attributes) },
            { context, name in ParseSession.from(context).endElement(name) })
        XML_SetCharacterDataHandler(parser) { context, text, length in
            ParseSession.from(context).characters(text, length)
        }
        XML_SetStartDoctypeDeclHandler(parser) { context, _, _, _, _ in
            ParseSession.from(context).refuseDoctype()
        }
        let status = withExtendedLifetime(session) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { XML_Parse(parser, $0.baseAddress, length, 1) }
            }
        }
        guard status == XML_STATUS_OK else {
            let code = XML_GetErrorCode(parser)
            let line = Int(XML_GetCurrentLineNumber(parser))
            let message = session.refusal ?? XML_ErrorString(code).map { String(cString: $0) } ?? "unknown error"
            throw .malformed(code: Int(code.rawValue), line: line, message: message)
        }
    }
}

/// Carries one parse's handler through expat's `void *` context.
private final class ParseSession {
    let handler: any XMLEventHandler
    let parser: XML_Parser
    /// Why the parse was stopped from a callback, when it was.
    private(set) var refusal: String?

    init(handler: any XMLEventHandler, parser: XML_Parser) {
        self.handler = handler
        self.parser = parser
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> ParseSession {
        Unmanaged<ParseSession>.fromOpaque(context!).takeUnretainedValue()
    }

    func startElement(_ name: UnsafePointer<CChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>?) {
        var values: [String: String] = [:]
        var next = attributes
        // Name and value pairs, ended by a null name.
        while let pair = next, let attributeName = pair[0], let value = pair[1] {
            values[Self.split(attributeName).qualifiedName] = String(cString: value)
            next = pair + 2
        }
        let element = Self.split(name)
        handler.startElement(element.localName, namespaceURI: element.namespaceURI, attributes: values)
    }

    func endElement(_ name: UnsafePointer<CChar>?) {
        let element = Self.split(name)
        handler.endElement(element.localName, namespaceURI: element.namespaceURI)
    }

    func characters(_ text: UnsafePointer<CChar>?, _ length: Int32) {
        guard let text, length > 0 else { return }
        let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
        handler.characters(String(decoding: bytes, as: UTF8.self))
    }

    func refuseDoctype() {
        refusal = "a document type declaration is not accepted"
        XML_StopParser(parser, XML_Bool(0))
    }

    /// A name as expat reports it with namespace triplets: `uri SEP local SEP prefix`,
    /// `uri SEP local` without a prefix, or `local` outside any namespace.
    private static func split(_ name: UnsafePointer<CChar>?) -> (
        namespaceURI: String, localName: String, qualifiedName: String
    ) {
        guard let name else { return ("", "", "") }
        let parts = String(cString: name).split(
            separator: Character(Unicode.Scalar(XMLEventParser.separator)), omittingEmptySubsequences: false
        )
        .map(String.init)
        switch parts.count {
        case 1: return ("", parts[0], parts[0])
        case 2: return (parts[0], parts[1], parts[1])
        default: return (parts[0], parts[1], parts[2] + ":" + parts[1])
        }
    }
}
