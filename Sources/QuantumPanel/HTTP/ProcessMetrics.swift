import Foundation
import Prometheus
import Synchronization

/// The process metrics every Prometheus client exports (`process_resident_memory_bytes`,
/// `process_cpu_seconds_total`, open and allowed file descriptors, the start time), read from
/// Linux's `/proc` when `/metrics` is scraped. Elsewhere they stay at zero.
final class ProcessMetrics: Sendable {
    private let cpu: Counter
    private let residentMemory: Gauge
    private let virtualMemory: Gauge
    private let openFileDescriptors: Gauge
    private let maxFileDescriptors: Gauge
    private let startTime: Gauge
    /// The CPU seconds already added to the counter, which only goes up by differences.
    private let countedCPU = Mutex<Double>(0)

    init(registry: PrometheusCollectorRegistry) {
        func described(_ name: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
        }
        cpu = registry.makeCounter(descriptor: described("process_cpu_seconds_total", "Total user and system CPU time spent in seconds."))
        residentMemory = registry.makeGauge(descriptor: described("process_resident_memory_bytes", "Resident memory size in bytes."))
        virtualMemory = registry.makeGauge(descriptor: described("process_virtual_memory_bytes", "Virtual memory size in bytes."))
        openFileDescriptors = registry.makeGauge(descriptor: described("process_open_fds", "Number of open file descriptors."))
        maxFileDescriptors = registry.makeGauge(descriptor: described("process_max_fds", "Maximum number of open file descriptors."))
        startTime = registry.makeGauge(descriptor: described("process_start_time_seconds", "Start time of the process since unix epoch in seconds."))
    }

    /// Reads the figures now.
    func update() {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
        // /proc/self/stat: the fields after the command's closing parenthesis, from field 3 on.
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8), let end = stat.lastIndex(of: ")") {
            let fields = stat[stat.index(after: end)...].split(separator: " ")
            if fields.count > 21, let user = Double(fields[11]), let system = Double(fields[12]), let started = Double(fields[19]), ticks > 0 {
                let seconds = (user + system) / ticks
                let added = countedCPU.withLock { counted in
                    defer { counted = max(counted, seconds) }
                    return seconds - counted
                }
                if added > 0 { cpu.increment(by: added) }
                if let boot = Self.bootTime() { startTime.set(boot + started / ticks) }
            }
            if fields.count > 22, let virtualBytes = Double(fields[20]), let residentPages = Double(fields[21]) {
                virtualMemory.set(virtualBytes)
                residentMemory.set(residentPages * pageSize)
            }
        }
        if let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            openFileDescriptors.set(Double(descriptors.count))
        }
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 { maxFileDescriptors.set(Double(limit.rlim_cur)) }
    }

    /// When the machine started, in seconds since 1970 (`btime` in /proc/stat).
    private static func bootTime() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
        return stat.split(separator: "\n").first { $0.hasPrefix("btime ") }.flatMap { Double($0.dropFirst(6)) }
    }
}
