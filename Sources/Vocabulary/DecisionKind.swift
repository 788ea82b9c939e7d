/// What an appraiser decided on a flag; the words the history and the
/// workspace's forms use.
public enum DecisionKind: String, Codable, Sendable, CaseIterable {
    /// The measured figure stands; the agency is asked to explain.
    case accept
    /// The flag does not hold (e.g. the agency proved it another way); it stays
    /// out of the queue until its fingerprint changes.
    case dismiss
    /// A criterion's figure is set by the appraiser; it enters the next scoring.
    case override
}
