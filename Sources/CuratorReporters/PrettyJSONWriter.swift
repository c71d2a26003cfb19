/// Writes JSON in exactly the layout of Foundation's `JSONEncoder` with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes`: two-space indents, `"key" : value`, an empty
/// container as an open line, the same string escapes.
///
/// Why not `JSONEncoder` itself: the JSON report of a large run holds tens of thousands of
/// findings, and encoding them through `Encodable` (boxing every value, sorting every object's
/// keys at run time) took a tenth of the whole lint on the list repeated 20 times, after the rules
/// had finished, on one core. This writer appends bytes to one buffer. The caller writes keys in
/// sorted order; `JSONReporterTests` checks the output against `JSONEncoder` byte for byte.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// One flag per open container: whether it has an element yet.
    private var hasElements: [Bool] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// A writer that goes on inside containers another writer has open, so that parts of one
    /// document can be written side by side and joined with `append`: `open` says, outermost
    /// first, whether each open container already has an element.
    init(capacity: Int, continuing open: [Bool]) {
        bytes.reserveCapacity(capacity)
        hasElements = open
    }

    /// Appends what `part` wrote inside this writer's innermost open container.
    mutating func append(_ part: PrettyJSONWriter) {
        guard !part.bytes.isEmpty else { return }
        bytes.append(contentsOf: part.bytes)
        hasElements[hasElements.count - 1] = true
    }

    /// Ends the document's last line.
    mutating func newline() {
        bytes.append(0x0A)
    }

    /// The open containers, outermost first, as `init(capacity:continuing:)` takes them.
    var openContainers: [Bool] { hasElements }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object; its value comes next.
    mutating func key(_ name: String) {
        startElement()
        string(name)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    /// Starts an element of the open array; its value comes next.
    mutating func element() {
        startElement()
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole; most strings are one run.
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }

    mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: digits.reversed())
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        hasElements.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let wroteElements = hasElements.removeLast()
        // JSONEncoder leaves an empty container as an open line: "[\n\n]" at the same indent.
        bytes.append(0x0A)
        if !wroteElements { bytes.append(0x0A) }
        indent(hasElements.count)
        bytes.append(bracket)
    }

    private mutating func startElement() {
        if hasElements[hasElements.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasElements[hasElements.count - 1] = true
        bytes.append(0x0A)
        indent(hasElements.count)
    }

    private mutating func indent(_ depth: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }
}
