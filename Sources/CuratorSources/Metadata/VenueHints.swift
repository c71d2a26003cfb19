/// Finds venue names such as `ICLR 2025` or `NeurIPS'24` in free text (arXiv comments and journal
/// references), where authors announce acceptance in many spellings.
public enum VenueHints {
    /// Venues common in the lists curator serves, in the spelling to report.
    static let venues = [
        "AAAI", "ACL", "AISTATS", "COLING", "COLM", "CVPR", "EACL", "ECCV", "EMNLP", "ICCV", "ICLR", "ICML", "IJCAI",
        "JMLR", "KDD", "MLSys", "NAACL", "NeurIPS", "SIGIR", "TMLR", "TPAMI", "UAI", "WWW",
    ]

    public static func extract(from texts: [String?]) -> [String] {
        var found: [String] = []
        for text in texts.compactMap({ $0 }) {
            for hint in extract(from: text) where !found.contains(hint) {
                found.append(hint)
            }
        }
        return found
    }

    static func extract(from text: String) -> [String] {
        // "NIPS" is the older name of NeurIPS and still appears in comments.
        let normalized = text.replacingOccurrences(of: "NIPS", with: "NeurIPS")
        var hints: [String] = []
        for venue in venues {
            // Word boundaries keep "ACL" from matching inside "ACLED". The pattern is built from the
            // fixed list above, so it always compiles; a failure would only skip that venue.
            guard let pattern = try? Regex("\\b\(venue)\\b(?:\\s*['’]?\\s*(\\d{4}|\\d{2})\\b)?") else { continue }
            for match in normalized.matches(of: pattern) {
                var hint = venue
                if let year = match.output[1].substring {
                    hint += " " + (year.count == 2 ? "20\(year)" : String(year))
                }
                if !hints.contains(hint) { hints.append(hint) }
            }
        }
        return hints
    }
}
