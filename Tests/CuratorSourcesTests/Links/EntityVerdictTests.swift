import CuratorCore
import CuratorSources
import Testing

@Suite struct EntityVerdictTests {
    static let reference = RepositoryName(owner: "o", name: "r")!

    @Test func takedownsAreDeadButOtherRefusalsOnlyBlocked() {
        let dmca = EntityVerdicts.verdict(
            url: "https://github.com/o/r",
            repository: RepositoryFacts(requested: Self.reference, state: .blocked, detail: "dmca"))
        #expect(dmca.isDead)
        let forbidden = EntityVerdicts.verdict(
            url: "https://github.com/o/r",
            repository: RepositoryFacts(requested: Self.reference, state: .blocked, detail: "forbidden"))
        #expect({ if case .blocked(403, _) = forbidden { true } else { false } }(), "\(forbidden)")
    }

    @Test func aRenameIsAPermanentRedirectOfTheSameLink() {
        let facts = RepositoryFacts(
            requested: Self.reference, state: .found, canonical: RepositoryName(owner: "n", name: "r")!)
        guard
            case .redirected(true, let target, _) = EntityVerdicts.verdict(
                url: "https://github.com/o/r/tree/main", repository: facts)
        else {
            Issue.record("not a permanent redirect")
            return
        }
        #expect(target == "https://github.com/n/r/tree/main")
    }
}
