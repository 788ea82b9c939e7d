/// What a flag is about; the word `flags.kind` stores.
public enum FlagKind: String, Codable, Sendable, CaseIterable {
    /// A checklist item absent on K nights in a row.
    case missing
    /// A reported figure the measured one contradicts.
    case discrepancy
    /// A portal that could not be audited for N nights in a row.
    case stale
    /// A portal that could not be audited tonight but was ranked on its self-report.
    case unaudited
    /// Gambling, adult or spam content injected into the portal: raised the night it is seen.
    case injectedContent = "injected-content"
    /// A section with dated entries (news, documents …) older than its limit (health.yaml).
    case staleSection = "stale-section"
}
