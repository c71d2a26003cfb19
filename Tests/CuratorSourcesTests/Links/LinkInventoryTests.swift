import CuratorCore
import CuratorSources
import Testing

@Suite struct LinkInventoryTests {
    @Test func linksAreDeduplicatedAndClassified() throws {
        let workspace = try paperWorkspace([
            row(
                "https://arxiv.org/abs/2401.00001",
                "[Github](https://github.com/a/b) <br> [Paper](https://arxiv.org/pdf/2401.00001v2)",
                badges:
                    "[![Star](https://img.shields.io/github/stars/a/b.svg?style=social&label=Star)](https://github.com/a/b)[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]()<br>"
            ),
            row("https://arxiv.org/abs/2401.00001", "[Github](https://github.com/a/b)"),
            row("https://example.org/paper", "[Project](https://github.com/orgs/someone/projects)"),
        ])
        let inventory = LinkInventory(workspace: workspace)
        #expect(inventory.targets["https://github.com/a/b"] == .repository(RepositoryName(owner: "a", name: "b")!))
        #expect(
            inventory.targets["https://img.shields.io/github/stars/a/b.svg?style=social&label=Star"]
                == .repository(RepositoryName(owner: "a", name: "b")!))
        #expect(inventory.targets["https://arxiv.org/abs/2401.00001"] == .paper("2401.00001"))
        #expect(inventory.targets["https://arxiv.org/pdf/2401.00001v2"] == .paper("2401.00001"))
        #expect(inventory.targets["https://example.org/paper"] == .web)
        #expect(inventory.targets["https://github.com/orgs/someone/projects"] == .web)
        // The venue badge's image is static and its link is empty: neither is fetched.
        #expect(!inventory.targets.keys.contains { $0.contains("badge/Conference") })
        #expect(inventory.count == 6)
        #expect(inventory.occurrences == 9)
    }

    @Test func configExcludesAndInlineCommentsKeepLinksOffTheNetwork() throws {
        let workspace = try paperWorkspace(
            [
                row("https://example.org/a", "[Project](https://huggingface.co/x)"),
                row("https://example.org/b") + " <!-- curator-disable-line dead-link -->",
                row("https://example.org/c") + " <!-- curator-disable-line -->",
                row("https://example.org/d") + " <!-- curator-disable-line trailing-space -->",
            ], ruleset: "exclude: ['^https://huggingface\\.co/']\n")
        let inventory = LinkInventory(workspace: workspace)
        #expect(inventory.excluded["https://huggingface.co/x"] == "^https://huggingface\\.co/")
        #expect(inventory.excluded["https://example.org/b"] == LinkInventory.inlinePattern)
        #expect(inventory.excluded["https://example.org/c"] == LinkInventory.inlinePattern)
        #expect(Set(inventory.targets.keys) == ["https://example.org/a", "https://example.org/d"])
    }

    @Test func changedLinesLimitTheLinksToChangedEntries() throws {
        let workspace = try paperWorkspace([row("https://example.org/old"), row("https://example.org/new")])
        let inventory = LinkInventory(workspace: workspace, changedLines: ["pruning.md": [4]])
        #expect(Set(inventory.targets.keys) == ["https://example.org/new"])
    }

    @Test func repositoryURLsAreRewrittenKeepingTheirTail() {
        let target = RepositoryName(owner: "New", name: "repo2")!
        #expect(
            RepositoryName.rewrite("https://github.com/old/repo/tree/main", to: target)
                == "https://github.com/New/repo2/tree/main")
        #expect(
            RepositoryName.rewrite("https://github.com/old/repo.git", to: target)
                == "https://github.com/New/repo2.git")
        #expect(
            RepositoryName.rewrite(
                "https://img.shields.io/github/stars/old/repo.svg?style=social&label=Star", to: target)
                == "https://img.shields.io/github/stars/New/repo2.svg?style=social&label=Star")
        #expect(RepositoryName.rewrite("https://example.org/x", to: target) == nil)
    }
}
