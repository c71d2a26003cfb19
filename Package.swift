// swift-tools-version: 6.0
import PackageDescription

/// Where cmark-gfm's headers are found: on macOS through Homebrew's pkg-config file; on Linux
/// they are in /usr/include (Debian's -dev packages), and pkg-config is not asked, because its
/// flags would link the shared libraries instead of the static archives (see CuratorCore).
#if os(macOS)
    let cmarkPkgConfig: String? = "libcmark-gfm"
#else
    let cmarkPkgConfig: String? = nil
#endif

let package = Package(
    name: "curator",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "curator", targets: ["curator"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // cmark-gfm, the parser GitHub renders markdown with (Debian: libcmark-gfm-dev and
        // libcmark-gfm-extensions-dev; Homebrew: cmark-gfm). CuratorCore links it.
        .systemLibrary(
            name: "CCmark", pkgConfig: cmarkPkgConfig,
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]),
        // Wrappers that load libcurl with dlopen on first use, so that offline commands never map
        // it, plus the non-variadic shims Swift needs for curl_easy_setopt and friends. Only the
        // headers are needed to build (Debian: libcurl4-openssl-dev; macOS: the SDK).
        .target(name: "CCurl"),
        // expat, the XML parser the arXiv feeds are read with (Debian: libexpat1-dev; macOS: the
        // SDK). Its headers are in the compiler's default paths; CuratorSources links it.
        .systemLibrary(name: "CExpat", providers: [.apt(["libexpat1-dev"])]),
        // A mutex for macOS 14 as well (Synchronization's needs macOS 15); Synchronization's on Linux.
        .target(name: "CuratorSync"),
        // Turns rules/*.yml into Swift string literals so the binary needs no checkout.
        .executableTarget(name: "EmbedRulesetsTool", dependencies: [.product(name: "Yams", package: "Yams")]),
        .plugin(
            name: "EmbedRulesets",
            capability: .buildTool(),
            dependencies: ["EmbedRulesetsTool"]
        ),
        .target(
            name: "CuratorHTTP",
            dependencies: ["CCurl", "CuratorSync"]
        ),
        .target(
            name: "CuratorCore",
            dependencies: ["CCmark", "CuratorSync", .product(name: "Yams", package: "Yams")],
            linkerSettings: [
                // On Linux, cmark-gfm's static archives (the Debian -dev packages ship them, built
                // position-independent) go into the binary, so it needs no cmark-gfm library at
                // run time. `-l:NAME` is the linker's syntax for a library file by its exact name;
                // extensions come first, as they use the core.
                .linkedLibrary(":libcmark-gfm-extensions.a", .when(platforms: [.linux])),
                .linkedLibrary(":libcmark-gfm.a", .when(platforms: [.linux])),
                // On macOS, pkg-config's flags link libcmark-gfm; Homebrew's file leaves out the
                // extensions library beside it.
                .linkedLibrary("cmark-gfm-extensions", .when(platforms: [.macOS])),
            ],
            plugins: ["EmbedRulesets"]
        ),
        .target(
            name: "CuratorRules",
            dependencies: ["CuratorCore"]
        ),
        .target(
            name: "CuratorReporters",
            dependencies: ["CuratorCore"]
        ),
        .target(
            name: "CuratorSources",
            dependencies: ["CuratorCore", "CuratorHTTP", "CExpat"],
            linkerSettings: [
                // Linux: Debian's static archive, so that the binary needs no expat at run time.
                .linkedLibrary(":libexpat.a", .when(platforms: [.linux])),
                .linkedLibrary("expat", .when(platforms: [.macOS])),
            ]
        ),
        .executableTarget(
            name: "curator",
            dependencies: [
                "CuratorCore", "CuratorRules", "CuratorReporters", "CuratorSources", "CuratorHTTP", "CuratorSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Loopback servers and API doubles shared by the network tests; never linked into curator.
        .target(
            name: "CuratorTestSupport",
            dependencies: ["CuratorHTTP", "CuratorSync"]
        ),
        .testTarget(name: "CuratorCoreTests", dependencies: ["CuratorCore", "CuratorSync", "CuratorTestSupport"]),
        .testTarget(name: "CuratorRulesTests", dependencies: ["CuratorRules", "CuratorCore", "CuratorTestSupport"]),
        .testTarget(name: "CuratorReportersTests", dependencies: ["CuratorReporters", "CuratorCore"]),
        .testTarget(name: "CuratorHTTPTests", dependencies: ["CuratorHTTP", "CuratorTestSupport"]),
        .testTarget(
            name: "CuratorSourcesTests",
            dependencies: ["CuratorSources", "CuratorHTTP", "CuratorCore", "CuratorTestSupport"]
        ),
        .testTarget(
            name: "curatorTests", dependencies: ["curator", "CuratorCore", "CuratorSync", "CuratorTestSupport"]),
    ]
)
