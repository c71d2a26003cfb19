import CuratorCore

/// The tag rules, registered in `BuiltInRules`.
let tagRules: [any Rule.Type] = []
