import CuratorTestSupport
import Foundation

/// Papers the arXiv double serves in these tests. Their texts are invented; their shapes follow
/// the recorded samples (affiliations, DOI, a title of `0`, non-ASCII names, withdrawn notices).
enum ArxivFixtures {
    static let sparse = ArxivDoublePaper(
        id: "2409.13652", latestVersion: 2,
        title: "Pruning Large Language Models by Counting Sparse Heads and Following the Long Tail of Attention",
        authors: [.init("Jürgen Ölmann", affiliations: ["TU Wien"]), .init("Ana Souza")],
        summary:
            "  We study head pruning. It keeps accuracy while removing two fifths of the attention heads in a model of seven billion parameters, and we release code.",
        published: "2024-09-20T16:07:14Z", updated: "2024-10-02T09:00:01Z",
        comment: "Accepted to ICLR 2025; 12 pages", journalRef: nil, doi: "10.48550/arXiv.2409.13652",
        primaryCategory: "cs.CL", categories: ["cs.CL", "cs.LG"])

    static let zero = ArxivDoublePaper(
        id: "2104.12255", title: "0", authors: [.init("Quinn Null")],
        summary: "A paper whose title is a single digit.", published: "2021-04-20T16:07:14Z", primaryCategory: "cs.CR")

    static let withdrawn = ArxivDoublePaper(
        id: "2301.00001", title: "A Result That Did Not Hold", authors: [.init("Rae Withers")],
        summary: "Withdrawn.", published: "2023-01-01T00:00:01Z",
        comment: "This paper has been withdrawn by the author due to an error in Lemma 2")

    static let oldStyle = ArxivDoublePaper(
        id: "hep-th/9901001", title: "Strings on a Lattice, Revisited",
        authors: [.init("Ida Old", affiliations: ["CERN"])],
        summary: "An old-style identifier.", published: "1999-01-04T12:00:00Z",
        journalRef: "Nucl.Phys. B550 (1999) 1-20",
        primaryCategory: "hep-th")

    static let all = [sparse, zero, withdrawn, oldStyle]

    /// `count` distinct new-style papers, for batching tests.
    static func many(_ count: Int) -> [ArxivDoublePaper] {
        (0..<count).map { index in
            ArxivDoublePaper(
                id: String(format: "2405.%05d", index + 1), title: "Paper number \(index + 1)",
                authors: [.init("Author \(index)")],
                summary: "Summary \(index).", primaryCategory: "cs.LG")
        }
    }
}
