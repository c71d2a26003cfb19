import Testing

@testable import CuratorCore

/// `ArxivReference(url:)` reads ASCII URLs from their bytes; the general, character-based reading
/// is the reference, on every short combination of the pieces arXiv URLs are made of.
@Suite struct ArxivReferenceTests {
    static let schemes = ["https://", "http://", "HTTPS://", "", "ftp://"]
    static let hosts = [
        "arxiv.org", "www.arxiv.org", "export.arxiv.org", "ArXiv.org", "arxiv.org.evil.com", "github.com",
    ]
    static let paths = [
        "/abs/2409.13652", "/abs/2409.13652v2", "/pdf/2409.13652.pdf", "/pdf/2409.13652v3.pdf", "/html/2409.13652v1",
        "//abs/2409.13652", "/abs//2409.13652", "/abs/", "/abs", "", "/", "/abs/hep-th/9901001",
        "/abs/hep-th/9901001v2",
        "/list/2409.13652", "/abs/2409.1365", "/abs/2409.136522", "/abs/2409.13652/", "/abs/2409.13652?context=cs",
        "/abs/2409.13652#x", "/abs/math.GT/0309136", "/abs/v2", "/abs/2409.13652vx", "/pdf/2409.13652.pdf.pdf",
        "/abs/2409.13652v", "/ABS/2409.13652", "/abs/2409.13652v+3", "/abs/2409.13652v-1", "/abs/hep-th//9901001",
        "/abs/a/b/1234567", "/abs/2409.13652v99999999999999999999", "/abs/2409.13652v2/", "/pdf/2409.13652v2.pdf/",
        "/abs/hep-th/990100a", "/abs/2409.13652V2", "/abs/2409.13652v1v2", "/abs/2409.13652.pdf/", "/abs/.pdf",
        "/abs/1234.5678", "/abs/12345.6789", "/abs/hep-th/9901001.pdf",
    ]

    @Test func asciiReadingMatchesTheGeneralOne() {
        for scheme in Self.schemes {
            for host in Self.hosts {
                for path in Self.paths {
                    let url = scheme + host + path
                    let fast = ArxivReference(url: url)
                    let general = ArxivReference(general: url)
                    #expect(fast == general, "\(url)")
                }
            }
        }
    }

    @Test func nonASCIIURLsTakeTheGeneralPath() {
        #expect(ArxivReference(url: "https://arxiv.org/abs/2409.13652é") == nil)
        #expect(ArxivReference(url: "https://arxiv.org/abs/2409.13652?q=é")?.id == "2409.13652")
    }
}
