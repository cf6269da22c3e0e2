import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `/healthz` (the process answers) and `/readyz` (it can take updates: see ``Readiness``).
struct HealthRoutes: Sendable {
    let readiness: Readiness

    func add(to router: Hummingbird.Router<BasicRequestContext>) {
        router.get("healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("readyz") { _, _ in
            let report = await readiness.report()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = (try? encoder.encode(report)) ?? Data()
            return Response(
                status: report.ready ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: body))
            )
        }
    }
}
