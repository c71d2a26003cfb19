/// How curator names itself to the servers it talks to.
public enum CuratorIdentity {
    /// curator's version; the User-Agent carries it so that a server operator who sees
    /// unusual traffic can tell which release sent it.
    public static let version = "0.1.0"

    /// The User-Agent sent with every request unless the request sets its own.
    public static let userAgent = "curator/\(version) (paper-list linter; libcurl)"
}
