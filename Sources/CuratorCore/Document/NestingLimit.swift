internal import CCmark

/// How deeply a document's nodes may nest before it is refused as input.
///
/// Why: the tree is copied out of cmark-gfm and read by functions that call themselves once per
/// level, and 30,000 nested block quotes overflowed the stack. No list nests anywhere near the
/// limit; a file that does gets a clear error at the first node too deep.
enum NestingLimit {
    static let maximumDepth = 500

    /// The place of the first node nested deeper than `maximumDepth`.
    struct TooDeep: Error {
        var line: Int
        var column: Int
    }

    /// Walks cmark-gfm's tree without recursion and throws at the first node too deep; the
    /// number of nodes, so that the copy of the tree is allocated once.
    @discardableResult
    static func check(_ root: OpaquePointer, maximumDepth: Int = maximumDepth) throws(TooDeep) -> Int {
        var node = root
        var depth = 0
        var count = 1
        while true {
            if depth > maximumDepth {
                // Inline nodes of some kinds have no position; the nearest ancestor with one is named.
                var placed: OpaquePointer? = node
                while let current = placed, cmark_node_get_start_line(current) == 0 {
                    placed = cmark_node_parent(current)
                }
                let line = placed.map { Int(cmark_node_get_start_line($0)) } ?? 1
                let column = placed.map { Int(cmark_node_get_start_column($0)) } ?? 1
                throw TooDeep(line: max(line, 1), column: max(column, 1))
            }
            if let child = cmark_node_first_child(node) {
                node = child
                depth += 1
                count += 1
                continue
            }
            while node != root, cmark_node_next(node) == nil, let parent = cmark_node_parent(node) {
                node = parent
                depth -= 1
            }
            guard node != root, let next = cmark_node_next(node) else { return count }
            node = next
            count += 1
        }
    }
}
