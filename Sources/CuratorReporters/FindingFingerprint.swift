public import CuratorCore

/// A stable identity for a finding that survives edits elsewhere in the file, so that GitHub code
/// scanning keeps one alert open across runs instead of closing it and opening a new one.
///
/// The hash covers the rule, the file and the message but not the line, because lines move
/// whenever an entry is added above. Two findings that agree on all three would collide, so each
/// also carries its occurrence number among such twins, counted in report order.
public enum FindingFingerprint {
    public static func all(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let identity = [finding.ruleID, finding.location.file, finding.message].joined(separator: "\u{0}")
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            return hex(fnv1a64(identity + "\u{0}\(occurrence)"))
        }
    }

    /// 64-bit FNV-1a. It is not cryptographic, and need not be: the fingerprint only has to be the
    /// same on every machine and every run, which Swift's seeded `Hasher` deliberately is not.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
