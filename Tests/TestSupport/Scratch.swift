import Foundation

/// Where tests put their files: one folder for the whole run, removed when the test process exits, so that
/// running the suite again and again leaves nothing behind in the temporary folder. Names stay short: paths
/// appear in messages that must fit 80 columns and in names that have a length limit.
public enum Scratch {
    public static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pricedb-tests-\(token())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.folder) }
        return folder
    }()

    /// A path in the scratch folder that no other test uses: `stem-1a2b3c4d` followed by `suffix` (".csv").
    public static func unique(_ stem: String, _ suffix: String = "") -> URL {
        folder.appendingPathComponent("\(stem)-\(token())\(suffix)")
    }

    private static func token() -> String {
        String(UUID().uuidString.prefix(8)).lowercased()
    }
}
