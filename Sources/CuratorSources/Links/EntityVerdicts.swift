import CuratorCore

/// The verdict on a link derived from what an entity API said about the entity behind it.
public enum EntityVerdicts {
    public static func verdict(url: String, repository: RepositoryFacts) -> LinkVerdict {
        switch repository.state {
        case .missing:
            return .dead(
                reason: .noSuchRepository, status: 404,
                detail: "GitHub has no repository \(repository.requested) (deleted, private or never there)")
        case .blocked where Self.isTakedown(repository.detail):
            return .dead(
                reason: .unavailableForLegalReasons, status: 451,
                detail: "GitHub blocks access to \(repository.requested)\(repository.detail.map { " (\($0))" } ?? "")")
        case .blocked:
            // Refused without a takedown reason (GraphQL's FORBIDDEN, an organization's SSO):
            // the repository may well exist for its members.
            return .blocked(
                status: 403,
                detail: "GitHub refused access to \(repository.requested)\(repository.detail.map { " (\($0))" } ?? "")")
        case .found:
            guard repository.isRenamed, let canonical = repository.canonical,
                let target = RepositoryName.rewrite(url, to: canonical)
            else { return .ok(status: 200) }
            return .redirected(
                permanent: true, target: target,
                chain: [RedirectHop(url: url, status: 301, location: target)])
        }
    }

    public static func verdict(url: String, paper: PaperFacts) -> LinkVerdict {
        switch paper.state {
        case .unknown:
            return .dead(reason: .noSuchPaper, status: nil, detail: "arXiv has no paper \(paper.id)")
        case .found, .withdrawn:
            // A withdrawn paper's page still exists; the withdrawn-paper rule reports it.
            return .ok(status: 200)
        }
    }

    /// GitHub's `block.reason` values for repositories taken down (DMCA notices, terms of
    /// service), and the adapter's wording for a bare 451.
    static func isTakedown(_ reason: String?) -> Bool {
        guard let reason = reason?.lowercased() else { return false }
        return ["dmca", "tos", "sensitive_data", "unavailable for legal reasons"].contains(reason)
    }
}
