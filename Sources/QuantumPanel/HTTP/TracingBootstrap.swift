import Logging
import Marketplace
import OTel
import ServiceLifecycle
import TelegramBotAPI
import Tracing

/// Sends spans over OTLP/HTTP when `TRACING=otlp`: each update is a trace (update → handler →
/// shop service → SQL statement, and each Bot API call). Call once, before the app starts; with
/// tracing off it does nothing, and no span is ever made.
public enum TracingBootstrap {
    /// - Returns: the exporter, for the app to run (it flushes what is left at shutdown); nil
    ///   when tracing is off.
    public static func bootstrap(settings: Settings, logger: Logger) throws -> (any Service)? {
        guard let tracing = settings.tracing else { return nil }
        var configuration = OTel.Configuration.default
        configuration.serviceName = "quantum-panel"
        configuration.diagnosticLogger = .custom(logger)
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.traces.exporter = .otlp
        configuration.traces.otlpExporter.protocol = .httpProtobuf
        configuration.traces.otlpExporter.endpoint = tracing.endpoint
        configuration.traces.sampler = .parentBasedTraceIDRatio(ratio: tracing.sampleRatio) ?? .parentBasedAlwaysOn
        let backend = try OTel.makeTracingBackend(configuration: configuration)
        InstrumentationSystem.bootstrap(backend.factory)
        ShopTracing.enable()
        BotAPITracing.enable()
        logger.notice("Tracing: spans go over OTLP/HTTP", metadata: ["endpoint": "\(tracing.endpoint)", "sample.ratio": "\(tracing.sampleRatio)"])
        return backend.service
    }
}
