import ArgumentParser
import Foundation
import PriceDB

extension PriceDBCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the database: integrity, foreign keys, the schema (version, tables and indexes) and the rules of the history.",
            discussion: """
                Exit status: 0 when the database is sound, 74 with every problem named otherwise (see \
                docs/operating.md, "Backups, check and systemd"). Reading only, it is safe while imports run.

                Examples:
                  pricedb check
                  pricedb check --format json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text
            case json
        }

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Output format.")
        var format: Format = .text

        func run() throws {
            let store = try database.openExisting()
            let problems = try reportingFailures { try store.check() }
            switch format {
            case .text:
                print(problems.isEmpty ? "\(store.path): sound" : problems.map { "\($0.check): \($0.message)" }.joined(separator: "\n"))
            case .json:
                let items = problems.map { "    {\"check\": \(Self.quoted($0.check)), \"message\": \(Self.quoted($0.message))}" }
                print("{\n  \"database\": \(Self.quoted(store.path)),\n  \"sound\": \(problems.isEmpty),\n  \"problems\": ["
                    + (items.isEmpty ? "" : "\n" + items.joined(separator: ",\n") + "\n  ") + "]\n}")
            }
            if !problems.isEmpty { throw ExitCode(74) }
        }

        /// A JSON string literal.
        static func quoted(_ text: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the database to FILE, safely while imports run (SQLite's online backup).",
            discussion: """
                The copy is one consistent state of the database. An existing FILE is replaced only with --force \
                (without it: exit 73); a folder or a device never is (exit 73).

                Example:
                  pricedb backup /backups/prices-$(date +%F).sqlite
                """)

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Replace FILE if it exists.")
        var force = false

        @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "file"))
        var file: String

        func validate() throws {
            if file.isEmpty { throw ValidationError("FILE is empty: name the file to write the copy to") }
        }

        func run() throws {
            let store = try database.openExisting()
            if let reason = ProtectedPath.reason(file, database: store.path, anyDatabase: false) {
                Diagnostics.error("will not write the copy over \(file): \(reason); name another file. Nothing was written")
                throw ExitCode(73)
            }
            do {
                try store.backup(to: file, overwrite: force)
            } catch {
                Diagnostics.error(error.localizedDescription)
                switch error {
                case .backupExists, .notAFile, .notPricedb: throw ExitCode(73)
                default: break
                }
                throw ExitCode(74)
            }
            print("\(UntrustedText.escaped(store.path)) copied to \(UntrustedText.escaped(file))")
        }
    }
}
