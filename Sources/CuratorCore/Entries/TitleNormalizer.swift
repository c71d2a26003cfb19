/// Reduces titles so that copies differing only in case, punctuation or spacing compare equal.
public enum TitleNormalizer {
    public static func normalize(_ title: String) -> String {
        var pendingSpace = false
        // Most titles are ASCII: fold them byte by byte, straight into the new string's storage
        // (it is never longer than the title), and ask Unicode only about the rest.
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: title.utf8.count) { result in
                var count = 0
                for byte in title.utf8 {
                    let lower = (byte >= 65 && byte <= 90) ? byte + 32 : byte
                    if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                        if pendingSpace && count > 0 {
                            result[count] = 32
                            count += 1
                        }
                        pendingSpace = false
                        result[count] = lower
                        count += 1
                    } else {
                        pendingSpace = true
                    }
                }
                return count
            }
        }
        var text = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSpace && !text.isEmpty { text.append(" ") }
                pendingSpace = false
                text.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return text
    }
}
