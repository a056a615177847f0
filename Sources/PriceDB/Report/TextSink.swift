/// Text written in pieces to wherever a command sends it (standard output, a file), handed on every 64 KB: a
/// report's JSON or CSV can run to tens of megabytes for a history, and is then never held whole, nor copied
/// each time a growing string outgrows its storage.
public struct TextSink: TextOutputStream {
    private var buffer = ""
    private let threshold: Int
    private let deliver: (String) -> Void

    /// A sink that hands what it was given to `deliver`, in order, in pieces of about `threshold` bytes.
    public init(handingOnEvery threshold: Int = 1 << 16, to deliver: @escaping (String) -> Void) {
        self.threshold = threshold
        self.deliver = deliver
        buffer.reserveCapacity(min(threshold, 1 << 16))
    }

    public mutating func write(_ string: String) {
        buffer += string
        if buffer.utf8.count >= threshold { flush() }
    }

    /// Hands on what is still held; call it once the writing is done.
    public mutating func flush() {
        guard !buffer.isEmpty else { return }
        deliver(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// What `write` produces, as one string (for tests, and for formats written whole).
    static func collecting(_ write: (inout TextSink) -> Void) -> String {
        var text = ""
        var sink = TextSink(handingOnEvery: Int.max) { text += $0 }
        write(&sink)
        sink.flush()
        return text
    }
}
