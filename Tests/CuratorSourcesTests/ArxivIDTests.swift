import Testing

@testable import CuratorSources

@Suite struct ArxivIDTests {
    @Test(
        arguments: [
            ("2409.13652", "2409.13652", nil),
            ("2409.13652v2", "2409.13652", 2),
            ("https://arxiv.org/abs/2409.13652", "2409.13652", nil),
            ("https://arxiv.org/abs/2409.13652v3", "2409.13652", 3),
            ("https://arxiv.org/pdf/2409.13652.pdf", "2409.13652", nil),
            ("https://arxiv.org/pdf/2409.13652v1", "2409.13652", 1),
            ("http://arxiv.org/html/2409.13652v2/", "2409.13652", 2),
            ("https://export.arxiv.org/abs/0704.0001", "0704.0001", nil),
            ("hep-th/9901001", "hep-th/9901001", nil),
            ("hep-th/9901001v2", "hep-th/9901001", 2),
            ("https://arxiv.org/abs/math.GT/0309136", "math.GT/0309136", nil),
            ("  2409.13652 ", "2409.13652", nil),
        ] as [(String, String, Int?)])
    func parsesAndNormalizes(text: String, base: String, version: Int?) throws {
        let id = try #require(ArxivID(text))
        #expect(id.base == base)
        #expect(id.version == version)
        #expect(id.unversioned.description == base)
    }

    @Test(arguments: [
        "abc", "1234.1234", "0305100v2", "https://example.com/abs/2409.13652", "2409.136",
        "https://arxiv.org/list/cs.CL",
    ])
    func rejectsMalformed(text: String) {
        #expect(ArxivID(text) == nil)
    }

    @Test func versionsAreTheSamePaper() {
        #expect(ArxivID("2409.13652v1") == ArxivID("2409.13652v2"))
    }
}
