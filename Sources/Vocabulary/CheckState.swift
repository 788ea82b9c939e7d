/// How a portal health check came out, as the history stores it (`health.body`):
/// the same words as Health's `HealthState`, which Store and Report read without
/// importing Health. `inconclusive` when the tool could not see, `notTested` when
/// this machine cannot test it.
public enum CheckState: String, Codable, Sendable, CaseIterable {
    case ok, warning, critical, inconclusive, notTested
}
