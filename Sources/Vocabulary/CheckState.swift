/// How a portal health check came out: Health decides it, the history stores
/// it (`health.body`), Store and Report read it. `inconclusive` when the tool
/// could not see (the portal did not answer), `notTested` when this machine
/// cannot test it. Ordered by gravity, so a portal's state is its worst check's.
public enum CheckState: String, Codable, Sendable, CaseIterable, Comparable {
    case ok, warning, critical, inconclusive, notTested

    private var rank: Int {
        switch self {
        case .notTested: return 0
        case .inconclusive: return 1
        case .ok: return 2
        case .warning: return 3
        case .critical: return 4
        }
    }

    public static func < (a: CheckState, b: CheckState) -> Bool { a.rank < b.rank }
}
