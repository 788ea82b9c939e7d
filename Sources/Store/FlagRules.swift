import Foundation
import Vocabulary

/// A problem as tonight's rules see it, before it is matched with the stored flags.
struct FlagCandidate: Equatable {
    var kind: Flag.Kind
    var subject: String
    var reason: FlagReason
}

/// Tonight's verdict for one agency: which problems hold, and which cannot be judged
/// tonight (their open flags stay open, untouched, instead of being closed).
struct FlagAssessment: Equatable {
    var holding: [FlagCandidate]
    var undecided: [Flag.Kind: Set<String>]
    /// True when the whole agency could not be audited: only the stale rule is judged.
    var unauditable: Bool

    func canJudge(kind: Flag.Kind, subject: String) -> Bool {
        if unauditable { return kind == .stale || kind == .unaudited }
        // "*" leaves every subject of the kind undecided (a check that could not be made tonight).
        return !(undecided[kind].map { $0.contains(subject) || $0.contains("*") } ?? false)
    }
}

/// The flag rules of flag-policy.yaml, as pure functions of an agency's nights.
enum FlagRules {
    static func assess(tonight: AgencySnapshot, earlier: [AgencySnapshot], policy: FlagPolicy) -> FlagAssessment {
        let nights = [tonight] + earlier
        if policy.unauditableStatuses.contains(tonight.status) {
            let run = nights.prefix { policy.unauditableStatuses.contains($0.status) }.count
            var holding = run >= policy.staleAfterNights
                ? [FlagCandidate(kind: .stale, subject: "portal", reason: .stale(nights: run))]
                : []
            if tonight.scored {
                holding.append(FlagCandidate(kind: .unaudited, subject: "ranking", reason: .unaudited(status: tonight.status)))
            }
            return FlagAssessment(holding: holding, undecided: [:], unauditable: true)
        }
        var holding: [FlagCandidate] = []
        var undecided: [Flag.Kind: Set<String>] = [:]
        for item in tonight.items.keys.sorted() {
            switch tonight.items[item] {
            case .absent?:
                if absentRun(item, nights: nights, policy: policy) >= policy.missingAfterNights {
                    holding.append(FlagCandidate(kind: .missing, subject: item, reason: .missing(item: item)))
                }
            case .present?: break
            default: undecided[.missing, default: []].insert(item)
            }
        }
        // Discrepancies are Scoring's: the same criterion and tolerance as the report's figures table.
        for finding in tonight.discrepancies {
            holding.append(FlagCandidate(kind: .discrepancy, subject: finding.criterion, reason: .discrepancy(
                label: finding.label, reported: finding.reported, measured: finding.measured, atLeast: finding.atLeast)))
        }
        HealthFlagRules.assess(tonight.health, earlier: earlier.map(\.health), policy: policy, into: &holding, undecided: &undecided)
        return FlagAssessment(holding: holding, undecided: undecided, unauditable: false)
    }

    /// Absent nights in a row, newest first; inconclusive nights (and nights the portal
    /// could not be audited) neither count nor break the run, a present night ends it.
    static func absentRun(_ item: String, nights: [AgencySnapshot], policy: FlagPolicy) -> Int {
        var count = 0
        for night in nights {
            switch night.conclusiveState(item, policy: policy) {
            case .absent?: count += 1
            case .present?: return count
            default: continue
            }
        }
        return count
    }
}
