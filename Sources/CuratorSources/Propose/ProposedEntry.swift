import CuratorCore

/// A new entry, decided field by field, rendered in the list's own format.
public struct ProposedEntry: Sendable {
    public var arxivID: ArxivID
    public var version: Int
    public var title: String
    /// The author field as the list writes it.
    public var authors: String
    public var repository: RepositoryName?
    /// The badge label (`ICML'24`) and whether the venue is a journal.
    public var venue: (label: String, journal: Bool)?
    public var starred: Bool
    /// `MM/DD`, the list's date comment.
    public var date: String

    public init(
        arxivID: ArxivID, version: Int, title: String, authors: String, repository: RepositoryName?,
        venue: (label: String, journal: Bool)?, starred: Bool, date: String
    ) {
        self.arxivID = arxivID
        self.version = version
        self.title = title
        self.authors = authors
        self.repository = repository
        self.venue = venue
        self.starred = starred
        self.date = date
    }

    public var paperURL: String { arxivID.abstractURL }

    /// The entry as one line of `format`: a table row (`badges<br>title <br> authors | figure | links|date`)
    /// or a bullet (`* badges [title](url). authors. [[Paper]](url)[[Github]](url)`).
    public func render(_ format: EntryFormat, ruleset: Ruleset) -> String {
        let policy = ruleset.propose
        let codeLabel = policy?.labels?["code"] ?? "Github"
        let paperLabel = policy?.labels?["paper"] ?? "Paper"
        var badges: [String] = []
        if let repository, let template = ruleset.badges?.star?.canonical {
            let image = repository.starBadgeImage(template: template)
            badges.append("[![\(ruleset.badges?.star?.alt ?? "Star")](\(image))](\(repository.url))")
        }
        if let venue {
            let kinds = ruleset.badges?.venue?.kinds ?? ["Conference", "Journal"]
            let kind = venue.journal ? (kinds.first { $0 == "Journal" } ?? "Journal") : (kinds.first ?? "Conference")
            badges.append(
                "[![\(ruleset.badges?.venue?.alt ?? "Publish")](https://img.shields.io/badge/\(Self.badgePart(kind))-\(Self.badgePart(venue.label))-blue)]()"
            )
        }
        let mark = starred ? (ruleset.star?.mark).map { "\($0) " } ?? "" : ""
        let titleLink = "\(mark)[\(Self.escape(title))](\(paperURL))"
        switch format.kind {
        case .tableRow:
            let separator = format.separator ?? "<br>"
            let paperCell = (badges.isEmpty ? "" : badges.joined() + separator) + "\(titleLink) \(separator) \(authors)"
            let figure = (policy?.figure ?? "")
                .replacingOccurrences(of: "{id}", with: arxivID.base).replacingOccurrences(
                    of: "{version}", with: String(version))
            let width = policy?.figureWidth ?? 1002
            var links = ["[\(paperLabel)](\(paperURL))"]
            if let repository { links.insert("[\(codeLabel)](\(repository.url))", at: 0) }
            var cells: [String] = []
            for column in format.columns ?? [.paper, .image, .links] {
                switch column {
                case .paper: cells.append(paperCell + " ")
                case .image: cells.append("<img width=\"\(width)\" alt=\"image\" src=\"\(figure)\"> ")
                case .links: cells.append(links.joined(separator: " \(separator) "))
                case .title: cells.append(Self.escape(title) + " ")
                case .name, .description, .ignored: cells.append(" ")
                }
            }
            let comment = format.dateComment == nil ? "" : "[//]: #\(date)"
            return "|" + cells.joined(separator: "|") + "|" + comment
        case .bullet:
            var line = "\(format.marker ?? "*") "
            if !badges.isEmpty { line += badges.joined(separator: " ") + " " }
            line += "\(titleLink). \(authors). [[\(paperLabel)]](\(paperURL))"
            if let repository { line += "[[\(codeLabel)]](\(repository.url))" }
            return line
        }
    }

    /// Markdown that would end a link label or a table cell early.
    static func escape(_ title: String) -> String {
        title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(
                of: "]", with: "\\]")
    }

    /// shields.io's static badge spelling: `%20` for a space, `--` for a dash, `__` for an underscore.
    static func badgePart(_ shown: String) -> String {
        shown.replacingOccurrences(of: "-", with: "--").replacingOccurrences(of: "_", with: "__").replacingOccurrences(
            of: " ", with: "%20")
    }
}
