/// The identity every client sends. GitHub refuses requests without a `User-Agent`, and arXiv
/// and Semantic Scholar ask bulk clients to name themselves.
public enum CuratorIdentity {
    public static let version = "0.1.0"
    public static let userAgent = "curator/\(version)"
}
