import CuratorCore

/// Picks the topic of a new paper from the ruleset's topic map: a keyword in the title counts three
/// times as much as one in the abstract, since abstracts mention neighbouring topics in passing.
public enum TopicChooser {
    public static func choose(title: String, abstract: String, topics: [ProposePolicy.Topic]) -> ProposePolicy.Topic? {
        let title = " " + TitleNormalizer.normalize(title) + " "
        let abstract = " " + TitleNormalizer.normalize(abstract) + " "
        var best: (topic: ProposePolicy.Topic, score: Int)?
        for topic in topics {
            var score = 0
            for keyword in topic.keywords {
                let word = " " + TitleNormalizer.normalize(keyword) + " "
                score += 3 * occurrences(of: word, in: title) + occurrences(of: word, in: abstract)
            }
            if score > (best?.score ?? 0) { best = (topic, score) }
        }
        return best?.topic
    }

    /// Finds the topic a user named: its name, its file, or its heading, without case.
    public static func named(_ text: String, in topics: [ProposePolicy.Topic]) -> ProposePolicy.Topic? {
        let wanted = text.lowercased()
        return topics.first { topic in
            [topic.name, topic.file, topic.heading].compactMap { $0?.lowercased() }.contains(wanted)
                || topic.file.lowercased() == wanted + ".md"
        }
    }

    static func occurrences(of word: String, in text: String) -> Int {
        text.components(separatedBy: word).count - 1
    }
}
