import TOMLKit

/// A TOML file's text read as a document, or where and why it is not TOML: the rules files of `watch` and the
/// sources file of `fetch` report it each in their own error.
enum TOMLText {
    /// Where and why a text is not TOML.
    struct Problem: Error {
        let line: Int
        let reason: String
    }

    static func document(_ text: String) -> Result<TOMLTable, Problem> {
        do {
            return .success(try TOMLTable(string: text))
        } catch let error as TOMLParseError {
            return .failure(Problem(line: error.source.begin.line, reason: "not TOML: " + error.description))
        } catch {
            return .failure(Problem(line: 1, reason: "not TOML"))
        }
    }
}
