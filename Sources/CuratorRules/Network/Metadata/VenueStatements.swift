import CuratorCore
import Foundation

/// A venue a paper's authors say it was accepted at, read from arXiv's journal reference or comment.
public struct VenueStatement: Sendable, Hashable {
    /// The venue in the vocabulary's spelling (`NeurIPS`).
    public var venue: String
    public var year: Int
    /// `Findings` or `Workshop`, the qualifiers that change what the badge means.
    public var qualifier: String?
    /// The clause the statement was read from, for the report.
    public var evidence: String

    /// The badge label in the list's format (`ICML'24`, `ACL'24 Findings`).
    public func label(format: String) -> String {
        let yy = String(format: "%02d", year % 100)
        let base = format.replacingOccurrences(of: "{venue}", with: venue).replacingOccurrences(of: "{yy}", with: yy)
        return qualifier.map { "\(base) \($0)" } ?? base
    }
}

/// Finds explicit acceptance statements ("Accepted at ICML 2024", "NeurIPS 2023 (oral)") for the
/// venues of a list's vocabulary.
///
/// Only explicit statements count: a journal reference is one by definition, and a comment clause
/// counts when it says the paper was accepted, appears or was published, or when it opens with the
/// venue and year, which is how authors write "NeurIPS 2023 (oral)". Clauses that speak of a
/// submission or a review are not statements of acceptance, so "Submitted to ICLR 2025" is ignored.
public enum VenueStatements {
    static let acceptance = [
        "accept", "to appear", "appear in", "appears in", "published", "camera-ready", "camera ready", "proceedings",
        "oral", "spotlight", "poster", "main conference", "presented at",
    ]
    static let refusal = [
        "submitted", "under review", "in submission", "under submission", "rejected", "withdrawn", "preprint",
    ]

    public static func find(comment: String?, journalRef: String?, vocabulary: VenueVocabulary) -> [VenueStatement] {
        var found: [VenueStatement] = []
        func add(_ statement: VenueStatement) {
            if !found.contains(where: { $0.venue == statement.venue && $0.year == statement.year }) {
                found.append(statement)
            }
        }
        if let journalRef {
            for statement in statements(in: journalRef, vocabulary: vocabulary, requireAcceptance: false) {
                add(statement)
            }
        }
        if let comment {
            for clause in clauses(comment) {
                for statement in statements(in: clause, vocabulary: vocabulary, requireAcceptance: true) {
                    add(statement)
                }
            }
        }
        return found
    }

    /// Comments chain several remarks with `;` or sentences ("10 pages. Accepted at ACL 2024.").
    static func clauses(_ text: String) -> [String] {
        text.components(separatedBy: CharacterSet(charactersIn: ";\n")).flatMap { $0.components(separatedBy: ". ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func statements(in clause: String, vocabulary: VenueVocabulary, requireAcceptance: Bool) -> [VenueStatement]
    {
        // "NIPS" is the older name of NeurIPS and still appears in comments.
        let text = clause.replacingOccurrences(of: "NIPS", with: "NeurIPS")
        let lowered = text.lowercased()
        if refusal.contains(where: { lowered.contains($0) }) { return [] }
        let accepted = acceptance.contains { lowered.contains($0) }
        var result: [VenueStatement] = []
        // The longest names first, so that `ICMLA` is not read as `ICML`.
        for name in vocabulary.names.sorted(by: { $0.count > $1.count }) {
            guard
                let pattern = try? NSRegularExpression(
                    pattern:
                        "(?<![A-Za-z])\(NSRegularExpression.escapedPattern(for: name))(?![A-Za-z])[\\s'’),(]{0,4}(\\d{4}|\\d{2})(?!\\d)",
                    options: [.caseInsensitive])
            else { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                guard let yearRange = Range(match.range(at: 1), in: text), let whole = Range(match.range, in: text),
                    var year = Int(text[yearRange])
                else { continue }
                if year < 100 { year += 2000 }
                guard (1990...2100).contains(year) else { continue }
                if result.contains(where: {
                    $0.year == year && $0.venue.count > name.count && $0.venue.lowercased().contains(name.lowercased())
                }) {
                    continue
                }
                let opensClause = text[..<whole.lowerBound].allSatisfy { !$0.isLetter }
                guard !requireAcceptance || accepted || opensClause else { continue }
                var qualifier: String?
                if lowered.contains("findings") {
                    qualifier = "Findings"
                } else if lowered.contains("workshop") {
                    qualifier = "Workshop"
                }
                result.append(VenueStatement(venue: name, year: year, qualifier: qualifier, evidence: clause))
            }
        }
        return result
    }

    /// The venue name a badge label starts with, by the longest name of the vocabulary.
    public static func venue(ofLabel label: String, vocabulary: VenueVocabulary) -> String? {
        let lowered = label.lowercased()
        return vocabulary.names.sorted { $0.count > $1.count }.first { name in
            guard lowered.hasPrefix(name.lowercased()) else { return false }
            return label.dropFirst(name.count).first.map { !$0.isLetter } ?? true
        }
    }
}
