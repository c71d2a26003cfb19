import Foundation
import Synchronization

/// A regular expression from a ruleset (ICU syntax, as `NSRegularExpression` reads it), asked only
/// whether it matches somewhere in a string.
///
/// Why not `NSRegularExpression` alone: its first use initialises ICU's regular expression tables,
/// a few milliseconds before the first file is read, and each match then costs about a
/// microsecond; a lint asks a pattern of every badge and every figure of the list. Most ruleset
/// patterns are simple (anchored literals, classes, groups, alternatives), and for those glibc's
/// POSIX engine gives the same answer several times faster without ICU. So a pattern is
/// translated to POSIX extended syntax when every construct in it means the same in both, and it
/// is matched that way against strings of printable ASCII, where the two engines cannot disagree
/// (no multi-byte characters, no line ends for `.` and `$` to treat differently). Any other
/// pattern, and any other string, goes to ICU, created on first need. Whether a match exists does
/// not depend on which of several matches an engine prefers, so POSIX's leftmost-longest rule
/// and ICU's leftmost-first rule agree on the answer.
public final class Pattern: Sendable {
    public let source: String
    /// Whether `posix` holds the compiled POSIX form.
    private let usesPOSIX: Bool
    /// glibc's `regexec` locks the compiled pattern itself; the mutex makes that visible to
    /// Swift's concurrency checking.
    private let posix: Mutex<regex_t>
    /// ICU's form, made on first need when there is a POSIX form, else at once (which also
    /// checks the pattern).
    private let icu: Mutex<NSRegularExpression?>

    /// Fails with ICU's reason when the pattern is not a valid regular expression.
    public init(_ source: String) throws {
        self.source = source
        var compiled = regex_t()
        if let translated = Pattern.posixForm(of: source),
            regcomp(&compiled, translated, REG_EXTENDED | REG_NOSUB) == 0
        {
            usesPOSIX = true
            posix = Mutex(compiled)
            icu = Mutex(nil)
        } else {
            usesPOSIX = false
            posix = Mutex(regex_t())
            icu = Mutex(try NSRegularExpression(pattern: source))
        }
    }

    deinit {
        if usesPOSIX { posix.withLock { regfree(&$0) } }
    }

    public func matches(_ text: String) -> Bool {
        if usesPOSIX, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return posix.withLock { regexec(&$0, text, 0, nil, 0) == 0 }
        }
        return icu.withLock { stored in
            if stored == nil { stored = try? NSRegularExpression(pattern: source) }
            // Only a pattern ICU accepts is ever translated, so a failure here is a bug.
            guard let regex = stored else { preconditionFailure("ICU rejects the translated pattern \(source)") }
            return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    /// `source` in POSIX extended syntax, or nil when it uses anything whose meaning could differ
    /// between the engines (lookaround, backreferences, lazy or possessive quantifiers, Unicode,
    /// flags, nested or escaped bracket contents...).
    static func posixForm(of source: String) -> String? {
        let bytes = Array(source.utf8)
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        var output = ""
        var index = 0
        var afterAtom = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { return nil }
                let next = bytes[index + 1]
                switch next {
                case UInt8(ascii: "d"): output += "[0-9]"
                case UInt8(ascii: "s"): output += "[[:space:]]"
                case UInt8(ascii: "w"): output += "[[:alnum:]_]"
                default:
                    // An escaped punctuation character is that character; an escaped letter or
                    // digit is a class, an anchor or a reference in ICU.
                    guard let literal = escapedLiteral(next) else { return nil }
                    output += literal
                }
                index += 2
                afterAtom = true
            case UInt8(ascii: "["):
                guard let (bracket, end) = bracketForm(bytes, from: index) else { return nil }
                output += bracket
                index = end
                afterAtom = true
            case UInt8(ascii: "("):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") {
                    guard index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: ":") else { return nil }
                    index += 3
                } else {
                    index += 1
                }
                output += "("
                afterAtom = false
            case UInt8(ascii: ")"):
                output += ")"
                index += 1
                afterAtom = true
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
                guard afterAtom else { return nil }
                output.append(Character(Unicode.Scalar(byte)))
                index += 1
                // A quantifier followed by `?` or `+` is lazy or possessive in ICU.
                if index < bytes.count, bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "+") {
                    return nil
                }
                afterAtom = false
            case UInt8(ascii: "{"):
                guard afterAtom, let end = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
                let interval = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                let parts = interval.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
                guard let low = parts.first, !low.isEmpty, low.allSatisfy(\.isASCII), Int(low) != nil,
                    parts.count == 1 || parts[1].isEmpty || Int(parts[1]) != nil
                else { return nil }
                output += "{" + interval + "}"
                index = end + 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "+") {
                    return nil
                }
                afterAtom = false
            case UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "$"):
                output.append(Character(Unicode.Scalar(byte)))
                index += 1
                afterAtom = false
            case UInt8(ascii: "."):
                output += "."
                index += 1
                afterAtom = true
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                // Unescaped, ICU and POSIX do not read these alike.
                return nil
            default:
                // Letters, digits, spaces and punctuation that neither syntax gives a meaning.
                output.append(Character(Unicode.Scalar(byte)))
                index += 1
                afterAtom = true
            }
        }
        return output
    }

    /// What `\\` followed by `byte` means in POSIX when it means the character itself in ICU;
    /// nil for letters and digits, which ICU reads as classes, anchors or references.
    private static func escapedLiteral(_ byte: UInt8) -> String? {
        let character = Character(Unicode.Scalar(byte))
        if character.isLetter || character.isNumber { return nil }
        switch character {
        case ".", "[", "(", ")", "*", "+", "?", "{", "|", "^", "$", "\\": return "\\" + String(character)
        // POSIX leaves a backslash before these undefined; a one-character class is certain.
        case "]", "}": return "[" + String(character) + "]"
        default: return String(character)
        }
    }

    /// A bracket expression without backslashes, nested brackets or set operations, copied as
    /// POSIX reads it the same; the class ends after its closing `]`.
    private static func bracketForm(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var index = start + 1
        var body = ""
        if index < bytes.count, bytes[index] == UInt8(ascii: "^") {
            body += "^"
            index += 1
        }
        // ICU and POSIX read a leading `]` differently.
        guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else { return nil }
        while index < bytes.count, bytes[index] != UInt8(ascii: "]") {
            let byte = bytes[index]
            guard byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "["), byte != UInt8(ascii: "&") else { return nil }
            body.append(Character(Unicode.Scalar(byte)))
            index += 1
        }
        guard index < bytes.count else { return nil }
        return ("[" + body + "]", index + 1)
    }
}
