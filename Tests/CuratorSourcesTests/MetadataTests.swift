import CuratorCore
import Foundation
import Testing

@testable import CuratorSources

@Suite struct MetadataTests {
    private func temporaryRoot() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("curator-metadata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static let paper = ArxivPaper(
        id: ArxivID("2409.13652v2")!, title: "Sparse Heads", authors: [ArxivAuthor(name: "Ana Souza")], summary: "S.",
        published: Date(timeIntervalSince1970: 1_726_848_434), updated: nil,
        comment: "Accepted to ICLR 2025, and NIPS'24 workshop",
        journalRef: "Proceedings of ACL 2024")

    @Test func venueHintsAreFoundInCommentsAndJournalReferences() {
        #expect(
            VenueHints.extract(from: [Self.paper.comment, Self.paper.journalRef]) == [
                "ICLR 2025", "NeurIPS 2024", "ACL 2024",
            ])
        #expect(VenueHints.extract(from: ["Code at github.com/ACLED/x; 12 pages"]) == [])
    }

    @Test func writesSortedStablePrettyJSONAtomicallyAndReadsItBack() throws {
        let root = try temporaryRoot()
        let store = MetadataStore(root: root)
        var file = MetadataFile()
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        file.record(
            FetchOutcome(results: [ArxivID("2409.13652")!: .found(Self.paper), ArxivID("2501.00001")!: .unknown]),
            at: date)
        let info = RepositoryInfo(
            nameWithOwner: RepositoryName("NewOrg/new-name")!, url: "https://github.com/NewOrg/new-name", stars: 7,
            isArchived: false, etag: "W/\"abc\"")
        file.record(
            FetchOutcome(results: [
                RepositoryName("OldOrg/Old-Name")!: .renamed(from: RepositoryName("OldOrg/Old-Name")!, to: info)
            ]), at: date)

        try store.save(file)
        let text = try String(contentsOf: store.url, encoding: .utf8)
        try store.save(file)

        #expect(try String(contentsOf: store.url, encoding: .utf8) == text)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"fetchedAt\" : \"2026-01-01T00:00:00Z\""))
        #expect(text.contains("\"venueHints\" : [\n        \"ICLR 2025\""))
        #expect(text.range(of: "\"2409.13652\"")!.lowerBound < text.range(of: "\"2501.00001\"")!.lowerBound)
        #expect(text.contains("\"oldorg/old-name\""))
        #expect(try store.load() == file)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.url.deletingLastPathComponent().path)
        #expect(leftovers == ["metadata.json"])
        #expect(file.etags[RepositoryName("oldorg/old-name")!] == "W/\"abc\"")
    }

    @Test func aMissingFileIsEmptyAndACorruptOneIsAnErrorNamingIt() throws {
        let root = try temporaryRoot()
        let store = MetadataStore(root: root)
        #expect(try store.load() == MetadataFile())
        try FileManager.default.createDirectory(
            at: store.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"format\": 1, \"papers\": [".utf8).write(to: store.url)

        let error = #expect(throws: MetadataError.self) { try store.load() }

        #expect(error?.kind == .corrupt)
        #expect(error?.description.contains(store.url.path) == true)
    }

    @Test func anInterruptedRefreshKeepsOldRecordsAndResumesWithTheOldest() {
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        let new = Date(timeIntervalSince1970: 1_800_000_000)
        let a = ArxivID("2409.00001")!, b = ArxivID("2409.00002")!, c = ArxivID("2409.00003")!
        var file = MetadataFile()
        file.record(FetchOutcome(results: [a: .found(Self.paper), b: .unknown]), at: old)
        file.record(
            FetchOutcome<ArxivID, CitationLookup>(results: [a: .found(PaperCitations(paperId: "p", citationCount: 40))]
            ), at: old)

        // A later run answers only `a` before stopping; `b` keeps its old record.
        file.record(
            FetchOutcome(results: [a: .found(Self.paper)], unfetched: [b, c], stop: .rateLimited(resetAt: nil)), at: new
        )

        #expect(file.paper(a)?.fetchedAt == new)
        #expect(file.paper(a)?.citationCount == 40)
        #expect(file.paper(b)?.fetchedAt == old)
        #expect(file.refreshOrder([a, b, c]) == [c, b, a])
    }

    @Test func notModifiedOnlyRefreshesTheAgeOfTheStoredRecord() {
        let name = RepositoryName("FastLab/fast-llm")!
        let info = RepositoryInfo(nameWithOwner: name, url: "u", stars: 3, isArchived: true, etag: "W/\"1\"")
        var file = MetadataFile()
        file.record(FetchOutcome(results: [name: .found(info)]), at: Date(timeIntervalSince1970: 1))
        file.record(FetchOutcome(results: [name: .notModified]), at: Date(timeIntervalSince1970: 2))
        #expect(file.repository(name)?.stars == 3)
        #expect(file.repository(name)?.archived == true)
        #expect(file.repository(name)?.fetchedAt == Date(timeIntervalSince1970: 2))
    }
}
