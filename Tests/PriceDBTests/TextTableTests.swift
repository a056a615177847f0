import Testing

@testable import PriceDB

/// Tables fitted to a narrow terminal stay readable: no two lines alike, names shortened rather than broken.
@Suite struct TextTableTests {
    /// Two AWS offers that differ only in their instance: left out to fit, they would print as one line twice.
    @Test func aColumnThatTellsRowsApartStaysWhenOthersGo() {
        var table = TextTable(headers: ["Provider", "GPU", "Instance", "Note", "Per GPU"])
        table.append(["AWS", "A100", "p4d.24xlarge", "a very long note that takes room", "$4.10"])
        table.append(["AWS", "A100", "p4de.24xlarge", "a very long note that takes room", "$4.10"])
        table.droppable = [2, 3]
        let text = table.rendered(width: 40)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("AWS") }
        #expect(Set(lines).count == lines.count, "\(text)")
        #expect(text.contains("p4d.24xlarge") && !text.contains("long note"), "\(text)")
        #expect(text.contains("left out to fit the width: Note"))
    }

    @Test func aLongNameIsShortenedInTheMiddleNotBrokenOverLines() {
        var table = TextTable(headers: ["ID", "File"])
        table.append(["1", "2026-02-07-gpu-rental-comparison-with-a-very-long-name.json"])
        table.append(["2", "https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v7/aws/vms.csv"])
        let text = table.rendered(width: 40)
        for line in text.split(separator: "\n") { #expect(line.count <= 40, "\(line)") }
        #expect(text.split(separator: "\n").count == 4, "\(text)")
        #expect(text.contains("…") && text.contains(".json") && text.contains("vms.csv"), "\(text)")
        #expect(table.rendered().contains("https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v7/aws/vms.csv"))
        #expect(TextTable.shortened("abcdefghij", to: 5) == "ab…ij")
        #expect(TextTable.shortened("abcdefghij", to: 6) == "ab…hij")
        #expect(TextTable.shortened("abc", to: 5) == "abc")
    }
}
