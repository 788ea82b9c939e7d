import Foundation
import Measure
import Report
import Scoring
import Store

/// What a night keeps of one target once its measurement is read: the figures
/// scoring reads, its row of the night record and the part of its report the
/// measurement alone gives. Tonight's targets are held in this form, never as
/// whole measurements (every sample and piece of evidence), so a night of
/// thousands of portals holds a few kilobytes for each.
struct MeasuredAgency {
    var figures: Scoring.Measurements.Target
    /// Without what scoring adds (score, reported figures, discrepancies).
    var night: AgencyNight
    /// Without what scoring and the history add (`ReportBuilder.completed`).
    var report: AgencyReport

    init(_ target: TargetMeasurement, pages: [CapturedPage], runID: String, records: NightRecordBuilder, reports: ReportBuilder) {
        figures = Scoring.Measurements.Target(target)
        night = records.agency(target, runID: runID, pages: pages, score: nil, reported: [:])
        report = reports.measured(target)
    }

    /// The night's row with tonight's score, reported figures and discrepancies.
    func night(scoring: NightScoring?) -> AgencyNight {
        var night = night
        night.score = scoring?.totals[night.id]
        night.reported = scoring?.reported[night.id] ?? [:]
        night.discrepancies = scoring?.discrepancyFindings(agency: night.id) ?? []
        return night
    }
}

/// Tonight's measurements.json read one target at a time into `MeasuredAgency`s.
struct TonightsMeasurements {
    var year: Int
    var rules: String
    var agencies: [MeasuredAgency]

    /// - Parameter pages: every target's pages by id; each target's are let go once read.
    init(_ file: URL, pages: consuming [String: [CapturedPage]], runID: String, records: NightRecordBuilder, reports: ReportBuilder) throws {
        var agencies: [MeasuredAgency] = []
        let header = try MeasurementsReader(url: file).forEachTarget { target in
            agencies.append(MeasuredAgency(target, pages: pages.removeValue(forKey: target.id) ?? [], runID: runID, records: records,
                                           reports: reports))
        }
        (year, rules, self.agencies) = (header.year, header.rules, agencies)
    }

    var figures: Scoring.Measurements { Scoring.Measurements(year: year, targets: agencies.map(\.figures)) }
}
