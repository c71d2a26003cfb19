import CuratorCore

extension Catalog {
    /// Calls `body` with each entry in catalog order, lending the entry instead of copying it.
    /// An `Entry` holds a score of strings and arrays, and the copy that `for entry in entries`
    /// makes (retaining every one of them) cost more than most rules' own work.
    func forEachEntry(_ body: (Entry) -> Void) {
        entries.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { body(buffer[index]) }
        }
    }

    /// The findings `body` makes of each entry, in catalog order, without copying entries.
    func findings(_ body: (Entry) -> [Finding]) -> [Finding] {
        var found: [Finding] = []
        forEachEntry { found += body($0) }
        return found
    }

    /// The finding `body` makes of each entry, where it makes one, without copying entries.
    func finding(_ body: (Entry) -> Finding?) -> [Finding] {
        var found: [Finding] = []
        forEachEntry { if let finding = body($0) { found.append(finding) } }
        return found
    }
}
