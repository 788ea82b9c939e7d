import Foundation
import XCTest
@testable import Store
import Vocabulary

/// The appraisers' decisions: append-only, the newest in force, a dismissal holding
/// while the fingerprint stays the same.
final class FlagDecisionTests: StoreTestCase {
    let schedule = "chi-dao-dieu-hanh.lich-cong-tac"

    private func decision(_ fingerprint: String, _ kind: DecisionKind, criterion: String? = nil, value: Double? = nil,
                          at minute: Double) -> FlagDecision {
        FlagDecision(fingerprint: fingerprint, agency: "so-noi-vu", kind: kind, reason: "lý do \(kind.rawValue)", criterion: criterion,
                     value: value, user: "an", decidedAt: Self.firstNight.addingTimeInterval(minute * 60))
    }

    func testDismissedFlagIsNotAnnouncedAgainUntilItsFingerprintChanges() throws {
        let store = try Store.open(path: path)
        try store.record(night(1, [agency(items: [schedule: "absent", "tin-tuc": "absent"])]))
        var outcome = try store.record(night(2, [agency(items: [schedule: "absent", "tin-tuc": "absent"])]))
        XCTAssertEqual(outcome.newFlags.count, 2)
        XCTAssertEqual(outcome.openFlagCount, 2)
        let scheduleFlag = try XCTUnwrap(outcome.newFlags.first { $0.subject == schedule })
        try store.recordDecision(decision(scheduleFlag.fingerprint, .dismiss, at: 1))
        XCTAssertEqual(try store.flagsAwaitingReview(), 1)
        XCTAssertEqual(try store.flagQueue(agency: nil, kind: nil, state: .open, limit: 100).map(\.subject), ["tin-tuc"])
        XCTAssertEqual(try store.flagQueue(agency: nil, kind: nil, state: .dismissed, limit: 100).map(\.subject), [schedule])

        // Back, then gone again: the problem recurs with the same fingerprint, and stays dismissed.
        try store.record(night(3, [agency(items: [schedule: "present", "tin-tuc": "absent"])]))
        try store.record(night(4, [agency(items: [schedule: "absent", "tin-tuc": "absent"])]))
        outcome = try store.record(night(5, [agency(items: [schedule: "absent", "tin-tuc": "absent"])]))
        XCTAssertEqual(outcome.newFlags, [], "a dismissed fingerprint is not announced again")
        XCTAssertEqual(outcome.openFlagCount, 1)
        XCTAssertEqual(try store.flag(fingerprint: scheduleFlag.fingerprint)?.firstSeenRun, "night-5")
        XCTAssertEqual(try store.flag(fingerprint: scheduleFlag.fingerprint)?.decision?.kind, .dismiss)

        // Another problem of the same agency has another fingerprint: it is announced.
        outcome = try store.record(night(6, [agency(items: [schedule: "absent", "tin-tuc": "absent", "gop-y": "absent"])]))
        XCTAssertEqual(outcome.newFlags, [])
        outcome = try store.record(night(7, [agency(items: [schedule: "absent", "tin-tuc": "absent", "gop-y": "absent"])]))
        XCTAssertEqual(outcome.newFlags.map(\.subject), ["gop-y"])
    }

    func testNewestDecisionSupersedesAndOverridesInForceFollowIt() throws {
        let store = try Store.open(path: path)
        let news = Flag.fingerprint(agency: "so-noi-vu", kind: .discrepancy, subject: "news")
        let documents = Flag.fingerprint(agency: "so-noi-vu", kind: .discrepancy, subject: "documents")
        try store.recordDecision(decision(news, .override, criterion: "tin-bai", value: 120, at: 1))
        try store.recordDecision(decision(documents, .override, criterion: "van-ban-dang", value: 30, at: 2))
        XCTAssertEqual(try store.overridesInForce().map(\.value), [120, 30])
        // Accepting the flag later withdraws its override; the history keeps both.
        try store.recordDecision(decision(documents, .accept, at: 3))
        XCTAssertEqual(try store.overridesInForce().map(\.criterion), ["tin-bai"])
        XCTAssertEqual(try store.decisions(fingerprint: documents).map(\.kind), [.override, .accept])
        // Two flags overriding the same criterion: the newer decision wins.
        let other = Flag.fingerprint(agency: "so-noi-vu", kind: .missing, subject: "tin-tuc")
        try store.recordDecision(decision(other, .override, criterion: "tin-bai", value: 150, at: 4))
        XCTAssertEqual(try store.overridesInForce().map(\.value), [150])
    }

    func testAccountsAreKeptWithTheirRoleAndNamesAreUnique() throws {
        let store = try Store.open(path: path)
        try store.addUser(UserAccount(name: "an", role: .appraiser, passwordHash: "h1", createdAt: Self.firstNight), by: "admin")
        XCTAssertThrowsError(try store.addUser(UserAccount(name: "an", role: .viewer, passwordHash: "h2", createdAt: Self.firstNight), by: "admin")) {
            XCTAssertEqual($0 as? StoreError, .accountExists("an"))
        }
        try store.setPasswordHash("h3", user: "an", by: "admin")
        XCTAssertEqual(try store.user(named: "an")?.passwordHash, "h3")
        XCTAssertEqual(try store.user(named: "an")?.role, .appraiser)
        XCTAssertThrowsError(try store.removeUser(named: "binh", by: "admin")) { XCTAssertEqual($0 as? StoreError, .noSuchAccount("binh")) }
        try store.removeUser(named: "an", by: "admin")
        XCTAssertEqual(try store.users(), [])
    }

    func testSessionsOutliveTheStoreAndFollowTheAccountsRoleAndRemoval() throws {
        let store = try Store.open(path: path)
        try store.addUser(UserAccount(name: "an", role: .appraiser, passwordHash: "h1", createdAt: Self.firstNight), by: "admin")
        let opened = Self.firstNight.addingTimeInterval(60), expires = opened.addingTimeInterval(3_600)
        try store.openSession(tokenDigest: "d1", user: "an", csrf: "c1", createdAt: opened, expiresAt: expires)
        try store.close()

        let reopened = try Store.open(path: path)
        XCTAssertEqual(try reopened.session(tokenDigest: "d1", at: opened),
                       StoredSession(name: "an", role: .appraiser, csrf: "c1", expiresAt: expires))
        XCTAssertNil(try reopened.session(tokenDigest: "d1", at: expires), "expired")
        XCTAssertNil(try reopened.session(tokenDigest: "d2", at: opened))
        try reopened.setRole(.viewer, user: "an", by: "admin", at: opened)
        XCTAssertEqual(try reopened.session(tokenDigest: "d1", at: opened)?.role, .viewer)
        try reopened.removeUser(named: "an", by: "admin", at: opened)
        XCTAssertNil(try reopened.session(tokenDigest: "d1", at: opened), "a removed account's sessions end with it")
        XCTAssertEqual(try reopened.accountChanges(limit: 10).map { "\($0.action.rawValue) \($0.account) \($0.role?.rawValue ?? "-") \($0.by)" },
                       ["remove an - admin", "role an viewer admin", "add an appraiser admin"])
    }

    func testANewPasswordEndsTheAccountsSessions() throws {
        let store = try Store.open(path: path)
        try store.addUser(UserAccount(name: "an", role: .admin, passwordHash: "h1", createdAt: Self.firstNight), by: "dòng lệnh")
        try store.openSession(tokenDigest: "d1", user: "an", csrf: "c1", createdAt: Self.firstNight, expiresAt: Self.firstNight.addingTimeInterval(3_600))
        try store.setPasswordHash("h2", user: "an", by: "dòng lệnh", at: Self.firstNight)
        XCTAssertNil(try store.session(tokenDigest: "d1", at: Self.firstNight))
    }
}
