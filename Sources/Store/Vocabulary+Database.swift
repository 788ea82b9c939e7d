import GRDB
import Vocabulary

// Each stored as its raw word (`findings.state`, `agencies.tier`, `agencies.status`,
// `runs.state`, `flags.state`, `flag_decisions.decision`).
extension ItemState: DatabaseValueConvertible {}
extension Tier: DatabaseValueConvertible {}
extension CrawlStatus: DatabaseValueConvertible {}
extension RunState: DatabaseValueConvertible {}
extension FlagState: DatabaseValueConvertible {}
extension DecisionKind: DatabaseValueConvertible {}
