import CuratorCore
import Foundation

/// A GraphQL answer to the batch query. `data` mixes the aliased repositories with `rateLimit`,
/// so it is decoded key by key.
struct GitHubGraphQLResponse: Decodable {
    struct Node: Decodable {
        var stargazerCount: Int
        var isArchived: Bool
        var isDisabled: Bool?
        var nameWithOwner: String
        var url: String
        var pushedAt: String?
        var description: String?

        var info: RepositoryInfo? {
            guard let name = RepositoryName(nameWithOwner) else { return nil }
            return RepositoryInfo(
                nameWithOwner: name, url: url, stars: stargazerCount, isArchived: isArchived,
                isDisabled: isDisabled ?? false, pushedAt: pushedAt.flatMap(GitHubDates.parse), description: description
            )
        }
    }

    struct RateLimit: Decodable {
        var cost: Int?
        var remaining: Int?
        var resetAt: String?
        var limit: Int?
        var used: Int?
    }

    struct GraphQLError: Decodable {
        var type: String?
        var code: String?
        var path: [String]?
        var message: String?

        enum CodingKeys: String, CodingKey { case type, code, path, message }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decodeIfPresent(String.self, forKey: .type)
            code = try container.decodeIfPresent(String.self, forKey: .code)
            message = try container.decodeIfPresent(String.self, forKey: .message)
            // Paths may hold list indices (numbers) as well as field names; only names matter here.
            if var items = try? container.nestedUnkeyedContainer(forKey: .path) {
                var names: [String] = []
                while !items.isAtEnd {
                    if let name = try? items.decode(String.self) {
                        names.append(name)
                    } else {
                        _ = try? items.decode(Int.self)
                    }
                }
                path = names
            }
        }

        var isRateLimit: Bool { type == "RATE_LIMITED" || type == "RATE_LIMIT" || code == "graphql_rate_limit" }
    }

    /// Present aliases mapped to their node, or to nil where GraphQL sent `null`.
    var nodes: [String: Node?] = [:]
    var rateLimit: RateLimit?
    var errors: [GraphQLError] = []
    var message: String?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    enum TopKeys: String, CodingKey { case data, errors, message }

    init(from decoder: any Decoder) throws {
        let top = try decoder.container(keyedBy: TopKeys.self)
        errors = try top.decodeIfPresent([GraphQLError].self, forKey: .errors) ?? []
        message = try top.decodeIfPresent(String.self, forKey: .message)
        guard (try? top.decodeNil(forKey: .data)) == false,
            let data = try? top.nestedContainer(keyedBy: Key.self, forKey: .data)
        else {
            return
        }
        for key in data.allKeys {
            if key.stringValue == "rateLimit" {
                rateLimit = try? data.decode(RateLimit.self, forKey: key)
            } else if try data.decodeNil(forKey: key) {
                nodes[key.stringValue] = .some(nil)
            } else {
                nodes[key.stringValue] = try data.decode(Node.self, forKey: key)
            }
        }
    }

    static func decode(_ body: [UInt8]) -> GitHubGraphQLResponse? {
        try? JSONDecoder().decode(GitHubGraphQLResponse.self, from: Data(body))
    }
}
