/// One `alias: repository(owner: "…", name: "…") { fields }` selection found in a query.
///
/// A regular expression is enough because the bot's query has a fixed, flat shape; nested
/// selections such as `licenseInfo { spdxId }` are not understood.
struct GraphQLSelection {
    var alias: String
    var owner: String
    var name: String
    var fields: [String]
    /// 1-based position of the alias in the query, as GraphQL reports `locations`.
    var line: Int
    var column: Int

    static func parse(_ query: String) -> [GraphQLSelection] {
        let pattern = /(\w+)\s*:\s*repository\(\s*owner:\s*"([^"]*)"\s*,\s*name:\s*"([^"]*)"\s*\)\s*\{([^{}]*)\}/
        return query.matches(of: pattern).map { match in
            let before = query[..<match.range.lowerBound]
            let line = before.filter { $0 == "\n" }.count + 1
            let column =
                before.count
                - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            return GraphQLSelection(
                alias: String(match.1), owner: String(match.2), name: String(match.3),
                fields: match.4.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init),
                line: line, column: column)
        }
    }
}
