import Foundation
import Report
import Store
import Vocabulary

/// Reading the history the nightly audit wrote, for `history`, `flags` and `report`.
public enum StoredRuns {
    /// Opens an existing history, read-only unless `writing` (views never write, and
    /// work for a user who may not write the file or its folder; the workspace writes
    /// decisions and accounts); a missing or unreadable file is `cannotRun`, never a
    /// new empty database.
    public static func open(databasePath: String, writing: Bool = false) throws -> Store {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw AuditError.cannotRun("\(databasePath): chưa có cơ sở dữ liệu (no database yet; run `portal-audit audit` first)")
        }
        do {
            return writing ? try Store.open(path: databasePath) : try Store.openReadOnly(path: databasePath)
        } catch {
            throw AuditError.cannotRun("\(databasePath): không mở được cơ sở dữ liệu (cannot open the database): \(error)")
        }
    }

    /// The model of a finished run ("latest" or a run id), read from its folder.
    public static func model(run: String, store: Store, runsFolder: URL) throws -> ReportModel {
        let info = run == "latest" ? try store.latestRun() : try store.run(id: run)
        guard let info, info.state == .done else {
            throw AuditError.badInput(run == "latest" ? "chưa có lượt kiểm tra nào hoàn tất (no finished run)"
                                                      : "không có lượt kiểm tra hoàn tất mang mã \(run) (no finished run \(run))")
        }
        let folder = runsFolder.appendingPathComponent(info.id)
        do {
            return try ReportFiles.loadModel(from: folder)
        } catch {
            throw AuditError.cannotRun(folder.appendingPathComponent(ReportFiles.modelName).path, doing: "không đọc được mô hình báo cáo (cannot read the report model)", error)
        }
    }
}
