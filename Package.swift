// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Whether GCC's static C++ library is in the folder of the newest GCC, the one clang links
/// with. Where it is, a release build links it instead of libstdc++.so (see `curator`).
let hasStaticLibstdcxx: Bool = {
    let files = FileManager.default
    let root = "/usr/lib/gcc"
    for triple in (try? files.contentsOfDirectory(atPath: root)) ?? [] {
        let versions = ((try? files.contentsOfDirectory(atPath: "\(root)/\(triple)")) ?? [])
            .filter { files.fileExists(atPath: "\(root)/\(triple)/\($0)/crtbegin.o") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        if let newest = versions.last, files.fileExists(atPath: "\(root)/\(triple)/\(newest)/libstdc++.a") {
            return true
        }
    }
    return false
}()

let package = Package(
    name: "curator",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "curator", targets: ["curator"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // cmark-gfm, the parser GitHub renders markdown with (Debian: libcmark-gfm-dev and
        // libcmark-gfm-extensions-dev). Only its headers come from here; CuratorCore links it.
        .systemLibrary(name: "CCmark"),
        // Wrappers that load libcurl with dlopen on first use, so that offline commands never map
        // it, plus the non-variadic shims Swift needs for curl_easy_setopt and friends. Only the
        // headers are needed to build (Debian: libcurl4-openssl-dev); dlopen is part of glibc 2.34+.
        .target(name: "CCurl"),
        // mallopt, which the C library's Swift module does not export.
        .target(name: "CAllocator"),
        // A per-thread arena allocator for cmark-gfm's parser (see GFMParser.parse).
        .target(name: "CCmarkArena"),
        // libxml2's SAX2 parser, opened with dlopen when the first arXiv feed arrives instead of
        // linked, so that start-up does not load libxml2 and ICU; its prototypes are declared in
        // the shim, so building needs no libxml2 headers.
        .target(name: "CXML"),
        // Processor placement for the worker threads (sched_setaffinity on Linux).
        .target(name: "CThreads"),
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
            dependencies: ["CCmark", "CCmarkArena", "CAllocator", "CThreads", .product(name: "Yams", package: "Yams")],
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
                "CuratorCore", "CuratorRules", "CuratorReporters", "CuratorSources", "CuratorHTTP", "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["StaticLibstdcxx"],
            linkerSettings: [
                // The release binary is linked at a fixed address. A position-independent one
                // has about 80,000 pointers (type metadata, witness tables) that the loader
                // rewrites at every start, page by page, before `main`: about a millisecond of
                // each lint, a pre-commit hook's most common run (bench/lint, README). Release
                // only: a debug build linked against the shared Swift runtime this way makes the
                // loader warn about its protected symbols on every run (the tests caught it).
                .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release)),
                // The Swift runtime's C++ library is linked statically where GCC ships it: the
                // linker finds the script in StaticLibstdcxx before libstdc++.so. Loading and
                // binding libstdc++.so took about a millisecond of each start (a one-file lint
                // went from 6.2 to 5.0 ms). libm and libgcc_s stay shared: together they cost
                // a tenth of that.
                .unsafeFlags(
                    hasStaticLibstdcxx ? ["-L\(Context.packageDirectory)/Sources/curator/StaticLibstdcxx"] : [],
                    .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // Loopback servers and API doubles shared by the network tests; never linked into curator.
        .target(
            name: "CuratorTestSupport",
            dependencies: ["CuratorHTTP"]
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
