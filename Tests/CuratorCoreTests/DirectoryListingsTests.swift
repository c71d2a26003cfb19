import Foundation
import Testing

@testable import CuratorCore

@Suite struct DirectoryListingsTests {
    /// The listing must answer exactly as asking the file system about each path would.
    @Test func agreesWithTheFileSystem() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("listings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("figures/nested"), withIntermediateDirectories: true)
        for file in ["top.png", "figures/a.png", "figures/nested/b.jpg", "figures/with space.png"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        let listings = DirectoryListings(root: root)
        let paths = [
            "top.png", "figures/a.png", "figures/nested/b.jpg", "figures/with space.png", "figures",
            "figures/nested", "figures/A.png", "figures/missing.png", "missing/a.png", "figures/a.png/x",
            "./figures/a.png", "figures/../top.png", "figures//a.png", "figures/nested/../a.png", "",
        ]
        for path in paths {
            let expected = FileManager.default.fileExists(atPath: root.path + "/" + path)
            #expect(listings.exists(path) == expected, "\(path)")
        }
        // Asked twice, the cached listing answers the same.
        #expect(listings.exists("figures/a.png"))
        #expect(!listings.exists("figures/missing.png"))
    }
}
