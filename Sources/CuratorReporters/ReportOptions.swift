/// Settings that some formats need and the command line supplies. Each format ignores the ones
/// that do not concern it, so one value can be built once and handed to whichever format was asked.
public struct ReportOptions: Sendable, Hashable {
    /// GitHub's documented limit on one step summary is 1 MiB, but a summary that long is unreadable
    /// and slow to load; the project caps it far lower on purpose.
    public static let defaultMarkdownByteLimit = 65_536

    /// Whether the text format wraps severities in ANSI colour codes. Off unless asked, because the
    /// text format is also what pre-commit and CI logs capture.
    public var color: Bool
    /// The version SARIF reports as `tool.driver.version`.
    public var toolVersion: String
    /// The tool's home page, reported as `tool.driver.informationUri` when known.
    public var toolInformationURI: String?
    /// A URL prefix that, followed by a rule id, explains that rule; SARIF reports it as `helpUri`.
    public var ruleHelpBaseURI: String?
    /// A URL prefix that, followed by a relative path, shows that file on the web (for example
    /// `https://github.com/OWNER/REPO/blob/SHA/`). The markdown summary links locations through it.
    public var sourceBaseURI: String?
    /// The most UTF-8 bytes the markdown summary may take, truncation notice included.
    public var markdownByteLimit: Int

    public init(
        color: Bool = false,
        toolVersion: String = "0.0.0",
        toolInformationURI: String? = nil,
        ruleHelpBaseURI: String? = nil,
        sourceBaseURI: String? = nil,
        markdownByteLimit: Int = ReportOptions.defaultMarkdownByteLimit
    ) {
        self.color = color
        self.toolVersion = toolVersion
        self.toolInformationURI = toolInformationURI
        self.ruleHelpBaseURI = ruleHelpBaseURI
        self.sourceBaseURI = sourceBaseURI
        self.markdownByteLimit = markdownByteLimit
    }
}

extension ReportOptions {
    /// The `blob` URL prefix of the commit a GitHub Actions job runs on, or nil outside Actions.
    ///
    /// The reporters never read the environment themselves; the command line passes its
    /// environment here so this stays a pure function that tests can feed.
    public static func githubSourceBaseURI(environment: [String: String]) -> String? {
        guard let server = environment["GITHUB_SERVER_URL"], !server.isEmpty,
            let repository = environment["GITHUB_REPOSITORY"], !repository.isEmpty,
            let sha = environment["GITHUB_SHA"], !sha.isEmpty
        else { return nil }
        return "\(server)/\(repository)/blob/\(sha)/"
    }
}

extension ReportOptions {
    /// curator's home: the repository its releases, Action and rule reference are published from.
    public static let projectHome = "https://github.com/curator-lint/curator"

    /// The rule reference of one release, which a rule id follows as the anchor of its section
    /// (`docs/rules.md` has one `## RULE-ID` heading a rule).
    public static func ruleDocumentationBase(version: String) -> String {
        "\(projectHome)/blob/v\(version)/docs/rules.md#"
    }
}
