import Testing

@testable import PriceDB

/// Reports go out through a `TextSink` in pieces; what arrives must be the report, whole and in order.
@Suite struct TextSinkTests {
    @Test func piecesArriveInOrderAndNothingIsLostAtTheEnd() {
        var pieces: [String] = []
        var sink = TextSink(handingOnEvery: 10) { pieces.append($0) }
        for index in 0..<100 { sink.write("\(index),") }
        #expect(pieces.count > 10)
        #expect(pieces.allSatisfy { $0.utf8.count >= 10 }, "handed on only once full")
        sink.flush()
        sink.flush()
        #expect(pieces.joined() == (0..<100).map { "\($0)," }.joined())
    }

    /// Every command's report, in every format, written through a sink that hands on every few bytes, is the
    /// text it renders whole.
    @Test func aReportWrittenInPiecesIsTheReportRenderedWhole() throws {
        for (name, report) in try ReportSchemaTests.reports() {
            for format in OutputFormat.allCases {
                var written = ""
                var sink = TextSink(handingOnEvery: 7) { written += $0 }
                report.write(as: format, locale: ReportLocale.de, to: &sink)
                sink.flush()
                #expect(written == report.rendered(as: format, locale: ReportLocale.de), "\(name) as \(format)")
            }
        }
    }
}
