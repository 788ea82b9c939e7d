import DataFile
import Foundation

/// Which rule set an audited year follows by default (Resources/rule-sets-by-year.yaml).
public enum RuleSetsByYear {
    public static func bundled() throws -> YearTable {
        guard let url = Bundle.module.url(forResource: "rule-sets-by-year", withExtension: "yaml") else {
            throw DataFileError(file: "rule-sets-by-year.yaml", message: "missing from the Measure resources")
        }
        return try YearTable.load(url, key: "rules")
    }
}
