/// Writes feeds in the two layouts the arXiv API has used, byte for byte in their structure.
///
/// The current layout (since 2025-11) uses single quotes in the XML declaration, declares all
/// namespaces on `<feed>` and orders an entry as id, title, updated, links, summary, categories,
/// published, comment, primary category, journal ref, authors, DOI. The legacy layout (2016) puts
/// the namespace on each extension element, hard-wraps titles and summaries, and orders an entry
/// as id, updated, published, title, summary, authors, DOI, comment, journal ref, links,
/// primary category, categories.
enum ArxivAtomWriter {
    struct Entry {
        var paper: ArxivDoublePaper
        var version: Int
    }

    static func current(
        idList: String, maxResults: Int, entries: [Entry], total: Int, feedID: String, now: String,
        searchQuery: String = "", start: Int = 0
    ) -> String {
        var out = """
            <?xml version='1.0' encoding='UTF-8'?>
            <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
              <id>https://arxiv.org/api/\(feedID)</id>
              <title>arXiv Query: search_query=\(escape(searchQuery))&amp;id_list=\(escape(idList))&amp;start=\(start)&amp;max_results=\(maxResults)</title>
              <updated>\(now)</updated>
              <link href="https://arxiv.org/api/query?search_query=\(escape(searchQuery))&amp;start=\(start)&amp;max_results=\(maxResults)&amp;id_list=\(escape(idList))" type="application/atom+xml"/>
              <opensearch:itemsPerPage>\(maxResults)</opensearch:itemsPerPage>
              <opensearch:totalResults>\(total)</opensearch:totalResults>
              <opensearch:startIndex>\(start)</opensearch:startIndex>

            """
        for entry in entries {
            let paper = entry.paper
            let versioned = "\(paper.id)v\(entry.version)"
            out += """
                  <entry>
                    <id>http://arxiv.org/abs/\(versioned)</id>
                    <title>\(escape(paper.title))</title>
                    <updated>\(paper.updated)</updated>
                    <link href="https://arxiv.org/abs/\(versioned)" rel="alternate" type="text/html"/>
                    <link href="https://arxiv.org/pdf/\(versioned)" rel="related" type="application/pdf" title="pdf"/>
                    <summary>\(escape(paper.summary))</summary>

                """
            for category in paper.categories {
                out += "    <category term=\"\(escape(category))\" scheme=\"http://arxiv.org/schemas/atom\"/>\n"
            }
            out += "    <published>\(paper.published)</published>\n"
            if let comment = paper.comment { out += "    <arxiv:comment>\(escape(comment))</arxiv:comment>\n" }
            out += "    <arxiv:primary_category term=\"\(escape(paper.primaryCategory))\"/>\n"
            if let ref = paper.journalRef { out += "    <arxiv:journal_ref>\(escape(ref))</arxiv:journal_ref>\n" }
            for author in paper.authors {
                out += "    <author>\n      <name>\(escape(author.name))</name>\n"
                for affiliation in author.affiliations {
                    out += "      <arxiv:affiliation>\(escape(affiliation))</arxiv:affiliation>\n"
                }
                out += "    </author>\n"
            }
            if let doi = paper.doi {
                out += "    <arxiv:doi>\(escape(doi))</arxiv:doi>\n"
                out += "    <link rel=\"related\" href=\"https://doi.org/\(escape(doi))\" title=\"doi\"/>\n"
            }
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    static func legacy(idList: String, maxResults: Int, entries: [Entry], total: Int, feedID: String) -> String {
        let arxivNS = "xmlns:arxiv=\"http://arxiv.org/schemas/atom\""
        let searchNS = "xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\""
        let selfQuery =
            "search_query%3D%26id_list%3D\(idList.replacingOccurrences(of: ",", with: "%2C"))%26start%3D0%26max_results%3D\(maxResults)"
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <link href="http://arxiv.org/api/query?\(escape(selfQuery))" rel="self" type="application/atom+xml"/>
              <title type="html">ArXiv Query: search_query=&amp;id_list=\(escape(idList))&amp;start=0&amp;max_results=\(maxResults)</title>
              <id>http://arxiv.org/api/\(feedID)</id>
              <updated>2016-10-09T00:00:00-04:00</updated>
              <opensearch:totalResults \(searchNS)>\(total)</opensearch:totalResults>
              <opensearch:startIndex \(searchNS)>0</opensearch:startIndex>
              <opensearch:itemsPerPage \(searchNS)>\(maxResults)</opensearch:itemsPerPage>

            """
        for entry in entries {
            let paper = entry.paper
            let versioned = "\(paper.id)v\(entry.version)"
            out += """
                  <entry>
                    <id>http://arxiv.org/abs/\(versioned)</id>
                    <updated>\(paper.updated)</updated>
                    <published>\(paper.published)</published>
                    <title>\(escape(wrap(paper.title, width: 72, indent: "  ")))</title>
                    <summary>  \(escape(wrap(paper.summary, width: 78, indent: "")))
                </summary>

                """
            for author in paper.authors {
                out += "    <author>\n      <name>\(escape(author.name))</name>\n"
                for affiliation in author.affiliations {
                    out += "      <arxiv:affiliation \(arxivNS)>\(escape(affiliation))</arxiv:affiliation>\n"
                }
                out += "    </author>\n"
            }
            if let doi = paper.doi {
                out += "    <arxiv:doi \(arxivNS)>\(escape(doi))</arxiv:doi>\n"
                out += "    <link title=\"doi\" href=\"http://dx.doi.org/\(escape(doi))\" rel=\"related\"/>\n"
            }
            if let comment = paper.comment {
                out += "    <arxiv:comment \(arxivNS)>\(escape(comment))</arxiv:comment>\n"
            }
            if let ref = paper.journalRef {
                out += "    <arxiv:journal_ref \(arxivNS)>\(escape(ref))</arxiv:journal_ref>\n"
            }
            out += "    <link href=\"http://arxiv.org/abs/\(versioned)\" rel=\"alternate\" type=\"text/html\"/>\n"
            out +=
                "    <link title=\"pdf\" href=\"http://arxiv.org/pdf/\(versioned)\" rel=\"related\" type=\"application/pdf\"/>\n"
            out +=
                "    <arxiv:primary_category \(arxivNS) term=\"\(escape(paper.primaryCategory))\" scheme=\"http://arxiv.org/schemas/atom\"/>\n"
            for category in paper.categories {
                out += "    <category term=\"\(escape(category))\" scheme=\"http://arxiv.org/schemas/atom\"/>\n"
            }
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    /// The 400 answer to a malformed id: a feed holding one error entry.
    static func error(for id: String, now: String) -> String {
        let anchor = "https://arxiv.org/api/errors#incorrect_id_format_for_\(escape(id))"
        return """
            <?xml version='1.0' encoding='UTF-8'?>
            <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
              <id>https://arxiv.org/</id>
              <title>arXiv Search Results</title>
              <updated>\(now)</updated>
              <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
              <opensearch:totalResults>1</opensearch:totalResults>
              <opensearch:startIndex>0</opensearch:startIndex>
              <entry>
                <id>\(anchor)</id>
                <title>Error</title>
                <updated>\(now)</updated>
                <link href="\(anchor)" rel="alternate" type="text/html"/>
                <summary>incorrect id format for \(escape(id))</summary>
                <author>
                  <name>arXiv api core</name>
                </author>
              </entry>
            </feed>

            """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Breaks text at spaces so no line exceeds `width`, as the legacy backend did.
    static func wrap(_ text: String, width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n" + indent)
    }
}
