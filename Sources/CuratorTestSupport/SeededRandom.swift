/// A small seeded generator (xorshift64), so that a test failing on generated input shows the
/// same input again.
public struct SeededRandom: Sendable {
    public var state: UInt64

    public init(seed: UInt64) {
        state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed
    }

    /// A number in `0..<bound`.
    public mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }
}
