internal import CCurl

/// Why no `CurlEngine` could be made. libcurl is loaded when the first engine is made rather than
/// when the process starts, so that commands without network pay nothing for it; the price is
/// that a missing or broken libcurl shows up here, as an error the command can report, instead of
/// as a loader error before `main`.
public enum LibcurlUnavailable: Error, Sendable, Hashable, CustomStringConvertible {
    /// `dlopen` could not load the library, or it lacks a function the engine calls; carries the
    /// loader's explanation.
    case notLoadable(reason: String)
    /// `curl_global_init` failed with this CURLcode.
    case globalInitFailed(curlCode: Int)
    /// `curl_multi_init` returned no handle.
    case multiInitFailed

    /// The soname the engine loads.
    public static let library = CCURL_LIBRARY

    /// What to install, in Debian's terms, since that is what curator is built and run on.
    public static let remedy = "install the Debian package libcurl4 (or libcurl4-openssl-dev)"

    public var description: String {
        switch self {
        case .notLoadable(let reason):
            "cannot load \(Self.library), which curator needs for the network (\(reason)); \(Self.remedy)"
        case .globalInitFailed(let code):
            "\(Self.library) was loaded but curl_global_init failed with code \(code); \(Self.remedy)"
        case .multiInitFailed:
            "\(Self.library) was loaded but could not create a multi handle; \(Self.remedy)"
        }
    }
}
