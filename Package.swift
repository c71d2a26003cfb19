// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "curator",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "curator", targets: ["curator"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
    ],
    targets: [
        // cmark-gfm, the parser GitHub renders markdown with (Debian: libcmark-gfm-dev and
        // libcmark-gfm-extensions-dev). Only its headers come from here; CuratorCore links it.
        .systemLibrary(name: "CCmark"),
        // Wrappers that load libcurl with dlopen on first use, so that offline commands never map
        // it, plus the non-variadic shims Swift needs for curl_easy_setopt and friends. Only the
        // headers are needed to build (Debian: libcurl4-openssl-dev); dlopen is part of glibc 2.34+.
        .target(name: "CCurl"),
        // libxml2's SAX2 parser, opened with dlopen when the first arXiv feed arrives instead of
        // linked, so that start-up does not load libxml2 and ICU; its prototypes are declared in
        // the shim, so building needs no libxml2 headers.
        .target(name: "CXML"),
        // Turns rules/*.yml into Swift string literals so the binary needs no checkout.
        .executableTarget(name: "EmbedRulesetsTool", dependencies: [.product(name: "Yams", package: "Yams")]),
        .plugin(
            name: "EmbedRulesets",
            capability: .buildTool(),
            dependencies: ["EmbedRulesetsTool"]
        ),
        .target(
            name: "CuratorHTTP",
            dependencies: ["CCurl"]
        ),
        .target(
            name: "CuratorCore",
            dependencies: ["CCmark", .product(name: "Yams", package: "Yams")],
            linkerSettings: [
                // On Linux, cmark-gfm's static archives (the Debian -dev packages ship them, built
                // position-independent) go into the binary: it then needs no cmark-gfm library at
                // run time, and start-up does not load and bind two more shared libraries, about
                // a millisecond of every lint (bench/lint). `-l:NAME` is the linker's syntax for
                // a library file by its exact name; extensions come first, as they use the core.
                .linkedLibrary(":libcmark-gfm-extensions.a", .when(platforms: [.linux])),
                .linkedLibrary(":libcmark-gfm.a", .when(platforms: [.linux])),
                .linkedLibrary("cmark-gfm-extensions", .when(platforms: [.macOS])),
                .linkedLibrary("cmark-gfm", .when(platforms: [.macOS])),
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
            dependencies: ["CuratorCore", "CuratorHTTP", "CXML"]
        ),
        .executableTarget(
            name: "curator",
            dependencies: [
                "CuratorCore", "CuratorRules", "CuratorReporters", "CuratorSources", "CuratorHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Loopback servers and API doubles shared by the network tests; never linked into curator.
        .target(
            name: "CuratorTestSupport",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .testTarget(name: "CuratorCoreTests", dependencies: ["CuratorCore", "CuratorTestSupport"]),
        .testTarget(name: "CuratorRulesTests", dependencies: ["CuratorRules", "CuratorCore", "CuratorTestSupport"]),
        .testTarget(name: "CuratorReportersTests", dependencies: ["CuratorReporters", "CuratorCore"]),
        .testTarget(name: "CuratorHTTPTests", dependencies: ["CuratorHTTP", "CuratorTestSupport"]),
        .testTarget(
            name: "CuratorSourcesTests",
            dependencies: ["CuratorSources", "CuratorHTTP", "CuratorCore", "CuratorTestSupport"]
        ),
        .testTarget(name: "curatorTests", dependencies: ["curator", "CuratorCore", "CuratorTestSupport"]),
    ]
)
