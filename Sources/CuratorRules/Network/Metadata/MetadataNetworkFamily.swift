public import CuratorCore

/// The rules that compare entries with arXiv and GitHub metadata, registered in `BuiltInRules`.
/// They run after the offline families because they read what the network said (`context.facts`)
/// and report nothing offline. What a row says about its paper (venue, title, authors) comes
/// before the recommendation that weighs paper and code. Archived, renamed and missing
/// repositories are the link rules' (`archived-repository`, `renamed-repository`, `dead-link`).
public let metadataNetworkRules: [any Rule.Type] = [
    ArxivVenueRule.self,
    ArxivTitleRule.self,
    ArxivAuthorsRule.self,
    StarCandidateRule.self,
]
