import Foundation
import TestSupport
import Testing

@testable import PriceDB

/// A few hundred of `scripts/fuzz`'s mutations, run through the library: every file is either stored or refused
/// with a message, nothing traps, and a refused file leaves the database as it was.
@Suite struct FuzzTests {
    static let replacements: [String] = [
        "1e7", "10000000", "9223372036854775807", "-1", "1e-7", "0", "1e999", "NaN", "\"x\"", "null", "[]", "{}",
        "\"\\u0000\"", "\"\\u001b]0;x\\u0007\"", "\"\\u202e\"", "1e-400", "64.000001", "true",
    ]

    /// One seeded mutation of `text`: a value replaced, bytes flipped, or the text cut short.
    static func mutate(_ text: [UInt8], with generator: inout ArithmeticTests.Generator, json: Bool) -> [UInt8] {
        var bytes = text
        switch Int.random(in: 0..<4, using: &generator) {
        case 0 where json:
            let string = String(decoding: bytes, as: UTF8.self)
            let keys = ["\"price\": ", "\"gpu_count\": ", "\"observed_at\": ", "\"region\": ", "\"gpu\": "]
            let key = keys.randomElement(using: &generator)!
            guard let range = string.range(of: key) else { return bytes }
            let rest = string[range.upperBound...]
            let end = rest.firstIndex { $0 == "," || $0 == "}" } ?? rest.endIndex
            let value = replacements.randomElement(using: &generator)!
            return Array((string[..<range.upperBound] + value + string[end...]).utf8)
        case 1:
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            return bytes
        case 2:
            return Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
        default:
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            let inserted: [[UInt8]] = [[0], [0x1B, 0x5B, 0x32, 0x4A], [0xFF, 0xFE], Array("9999999999".utf8), [0x22], [0x2C]]
            bytes.insert(contentsOf: inserted.randomElement(using: &generator)!, at: at)
            return bytes
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func mutatedFilesAreStoredOrRefusedWithoutChangingAnything(seed: UInt64) throws {
        let store = try PriceStore.inMemory()
        let ingestor = Ingestor(store: store, today: Day("2026-11-25")!)
        _ = try ingestor.ingest(fileAt: FixturePaths.seed.path)
        let json = try [UInt8](Data(contentsOf: FixturePaths.seed))
        let csv = try [UInt8](Data(contentsOf: FixturePaths.fixtures.appendingPathComponent("skypilot/aws-vms.csv")))
        var generator = ArithmeticTests.Generator(state: seed)
        let folder = Scratch.unique("fuzz")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for index in 0..<100 {
            let isJSON = index % 2 == 0
            let mutated = Self.mutate(isJSON ? json : csv, with: &generator, json: isJSON)
            let before = try store.rowCounts()
            do {
                if isJSON {
                    _ = try ingestor.ingest(bytes: mutated, fileName: "case-\(index).json")
                } else {
                    let path = folder.appendingPathComponent("case-\(index).csv").path
                    try Data(mutated).write(to: URL(fileURLWithPath: path))
                    _ = try ingestor.ingest(
                        fileAt: path, format: .skypilotCSV,
                        catalogOptions: CatalogOptions(providerID: "aws", observedOn: Day("2026-02-08")!))
                }
            } catch let error as IngestError {
                #expect(error.exitCode == 65 || error.exitCode == 66, "seed \(seed) case \(index): \(error)")
                #expect(try store.rowCounts() == before, "seed \(seed) case \(index) was refused but changed the database")
                #expect(!(error.errorDescription ?? "").unicodeScalars.contains { $0.value == 0 || $0.value == 0x1B })
            }
        }
    }

    /// Prices as people might write them, read for advice: nothing traps, and a suggested amount is a number
    /// pricedb reads.
    @Test func pricesWrittenAnyHowAreReadWithoutTrapping() {
        var generator = ArithmeticTests.Generator(state: 21)
        let pieces = ["1", "9", "0", ",", ".", "$", "€", "£", "USD", "EUR", " ", "-", "e", "9999999999", "ü", "\u{0}", "/h"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if let amount = WrittenAmount(text), let plain = amount.plain {
                #expect((try? DecimalText.millionths(Substring(plain), rounding: true)) != nil, "\(text) → \(plain)")
            }
        }
    }

    /// A day is read from its bytes: exactly a calendar day written `YYYY-MM-DD` is one, and one byte changed
    /// anywhere gives another day or none, never a trap.
    @Test func daysAreReadExactlyFromTheirBytes() {
        var generator = ArithmeticTests.Generator(state: 22)
        for _ in 0..<5_000 {
            let (year, month, day) = (Int.random(in: 0...9999, using: &generator), Int.random(in: 0...13, using: &generator), Int.random(in: 0...32, using: &generator))
            let text = String(format: "%04d-%02d-%02d", year, month, day)
            #expect(Day(text) == Day(year: year, month: month, day: day), "\(text)")
            var bytes = Array(text.utf8)
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            let changed = String(decoding: bytes, as: UTF8.self)
            if let parsed = Day(changed) { #expect(parsed.description == changed, "\(changed)") }
        }
    }
}
