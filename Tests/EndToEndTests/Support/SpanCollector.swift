import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// An OpenTelemetry collector as small as a test needs: takes OTLP/HTTP trace exports
/// (protobuf) on `/v1/traces`, keeps each body, and reads the spans back out of them.
final class SpanCollector: Sendable {
    struct Span: Equatable {
        var traceID: [UInt8]
        var spanID: [UInt8]
        var parentSpanID: [UInt8]
        var name: String
        /// The span's string attributes, by key.
        var attributes: [String: String]
    }

    let port: Int
    let bodies = Mutex<[[UInt8]]>([])

    init(port: Int) {
        self.port = port
    }

    var endpoint: String { "http://127.0.0.1:\(port)/v1/traces" }

    func withRunning<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        let router = Router()
        router.post("/v1/traces") { request, _ in
            let bytes = try await request.body.collect(upTo: 16 << 20)
            self.bodies.withLock { $0.append(Array(buffer: bytes)) }
            // An empty ExportTraceServiceResponse: everything accepted.
            return Response(status: .ok, headers: [.contentType: "application/x-protobuf"])
        }
        return try await withLoopbackServer(router, port: port, body)
    }

    /// Every span received: ExportTraceServiceRequest.resource_spans(1) → ScopeSpans(2) → Span(2).
    var spans: [Span] {
        bodies.withLock { $0 }.flatMap { body in
            Self.fields(body, 1).flatMap { Self.fields($0, 2) }.flatMap { Self.fields($0, 2) }.map { span in
                Span(
                    traceID: Self.fields(span, 1).first ?? [], spanID: Self.fields(span, 2).first ?? [],
                    parentSpanID: Self.fields(span, 4).first ?? [], name: Self.text(Self.fields(span, 5).first),
                    attributes: Self.stringAttributes(Self.fields(span, 9))
                )
            }
        }
    }

    /// KeyValue: key(1), value(2) as AnyValue, whose string_value is field 1; other kinds are skipped.
    static func stringAttributes(_ keyValues: [[UInt8]]) -> [String: String] {
        var attributes: [String: String] = [:]
        for keyValue in keyValues {
            guard let value = fields(keyValue, 2).first.flatMap({ fields($0, 1).first }) else { continue }
            attributes[text(fields(keyValue, 1).first)] = text(value)
        }
        return attributes
    }

    static func text(_ bytes: [UInt8]?) -> String {
        String(decoding: bytes ?? [], as: UTF8.self)
    }

    /// The length-delimited fields numbered `number` of one protobuf message, skipping the others.
    static func fields(_ message: [UInt8], _ number: UInt64) -> [[UInt8]] {
        var found: [[UInt8]] = []
        var index = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < message.count {
                let byte = message[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while index < message.count, let key = varint() {
            switch key & 7 {
            case 0: _ = varint()
            case 1: index += 8
            case 5: index += 4
            case 2:
                guard let length = varint(), index + Int(length) <= message.count else { return found }
                if key >> 3 == number { found.append(Array(message[index..<index + Int(length)])) }
                index += Int(length)
            default: return found
            }
        }
        return found
    }
}
