import CuratorCore
import Foundation

/// The fields of the REST repository object (`GET /repos/{owner}/{repo}`) that the list uses.
struct GitHubRESTRepository: Decodable {
    var fullName: String
    var htmlURL: String
    var stargazersCount: Int
    var archived: Bool
    var disabled: Bool?
    var pushedAt: String?
    var description: String?

    enum CodingKeys: String, CodingKey {
        case fullName = "full_name"
        case htmlURL = "html_url"
        case stargazersCount = "stargazers_count"
        case archived, disabled
        case pushedAt = "pushed_at"
        case description
    }

    func info(etag: String?) -> RepositoryInfo? {
        guard let name = RepositoryName(fullName) else { return nil }
        return RepositoryInfo(
            nameWithOwner: name, url: htmlURL, stars: stargazersCount, isArchived: archived,
            isDisabled: disabled ?? false, pushedAt: pushedAt.flatMap(GitHubDates.parse), description: description,
            etag: etag)
    }
}

enum GitHubDates {
    static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
