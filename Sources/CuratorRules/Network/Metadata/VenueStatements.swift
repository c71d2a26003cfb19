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

/// Finds explicit acceptance statements ("Accepted at ICML 2024", "NeurIPS 2023 (oral)",
/// "Proceedings of the AAAI Conference on Artificial Intelligence, 2024") for the venues of a list's
/// vocabulary, by their names and by the `aliases` the vocabulary gives them.
///
/// Only explicit statements count: a journal reference is one by definition, and a comment clause
/// counts when it says the paper was accepted, appears or was published, or when it opens with the
/// venue and year, which is how authors write "NeurIPS 2023 (oral)". Clauses that speak of a
/// submission or a review are not statements of acceptance, so "Submitted to ICLR 2025" is ignored.
///
/// A venue's year is the one written next to it (`ICML 2024`, `ICML'24`, `TMLR (2024)`, `AAAI-24`).
/// Proceedings titles put the year elsewhere ("Proceedings of the 2023 Conference on Empirical
/// Methods in Natural Language Processing"), so when no venue of a clause has a year beside it, a
/// clause with exactly one four-digit year gives that year to the venues it names.
public enum VenueStatements {
    static let acceptance = [
        "accept", "to appear", "appear in", "appears in", "published", "camera-ready", "camera ready", "proceedings",
        "oral", "spotlight", "poster", "main conference", "presented at", "in proc",
    ]
    static let refusal = [
        "submitted", "under submission", "in submission", "under review", "rejected", "withdrawn", "preprint",
    ]
    /// Abbreviations whose full stop would otherwise end a clause ("Proc. of NAACL 2024").
    static let abbreviations =
        "Proc|Conf|Int|Intl|Trans|Annu|Assoc|Comput|Linguist|Mach|Learn|Res|Artif|Intell|Vol|No|pp|Symp"

    public static func find(comment: String?, journalRef: String?, vocabulary: VenueVocabulary) -> [VenueStatement] {
        var found: [VenueStatement] = []
        func add(_ statement: VenueStatement) {
            if !found.contains(where: { $0.venue == statement.venue && $0.year == statement.year }) {
                found.append(statement)
            }
        }
        let spellings = Self.spellings(vocabulary)
        if let journalRef {
            for statement in statements(in: expanded(journalRef), spellings: spellings, requireAcceptance: false) {
                add(statement)
            }
        }
        if let comment {
            for clause in clauses(expanded(comment)) {
                for statement in statements(in: clause, spellings: spellings, requireAcceptance: true) {
                    add(statement)
                }
            }
        }
        return found
    }

    /// The text with the full stops of `abbreviations` dropped, so that a clause does not end
    /// inside a proceedings title; the evidence quotes the clause in this form.
    static func expanded(_ text: String) -> String {
        guard let pattern = try? NSRegularExpression(pattern: "\\b(\(abbreviations))\\.") else { return text }
        return pattern.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1")
    }

    /// Every way of writing each venue, the longest first, so that `ICMLA` is not read as `ICML`
    /// and "Transactions of the Association for Computational Linguistics" not as ACL.
    static func spellings(_ vocabulary: VenueVocabulary) -> [(spelling: String, venue: String)] {
        var result = vocabulary.names.map { ($0, $0) }
        for (venue, aliases) in vocabulary.aliases ?? [:] where vocabulary.names.contains(venue) {
            result += aliases.map { ($0, venue) }
        }
        return result.sorted { ($0.0.count, $0.0) > ($1.0.count, $1.0) }
    }

    /// Comments chain several remarks with `;` or sentences ("10 pages. Accepted at ACL 2024.").
    static func clauses(_ text: String) -> [String] {
        text.components(separatedBy: CharacterSet(charactersIn: ";\n")).flatMap { $0.components(separatedBy: ". ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A venue named in a clause, with the year written beside it if there is one.
    struct Mention {
        var venue: String
        var range: Range<String.Index>
        var year: Int?
    }

    static func statements(
        in clause: String, spellings: [(spelling: String, venue: String)], requireAcceptance: Bool
    ) -> [VenueStatement] {
        let text = clause
        let lowered = text.lowercased()
        if refusal.contains(where: { lowered.contains($0) }) { return [] }
        let accepted = acceptance.contains { lowered.contains($0) }
        var mentions: [Mention] = []
        for (spelling, venue) in spellings where lowered.contains(spelling.lowercased()) {
            let escaped = NSRegularExpression.escapedPattern(for: spelling)
            guard
                let pattern = try? NSRegularExpression(
                    pattern:
                        "(?<![A-Za-z])\(escaped)(?![A-Za-z])(?:[\\s),(:]{0,4}(\\d{4})(?!\\d)|\\s?['’–-](\\d{2})(?!\\d))?",
                    options: [.caseInsensitive])
            else { continue }
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let whole = Range(match.range, in: text),
                    !mentions.contains(where: { $0.range.overlaps(whole) })
                else { continue }
                var year = Range(match.range(at: 1), in: text).flatMap { Int(text[$0]) }
                if let short = Range(match.range(at: 2), in: text).flatMap({ Int(text[$0]) }) { year = short + 2000 }
                mentions.append(
                    Mention(venue: venue, range: whole, year: year.flatMap { (1990...2100).contains($0) ? $0 : nil }))
            }
        }
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        if !mentions.contains(where: { $0.year != nil }) {
            let yearPattern = try? NSRegularExpression(pattern: "(?<!\\d)(?:19|20)\\d\\d(?!\\d)")
            let years = Set(
                (yearPattern?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? []).compactMap {
                    Range($0.range, in: text).flatMap { Int(text[$0]) }
                })
            guard years.count == 1, let year = years.first else { return [] }
            for index in mentions.indices { mentions[index].year = year }
        }
        var qualifier: String?
        if lowered.contains("findings") {
            qualifier = "Findings"
        } else if lowered.contains("workshop") {
            qualifier = "Workshop"
        }
        var result: [VenueStatement] = []
        for mention in mentions {
            guard let year = mention.year,
                !result.contains(where: { $0.venue == mention.venue && $0.year == year })
            else { continue }
            let opensClause = text[..<mention.range.lowerBound].allSatisfy { !$0.isLetter }
            guard !requireAcceptance || accepted || opensClause else { continue }
            result.append(VenueStatement(venue: mention.venue, year: year, qualifier: qualifier, evidence: clause))
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
