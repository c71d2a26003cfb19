import Foundation
import Testing

@testable import CuratorCore

@Suite struct RepositoryNameTests {
    enum Form: Sendable { case text, url, starBadge }

    /// What each reader accepts, with the name it reads as spelled; nil for what it rejects.
    @Test(
        arguments: [
            (Form.url, "https://github.com/Owner/Repo", "Owner/Repo"),
            (.url, "http://github.com/o/r", "o/r"),
            (.url, "https://www.github.com/o/r", "o/r"),
            (.url, "HTTPS://GitHub.com/o/r", "o/r"),
            (.url, "https://github.com/o/r.git", "o/r"),
            (.url, "https://github.com/o/r/", "o/r"),
            (.url, "https://github.com/o/r/tree/main/x", "o/r"),
            (.url, "https://github.com/o/r?tab=readme", "o/r"),
            (.url, "https://github.com/o/r#readme", "o/r"),
            (.url, "https://github.com/o-1/r_2.x", "o-1/r_2.x"),
            (.url, "https://github.com/o", nil),
            (.url, "https://github.com/o/", nil),
            (.url, "https://github.com//r", nil),
            (.url, "https://github.com/o/.git", nil),
            (.url, "https://github.com/o/..", nil),
            (.url, "https://github.com/o/r%20x", nil),
            (.url, "https://github.com/ö/r", nil),
            (.url, "https://github.com/o/" + String(repeating: "r", count: 101), nil),
            (.url, "https://gitlab.com/o/r", nil),
            (.url, "https://github.com.evil.com/o/r", nil),
            (.url, "github.com/o/r", nil),
            (.url, "o/r", nil),
            (.text, "Owner/Repo", "Owner/Repo"),
            (.text, "o/r.git", "o/r"),
            (.text, "github.com/o/r", "o/r"),
            (.text, "https://github.com/o/r/tree/main", "o/r"),
            (.text, "o", nil),
            (.text, "/r", nil),
            (.text, "o/", nil),
            (.text, "https://example.com/o/r", nil),
            (.starBadge, "https://img.shields.io/github/stars/Owner/Repo.svg?style=social&label=Star", "Owner/Repo"),
            (.starBadge, "https://img.shields.io/github/stars/o/r?style=social", "o/r"),
            (.starBadge, "https://img.shields.io/github/stars/o/r", "o/r"),
            (.starBadge, "https://img.shields.io/github/stars/KVQuant/.svg?style=social&label=Star", nil),
            (.starBadge, "https://img.shields.io/github/stars/o", nil),
            (.starBadge, "https://img.shields.io/badge/o/r.svg", nil),
        ] as [(Form, String, String?)])
    func readsEachFormItAccepts(form: Form, text: String, expected: String?) {
        let name: RepositoryName? =
            switch form {
            case .text: RepositoryName(text)
            case .url: RepositoryName(url: text)
            case .starBadge: RepositoryName(starBadgeURL: text)
            }
        #expect(name?.description == expected)
    }

    @Test func comparesWithoutCaseAndKeepsTheSpelling() throws {
        let written = try #require(RepositoryName(url: "https://github.com/NVlabs/MaskLLM"))
        let lowered = try #require(RepositoryName("nvlabs/maskllm"))
        #expect(written == lowered)
        #expect(written.key == "nvlabs/maskllm")
        #expect([written: 1][lowered] == 1)
        #expect(written.description == "NVlabs/MaskLLM")
        #expect(written.url == "https://github.com/NVlabs/MaskLLM")
        #expect(written != RepositoryName("nvlabs/maskllm2"))
        #expect(RepositoryName(owner: "o", name: "..") == nil)
    }

    @Test func codesAsOwnerSlashName() throws {
        let data = try JSONEncoder().encode([RepositoryName("Owner/Repo")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["Owner\/Repo"]"#)
        #expect(try JSONDecoder().decode([RepositoryName].self, from: data).first?.description == "Owner/Repo")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RepositoryName].self, from: Data(#"["nope"]"#.utf8))
        }
    }
}
