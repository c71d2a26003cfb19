import CuratorCore

/// The link rules, registered in `BuiltInRules`. A placeholder figure comes before a missing one,
/// since a placeholder is never a file to look for.
let linkRules: [any Rule.Type] = [
    ArxivLinkRule.self,
    FigurePlaceholderRule.self,
    MissingFigureRule.self,
]
