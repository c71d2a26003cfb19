import Foundation
import Testing

/// The inline switches silence exactly the rules and places they name.
struct SuppressionTests {
    @Test func switchesSilenceWhatTheyName() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = """
            <!-- curator-disable-file trailing-space -->
            | Title & Authors | Introduction | Links |
            |:--|:--:|:--:|
            | [A](https://arxiv.org/abs/2401.00001) <br> X | | |\("   ")
            | [A](https://arxiv.org/abs/2401.00001) <br> X | | | <!-- curator-disable-line duplicate-paper -->
            | [C](https://arxiv.org/abs/2401.00005) <br> X | | |
            | [C](https://arxiv.org/abs/2401.00005) <br> X | | |

            """
        let bullets = """
            <!-- curator-disable-next-line arxiv-link -->
            * [B](https://arxiv.org/pdf/2401.00002). Y.
            * [D](https://arxiv.org/pdf/2401.00003). Y.

            """
        try table.write(to: directory.appendingPathComponent("pruning.md"), atomically: true, encoding: .utf8)
        try bullets.write(to: directory.appendingPathComponent("hardware.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", "--offline", "--format", "json", "."], in: directory)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = (object?["findings"] as? [[String: Any]] ?? []).map {
            "\($0["file"] ?? ""):\($0["line"] ?? 0) \($0["rule"] ?? "")"
        }
        #expect(findings == ["hardware.md:3 arxiv-link", "pruning.md:7 duplicate-paper"])
    }
}
