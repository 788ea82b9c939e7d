/// Where a night stands in the history: `running` while it is being recorded (an
/// interrupted night stays so and is discarded by the next), `done` once
/// recorded. Only done nights count in history, changes and flags.
public enum RunState: String, Codable, Sendable, CaseIterable {
    case running, done
}
