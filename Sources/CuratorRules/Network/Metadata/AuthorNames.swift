import CuratorCore
import Foundation

/// Author lists as the list writes them (`A, B and C`, `A, B, C et al`) and as arXiv gives them.
public enum AuthorNames {
    /// The names of an entry's author field, and whether it ends in "et al".
    public static func parse(_ text: String) -> (names: [String], etAl: Bool) {
        var rest = text.trimmingCharacters(in: .whitespaces)
        var etAl = false
        if let match = rest.range(of: #",?\s*et\.?\s*al\.?\s*$"#, options: [.regularExpression, .caseInsensitive]) {
            etAl = true
            rest = String(rest[..<match.lowerBound])
        }
        let names = rest.replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " & ", with: ", ")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return (names, etAl)
    }

    /// A name reduced for comparison: no accents, case or punctuation.
    static func normalize(_ name: String) -> [String] {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let spaced = String(folded.map { (character: Character) -> Character in character.isLetter ? character : " " })
        return spaced.split(separator: " ").map(String.init)
    }

    /// Whether two spellings name the same person: equal once normalized, or the same family name
    /// with the same first initial (`J. Zico Kolter` and `Zico Kolter` stay apart, `Carlo C Del
    /// Mundo` and `Carlo Del Mundo` do not).
    public static func same(_ lhs: String, _ rhs: String) -> Bool {
        let left = normalize(lhs)
        let right = normalize(rhs)
        if left == right { return true }
        guard let leftLast = left.last, let rightLast = right.last, leftLast == rightLast,
            let leftFirst = left.first?.first, let rightFirst = right.first?.first
        else { return false }
        return leftFirst == rightFirst
    }

    /// The author field for arXiv's names under the list's convention: every name, or, where "et
    /// al" is allowed and the list is longer than twice the names it keeps, the first names and "et al".
    public static func written(_ names: [String], convention: AuthorConvention?) -> String {
        let kept = convention?.after ?? 0
        if let convention, convention.allowsEtAl, kept > 0, names.count > kept * 2 {
            return names.prefix(kept).joined(separator: ", ") + " et al"
        }
        return names.joined(separator: ", ")
    }
}
