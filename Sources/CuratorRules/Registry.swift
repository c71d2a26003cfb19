public import CuratorCore

/// Every built-in rule, in the order findings of equal position are reported. Families come in
/// the order a reader fixes a list: first whether rows can be read at all (format), then what each
/// row says (badges, links, tags), then how rows relate to each other (duplicates, mirrors), and
/// last what the network says about the links, since only an online run has facts for them.
public enum BuiltInRules {
    public static let all: [any Rule.Type] =
        formatRules + badgeRules + linkRules + tagRules + duplicateRules + linkNetworkRules + metadataNetworkRules

    public static func instances() -> [any Rule] { all.map { $0.init() } }

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
