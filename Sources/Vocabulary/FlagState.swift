/// A flag is `open` from the night its condition is first seen until the night
/// it no longer holds, then `closed`; a later recurrence opens a new flag.
public enum FlagState: String, Codable, Sendable, CaseIterable {
    case open, closed
}
