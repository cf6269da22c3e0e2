import Foundation
import QuantumPanel
import Testing
import Yams

/// The Dockerfile, docker-compose.yml and the Kubernetes manifests can't be run on this project's
/// machines (no Docker): they are read here, checked against the bot's settings and endpoints.
@Suite struct DeploymentFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func yaml(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        return try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }
    }

    @Test func composeRunsTheBotWithPostgreSQLAndRedisItWaitsFor() throws {
        let compose = try #require(try Self.yaml("docker-compose.yml").first)
        let services = try #require(compose["services"] as? [String: Any])
        #expect(Set(services.keys) == ["postgres", "redis", "bot"])
        let bot = try #require(services["bot"] as? [String: Any])
        let environment = try #require(bot["environment"] as? [String: Any])
        #expect(Set(environment.keys).isSubset(of: Settings.variables.map(\.name)), "every variable is one the bot reads")
        #expect((environment["DATABASE_URL"] as? String)?.hasPrefix("postgres://") == true)
        #expect((environment["REDIS_URL"] as? String)?.hasPrefix("redis://") == true)
        #expect(environment["HTTP_PORT"] as? String == "8080")
        #expect(environment["OPS_PORT"] as? String == "9090")
        #expect(
            (bot["ports"] as? [String]) == ["8080:8080", "127.0.0.1:9090:9090"],
            "the public port, and the operations one on the host's loopback alone")
        let dependencies = try #require(bot["depends_on"] as? [String: [String: String]])
        #expect(dependencies["postgres"]?["condition"] == "service_healthy")
        for name in ["postgres", "redis"] {
            #expect((services[name] as? [String: Any])?["healthcheck"] != nil, "\(name) has a health check")
        }
    }

    @Test func kubernetesProbesAreTheBotsEndpointsAndEverythingSelectsTheSamePods() throws {
        let deployment = try #require(try Self.yaml("deploy/kubernetes/deployment.yaml").first)
        #expect(deployment["kind"] as? String == "Deployment")
        let spec = try #require(deployment["spec"] as? [String: Any])
        let labels = try #require(((spec["template"] as? [String: Any])?["metadata"] as? [String: Any])?["labels"] as? [String: String])
        #expect((spec["selector"] as? [String: Any])?["matchLabels"] as? [String: String] == labels)
        let pod = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
        #expect((pod["securityContext"] as? [String: Any])?["runAsNonRoot"] as? Bool == true)
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        let probe = { (name: String) in ((container[name] as? [String: Any])?["httpGet"] as? [String: Any])?["path"] as? String }
        #expect(probe("livenessProbe") == "/healthz")
        #expect(probe("readinessProbe") == "/readyz")
        let probePort = { (name: String) in ((container[name] as? [String: Any])?["httpGet"] as? [String: Any])?["port"] as? String }
        #expect(["livenessProbe", "readinessProbe", "startupProbe"].map(probePort) == ["ops", "ops", "ops"], "probes reach the operations listener")
        let environment = try #require(container["env"] as? [[String: Any]])
        let names = Set(environment.compactMap { $0["name"] as? String })
        #expect(names.isSubset(of: Settings.variables.map(\.name)))
        let value = { (name: String) in environment.first { $0["name"] as? String == name }?["value"] as? String }
        let ports = Dictionary(
            uniqueKeysWithValues: ((container["ports"] as? [[String: Any]]) ?? []).compactMap { port in
                (port["name"] as? String).map { ($0, port["containerPort"] as? Int) }
            })
        #expect(ports["http"] == value("HTTP_PORT").flatMap(Int.init) && ports["ops"] == value("OPS_PORT").flatMap(Int.init))
        let annotations = ((spec["template"] as? [String: Any])?["metadata"] as? [String: Any])?["annotations"] as? [String: String]
        #expect(annotations?["prometheus.io/port"] == value("OPS_PORT"), "Prometheus scrapes the operations port")
        let secretName = (((container["envFrom"] as? [[String: Any]])?.first?["secretRef"]) as? [String: Any])?["name"] as? String

        let secret = try #require(try Self.yaml("deploy/kubernetes/secret.example.yaml").first)
        #expect((secret["metadata"] as? [String: Any])?["name"] as? String == secretName)
        let secretKeys = Set(((secret["stringData"] as? [String: Any]) ?? [:]).keys)
        #expect(secretKeys.isSubset(of: Settings.variables.map(\.name)) && secretKeys.contains("BOT_TOKEN") && secretKeys.contains("WEBHOOK_SECRET"))

        let service = try #require(try Self.yaml("deploy/kubernetes/service.yaml").first)
        #expect((service["spec"] as? [String: Any])?["selector"] as? [String: String] == labels)
        let exposed = (((service["spec"] as? [String: Any])?["ports"] as? [[String: Any]]) ?? []).compactMap { $0["targetPort"] as? String }
        #expect(exposed == ["http"], "the Service the Ingress reaches carries the webhook alone")
        let budget = try #require(try Self.yaml("deploy/kubernetes/pdb.yaml").first)
        #expect(((budget["spec"] as? [String: Any])?["selector"] as? [String: Any])?["matchLabels"] as? [String: String] == labels)
    }

    @Test func theImageIsBuiltByTheScriptTheTestsRunAndRunsAsAnotherUserThanRoot() throws {
        let dockerfile = try String(contentsOfFile: Self.root + "/Dockerfile", encoding: .utf8)
        #expect(dockerfile.contains("RUN scripts/build-release"))
        #expect(dockerfile.contains("USER 10001"))
        #expect(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("127.0.0.1:9090/healthz"))
        #expect(FileManager.default.isExecutableFile(atPath: Self.root + "/scripts/build-release"))
        let testScript = try String(contentsOfFile: Self.root + "/scripts/test", encoding: .utf8)
        #expect(testScript.contains("scripts/build-release"), "CI builds the image's binary the way the image does")
    }
}
