import Foundation
import Testing

@testable import CuratorSources

@Suite struct ArxivFeedParserTests {
    static let currentFeed = """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
          <id>https://arxiv.org/api/abc</id>
          <title>arXiv Query: search_query=&amp;id_list=hep-th/9901001&amp;start=0&amp;max_results=1</title>
          <updated>2026-05-11T23:51:23Z</updated>
          <link href="https://arxiv.org/api/query?search_query=&amp;start=0&amp;max_results=1&amp;id_list=hep-th/9901001" type="application/atom+xml"/>
          <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
          <opensearch:totalResults>1</opensearch:totalResults>
          <opensearch:startIndex>0</opensearch:startIndex>
          <entry>
            <id>http://arxiv.org/abs/hep-th/9901001v3</id>
            <title>Branes &amp; Bubbles</title>
            <updated>1999-03-02T10:00:00Z</updated>
            <link href="https://arxiv.org/abs/hep-th/9901001v3" rel="alternate" type="text/html"/>
            <link href="https://arxiv.org/pdf/hep-th/9901001v3" rel="related" type="application/pdf" title="pdf"/>
            <summary>  Two leading spaces, then the abstract.</summary>
            <category term="hep-th" scheme="http://arxiv.org/schemas/atom"/>
            <category term="gr-qc" scheme="http://arxiv.org/schemas/atom"/>
            <published>1999-01-04T12:00:00Z</published>
            <arxiv:comment>21 pages</arxiv:comment>
            <arxiv:primary_category term="hep-th"/>
            <arxiv:journal_ref>Nucl.Phys. B550 (1999) 1-20</arxiv:journal_ref>
            <author>
              <name>Łukasz Brane</name>
              <arxiv:affiliation>IAS</arxiv:affiliation>
              <arxiv:affiliation>CERN</arxiv:affiliation>
            </author>
            <author>
              <name>Mia Bubble</name>
            </author>
            <arxiv:doi>10.1000/branes.1</arxiv:doi>
            <link rel="related" href="https://doi.org/10.1000/branes.1" title="doi"/>
          </entry>
        </feed>
        """

    static let legacyFeed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D1501.00001%26start%3D0%26max_results%3D10" rel="self" type="application/atom+xml"/>
          <title type="html">ArXiv Query: search_query=&amp;id_list=1501.00001&amp;start=0&amp;max_results=10</title>
          <id>http://arxiv.org/api/xyz</id>
          <updated>2016-10-09T00:00:00-04:00</updated>
          <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
          <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
          <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">10</opensearch:itemsPerPage>
          <entry>
            <id>http://arxiv.org/abs/1501.00001v2</id>
            <updated>2015-02-01T08:00:00-04:00</updated>
            <published>2015-01-01T02:22:45Z</published>
            <title>A Title Long Enough That the Old Backend Wrapped It Onto
          a Second Line</title>
            <summary>  The abstract was wrapped
        at eighty columns by the old backend.
        </summary>
            <author>
              <name>Kim Legacy</name>
              <arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">Old Lab</arxiv:affiliation>
            </author>
            <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1000/legacy.2</arxiv:doi>
            <link title="doi" href="http://dx.doi.org/10.1000/legacy.2" rel="related"/>
            <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">8 pages; NeurIPS 2015 workshop</arxiv:comment>
            <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">J. Old. Res. 1, 2 (2015)</arxiv:journal_ref>
            <link href="http://arxiv.org/abs/1501.00001v2" rel="alternate" type="text/html"/>
            <link title="pdf" href="http://arxiv.org/pdf/1501.00001v2" rel="related" type="application/pdf"/>
            <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
            <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
            <category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
          </entry>
        </feed>
        """

    @Test func readsTheCurrentFormat() throws {
        let feed = try ArxivFeedParser.parse(Array(Self.currentFeed.utf8))
        #expect(feed.totalResults == 1)
        let paper = try #require(feed.papers.first)
        #expect(paper.id.base == "hep-th/9901001")
        #expect(paper.id.version == 3)
        #expect(paper.title == "Branes & Bubbles")
        #expect(paper.summary == "Two leading spaces, then the abstract.")
        #expect(
            paper.authors == [
                ArxivAuthor(name: "Łukasz Brane", affiliations: ["IAS", "CERN"]), ArxivAuthor(name: "Mia Bubble"),
            ])
        #expect(paper.comment == "21 pages")
        #expect(paper.journalRef == "Nucl.Phys. B550 (1999) 1-20")
        #expect(paper.doi == "10.1000/branes.1")
        #expect(paper.primaryCategory == "hep-th")
        #expect(paper.categories == ["hep-th", "gr-qc"])
        #expect(paper.published == Date(timeIntervalSince1970: 915_451_200))
        #expect(!paper.isWithdrawn)
    }

    @Test func readsTheLegacyFormatWithPerElementNamespacesAndWrappedText() throws {
        let feed = try ArxivFeedParser.parse(Array(Self.legacyFeed.utf8))
        let paper = try #require(feed.papers.first)
        #expect(paper.id.description == "1501.00001v2")
        #expect(paper.title == "A Title Long Enough That the Old Backend Wrapped It Onto a Second Line")
        #expect(paper.summary == "The abstract was wrapped at eighty columns by the old backend.")
        #expect(paper.authors == [ArxivAuthor(name: "Kim Legacy", affiliations: ["Old Lab"])])
        #expect(paper.doi == "10.1000/legacy.2")
        #expect(paper.comment == "8 pages; NeurIPS 2015 workshop")
        #expect(paper.primaryCategory == "cs.LG")
        #expect(paper.categories == ["cs.LG", "stat.ML"])
        // 08:00 at UTC-4 is 12:00 UTC.
        #expect(paper.updated == Date(timeIntervalSince1970: 1_422_792_000))
    }

    @Test func readsTheErrorFeedAndNamesTheOffendingID() throws {
        let body = """
            <?xml version='1.0' encoding='UTF-8'?>
            <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
              <id>https://arxiv.org/</id>
              <title>arXiv Search Results</title>
              <opensearch:totalResults>1</opensearch:totalResults>
              <entry>
                <id>https://arxiv.org/api/errors#incorrect_id_format_for_1234.1234</id>
                <title>Error</title>
                <summary>incorrect id format for 1234.1234</summary>
                <author><name>arXiv api core</name></author>
              </entry>
            </feed>
            """
        let feed = try ArxivFeedParser.parse(Array(body.utf8))
        #expect(feed.papers.isEmpty)
        #expect(feed.errors == [ArxivFeedError(message: "incorrect id format for 1234.1234")])
        #expect(feed.errors.first?.offendingID == "1234.1234")
    }

    @Test func rejectsABodyThatIsNotAFeed() {
        #expect(throws: ArxivFeedParseError.self) { try ArxivFeedParser.parse(Array("Rate exceeded.".utf8)) }
    }

    /// A feed of one entry with the given elements, optionally after a DOCTYPE.
    private static func entryFeed(_ elements: String, doctype: String = "") -> [UInt8] {
        let feed = """
            <?xml version='1.0' encoding='UTF-8'?>\(doctype)
            <feed xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
              <entry>
                <id>http://arxiv.org/abs/2401.00001v1</id>
                \(elements)
              </entry>
            </feed>
            """
        return Array(feed.utf8)
    }

    /// Why the body was refused, for a body that is no feed or broken XML.
    private static func notAFeedReason(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ArxivFeedParser.parse(bytes)
            return nil
        } catch {
            switch error {
            case .notAFeed(let reason), .malformed(let reason): return reason
            }
        }
    }

    /// A feed cut short (HTTP 200, the connection closed early) is a failed request: the entries
    /// it lost must never read as papers arXiv does not have.
    @Test(arguments: [
        "</entry>", "<title>Branes", "<opensearch:totalResults",
    ])
    func aTruncatedFeedIsMalformed(cutBefore marker: String) throws {
        let text = Self.currentFeed
        let cut = try #require(text.range(of: marker, options: .backwards)?.lowerBound)
        do {
            let feed = try ArxivFeedParser.parse(Array(text[..<cut].utf8))
            Issue.record("a feed cut before \(marker) was read, with \(feed.papers.count) papers")
        } catch {
            guard case .malformed = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
        }
    }

    @Test func decodesReferencesAndCDATAInTextAndAttributes() throws {
        let feed = try ArxivFeedParser.parse(
            Self.entryFeed(
                """
                <title>&#x141;ukasz &amp; <![CDATA[<Bubbles> & Co]]></title>
                <category term="a&amp;b&#x41;"/>
                <link title="doi" href="https://doi.org/10.1000/x&amp;y"/>
                """))
        let paper = try #require(feed.papers.first)
        #expect(paper.title == "Łukasz & <Bubbles> & Co")
        #expect(paper.categories == ["a&bA"])
        #expect(paper.doi == "10.1000/x&y")
    }

    @Test func keepsOnlyTheTextAfterAnElementsLastChildElement() throws {
        let feed = try ArxivFeedParser.parse(Self.entryFeed("<title>Lost <b>bold</b> kept<!-- c --> too</title>"))
        #expect(feed.papers.first?.title == "kept too")
    }

    /// A feed with anything after it, or one cut off before its end, is not read at all: a
    /// truncated answer must not pass for a feed with fewer papers.
    @Test func rejectsContentAfterTheFeedAndATruncatedFeed() throws {
        let trailing = Self.notAFeedReason(Array((Self.currentFeed + "\n<html>trailing</html>").utf8))
        #expect(trailing?.contains("junk after document element") == true)
        let bytes = Array(Self.currentFeed.utf8)
        for length in [bytes.count / 2, bytes.count - 8] {
            let reason = Self.notAFeedReason(Array(bytes.prefix(length)))
            #expect(reason?.hasPrefix("line ") == true, "cut at \(length): \(reason ?? "read")")
        }
    }

    @Test func rejectsAFeedThatIsNotWellFormed() {
        let undefined = Self.notAFeedReason(Self.entryFeed("<title>A&nbsp;B</title>"))
        #expect(undefined?.hasPrefix("line 5: undefined entity") == true)
        let mismatched = Self.notAFeedReason(Self.entryFeed("<title>A</summary>"))
        #expect(mismatched?.hasPrefix("line 5: mismatched tag") == true)
        #expect(Self.notAFeedReason(Array("<html><body>Rate exceeded.</body></html>".utf8)) == "no <feed> element")
    }

    /// A document type declaration is refused, so no entity the document declares is expanded:
    /// neither a file on disk nor an exponential expansion can get in.
    @Test(arguments: [
        "<!ENTITY x SYSTEM \"file:///etc/hostname\">",
        "<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\"><!ENTITY x \"&b;&b;&b;&b;\">",
        "",
    ])
    func refusesADocumentTypeDeclaration(declaration: String) {
        let body = Self.entryFeed("<title>A &x; B</title>", doctype: "\n<!DOCTYPE feed [\(declaration)]>")
        #expect(Self.notAFeedReason(body)?.hasPrefix("line 2: a document type declaration is not accepted") == true)
    }
}
