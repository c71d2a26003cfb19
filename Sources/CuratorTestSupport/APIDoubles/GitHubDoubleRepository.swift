/// A repository the GitHub double serves.
public struct GitHubDoubleRepository: Sendable {
    public var id: Int
    /// Canonical spelling, e.g. `PyGithub/PyGithub`.
    public var fullName: String
    public var stars: Int
    public var archived: Bool
    public var disabled: Bool
    public var description: String?
    public var pushedAt: String
    public var licenseSPDX: String?

    public init(
        id: Int, fullName: String, stars: Int, archived: Bool = false, disabled: Bool = false,
        description: String? = "A repository.", pushedAt: String = "2024-01-19T20:38:15Z", licenseSPDX: String? = "MIT"
    ) {
        self.id = id
        self.fullName = fullName
        self.stars = stars
        self.archived = archived
        self.disabled = disabled
        self.description = description
        self.pushedAt = pushedAt
        self.licenseSPDX = licenseSPDX
    }
}
