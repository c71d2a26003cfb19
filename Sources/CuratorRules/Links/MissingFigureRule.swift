import CuratorCore
import Foundation

/// A local figure that is not a file of the list's repository.
///
/// Lint reports each entry whose figure source starts with `figures.local-prefix` and names no
/// file of the list, resolved as GitHub does: relative to the file that shows it, percent escapes
/// (`%20`) decoded, names compared with case. When a file differs only in case, the message
/// names it. It points at the source.
/// There is no fix: the figure may be missing from the commit or misspelled, which a person decides.
struct MissingFigureRule: Rule {
    static func message(_ path: String, differentCase: String?) -> String {
        if let differentCase {
            return "figure '\(path)' does not exist; '\(differentCase)' does, and GitHub compares names with case"
        }
        return "figure '\(path)' does not exist in the list's repository"
    }

    static let description = RuleDescription(
        id: "missing-figure",
        summary: "Local figures exist in the list's repository.",
        rationale: """
            A figure that was never committed, or whose name differs in case or spelling from the \
            committed file, shows as a broken image on GitHub, whose file names are case-sensitive \
            even where a contributor's own disk is not.
            """,
        severity: .error,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[T](https://arxiv.org/abs/2401.00001) <br> A |<img width=\"1002\" alt=\"image\" src=\"↓figures/absent.png\"> | |\n"
                    + "|[T](https://arxiv.org/abs/2401.00002) <br> A |<img width=\"1002\" alt=\"image\" src=\"↓./figures/also%20absent.png\"> | |\n"
            )
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[T](https://arxiv.org/abs/2401.00001) <br> A |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> | |\n"
                    + "|[T](https://arxiv.org/abs/2401.00002) <br> A |<img width=\"1002\" alt=\"image\" src=\"figures/present%20too.png\"> | |\n"
                    + "|[T](https://arxiv.org/abs/2401.00003) <br> A |<img width=\"1002\" alt=\"image\" src=\"https://github.com/o/r/blob/main/x.png\"> | |\n"
                    // A placeholder is figure-placeholder's to report.
                    + "|[T](https://arxiv.org/abs/2401.00004) <br> A |<img width=\"1002\" alt=\"image\" src=\"figures/.png\"> | |\n"
            )
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        // Rows repeat figure sources (a README row shows its topic file's figure), and each answer
        // costs a regular expression or a file system call; each is asked once per source.
        var placeholders: [String: Bool] = [:]
        var existing: [String: Bool] = [:]
        var directories: [String: String] = [:]
        return context.catalog.finding { entry in
            guard let image = entry.image else { return nil }
            let directory =
                directories[entry.file]
                ?? {
                    let found = FigureSource.listRelativeDirectory(of: entry, in: context)
                    directories[entry.file] = found
                    return found
                }()
            guard let path = FigureSource.localPath(of: image.text, directory: directory, context: context) else {
                return nil
            }
            let exists =
                existing[path]
                ?? {
                    let found = context.fileExists(path)
                    existing[path] = found
                    return found
                }()
            guard !exists else { return nil }
            // Only a figure that is missing is asked whether it is a placeholder: the answer
            // costs a regular expression, and a figure that exists is fine either way.
            let isPlaceholder =
                placeholders[image.text]
                ?? {
                    let found = FigureSource.isPlaceholder(image.text, in: context.ruleset)
                    placeholders[image.text] = found
                    return found
                }()
            guard !isPlaceholder else { return nil }
            let folder = (path as NSString).deletingLastPathComponent
            let name = (path as NSString).lastPathComponent.lowercased()
            // Sorted, so that of several names differing only in case the same one is offered.
            let sibling = context.listings.names(inFolder: folder)?.sorted().first { $0.lowercased() == name }
            let differentCase = sibling.map { folder.isEmpty ? $0 : folder + "/" + $0 }
            return context.finding(
                Self.self, file: entry.file, offset: image.range.lowerBound,
                message: Self.message(path, differentCase: differentCase))
        }
    }
}
