import Foundation
import Testing

@testable import CuratorCore

@Suite struct ArxivIDTests {
    /// Text as people and links write an id, with the base and version it names; nil for text
    /// that names no arXiv paper.
    @Test(
        arguments: [
            ("2409.13652", "2409.13652", nil),
            ("2409.13652v2", "2409.13652", 2),
            ("0704.0001", "0704.0001", nil),
            ("0704.0001v1", "0704.0001", 1),
            ("0808.05394", "0808.05394", nil),
            ("hep-th/9901001", "hep-th/9901001", nil),
            ("hep-th/9901001v2", "hep-th/9901001", 2),
            ("math.GT/0309136", "math.GT/0309136", nil),
            ("math.GT/0309136v1", "math.GT/0309136", 1),
            ("arXiv:2409.13652", "2409.13652", nil),
            ("ARXIV:2409.13652v3", "2409.13652", 3),
            ("arxiv:hep-th/9901001", "hep-th/9901001", nil),
            ("  2409.13652 \n", "2409.13652", nil),
            ("https://arxiv.org/abs/2409.13652", "2409.13652", nil),
            ("http://arxiv.org/abs/2409.13652v3", "2409.13652", 3),
            ("https://arxiv.org/pdf/2409.13652.pdf", "2409.13652", nil),
            ("https://arxiv.org/pdf/2409.13652v2", "2409.13652", 2),
            ("https://arxiv.org/pdf/2409.13652v2.pdf", "2409.13652", 2),
            ("https://arxiv.org/html/2409.13652v1", "2409.13652", 1),
            ("http://arxiv.org/html/2409.13652v2/", "2409.13652", 2),
            ("https://export.arxiv.org/abs/0704.0001", "0704.0001", nil),
            ("https://www.arxiv.org/abs/2409.13652", "2409.13652", nil),
            ("HTTPS://ArXiv.org/abs/2409.13652", "2409.13652", nil),
            ("https://arxiv.org//abs/2409.13652", "2409.13652", nil),
            ("https://arxiv.org/abs/math.GT/0309136", "math.GT/0309136", nil),
            ("https://arxiv.org/abs/hep-th/9901001.pdf", "hep-th/9901001", nil),
            ("https://arxiv.org/abs/2409.13652?context=cs", "2409.13652", nil),
            ("https://arxiv.org/abs/2409.13652#x", "2409.13652", nil),
            ("https://arxiv.org/abs/2409.13652?q=é", "2409.13652", nil),
            ("arxiv.org/abs/2409.13652", "2409.13652", nil),
            ("", nil, nil),
            ("abc", nil, nil),
            ("v2", nil, nil),
            ("1234.1234", nil, nil),
            ("2413.00001", nil, nil),
            ("0305100v2", nil, nil),
            ("2409.136", nil, nil),
            ("2409.136522", nil, nil),
            ("24091.3652", nil, nil),
            ("2409.13652mini", nil, nil),
            ("2409.13652v", nil, nil),
            ("2409.13652vx", nil, nil),
            ("2409.13652V2", nil, nil),
            ("2409.13652v1v2", nil, nil),
            ("2409.13652v99999999999999999999", nil, nil),
            ("12/3456789", nil, nil),
            ("HEP-TH/9901001", nil, nil),
            ("hep-th/990100a", nil, nil),
            ("hep-th/99010011", nil, nil),
            ("hep-th//9901001", nil, nil),
            ("a/b/1234567", nil, nil),
            ("math./0309136", nil, nil),
            ("https://example.com/abs/2409.13652", nil, nil),
            ("https://arxiv.org.evil.com/abs/2409.13652", nil, nil),
            ("https://arxiv.org/list/cs.CL", nil, nil),
            ("https://arxiv.org/abs/12/3456789", nil, nil),
            ("https://arxiv.org/abs/", nil, nil),
            ("https://arxiv.org/abs", nil, nil),
            ("https://arxiv.org/ABS/2409.13652", nil, nil),
            ("https://arxiv.org/abs/2409.13652é", nil, nil),
            ("https://arxiv.org/abs/2409.13652//", nil, nil),
        ] as [(String, String?, Int?)])
    func readsEachFormItAccepts(text: String, base: String?, version: Int?) {
        let id = ArxivID(text)
        #expect(id?.base == base)
        #expect(id?.version == version)
        // A link names the same paper through `init(url:)`, which reads nothing else.
        let isLink = text.contains("://")
        #expect(ArxivID(url: text)?.base == (isLink ? base : nil))
    }

    /// arXiv paper page links, their view, host and scheme, and the id they name: nil for a
    /// broken link, which still points at arXiv.
    @Test(
        arguments: [
            ("https://arxiv.org/abs/2409.13652", .abstract, "arxiv.org", "https", "2409.13652"),
            ("http://www.arxiv.org/pdf/2409.13652v2.pdf", .pdf, "www.arxiv.org", "http", "2409.13652v2"),
            ("HTTPS://Export.ArXiv.org/html/2409.13652v1/", .html, "export.arxiv.org", "https", "2409.13652v1"),
            ("ftp://arxiv.org/abs/2409.13652", .abstract, "arxiv.org", "ftp", "2409.13652"),
            ("https://arxiv.org/abs/12/3456789", .abstract, "arxiv.org", "https", nil),
            ("https://arxiv.org/abs/2407.11681mini", .abstract, "arxiv.org", "https", nil),
            ("https://arxiv.org/pdf/", .pdf, "arxiv.org", "https", nil),
            ("https://arxiv.org/ABS/2409.13652", .abstract, "arxiv.org", "https", nil),
            ("https://arxiv.org/html/2401.00001v1/x1.png", .html, "arxiv.org", "https", nil),
        ] as [(String, ArxivID.Link.View, String, String, String?)])
    func readsPaperLinks(url: String, view: ArxivID.Link.View, host: String, scheme: String, id: String?) throws {
        let link = try #require(ArxivID.Link(url: url))
        #expect(link.view == view)
        #expect(link.host == host)
        #expect(link.scheme == scheme)
        #expect(link.id?.description == id)
    }

    @Test(arguments: [
        "https://arxiv.org/list/cs.CL", "https://arxiv.org/pdf", "https://arxiv.org", "arxiv.org/abs/2409.13652",
        "https://example.com/abs/2409.13652", "://arxiv.org/abs/2409.13652", "2409.13652",
    ])
    func otherURLsAreNoPaperLinks(url: String) {
        #expect(ArxivID.Link(url: url) == nil)
    }

    @Test func versionsAreTheSamePaper() throws {
        let first = try #require(ArxivID("2409.13652v1"))
        let second = try #require(ArxivID("https://arxiv.org/abs/2409.13652v2"))
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        #expect(first.unversioned.description == "2409.13652")
        #expect(second.description == "2409.13652v2")
        #expect(second.abstractURL == "https://arxiv.org/abs/2409.13652")
    }

    @Test func codesAsTheTextItWasWrittenWith() throws {
        let ids = [ArxivID("2409.13652v2")!, ArxivID("hep-th/9901001")!]
        let data = try JSONEncoder().encode(ids)
        #expect(String(decoding: data, as: UTF8.self) == #"["2409.13652v2","hep-th\/9901001"]"#)
        let decoded = try JSONDecoder().decode([ArxivID].self, from: data)
        #expect(decoded.map(\.description) == ["2409.13652v2", "hep-th/9901001"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ArxivID].self, from: Data(#"["x"]"#.utf8)) }
    }
}
