import Synchronization

/// Conversation state in the process's memory: lost on restart, so for tests and trying things.
public final class MemoryStateStorage: StateStorage {
    private struct Entry {
        var state: String?
        var data: [String: [UInt8]] = [:]
    }

    // Guards the entries; each call is one short critical section.
    private let entries = Mutex<[StorageKey: Entry]>([:])

    public init() {}

    public func state(for key: StorageKey) async throws -> String? {
        entries.withLock { $0[key]?.state }
    }

    public func setState(_ state: String?, for key: StorageKey) async throws {
        entries.withLock { entries in
            entries[key, default: Entry()].state = state
            if entries[key]?.state == nil, entries[key]?.data.isEmpty == true { entries[key] = nil }
        }
    }

    public func data(for key: StorageKey) async throws -> [String: [UInt8]] {
        entries.withLock { $0[key]?.data ?? [:] }
    }

    public func setData(_ data: [String: [UInt8]], for key: StorageKey) async throws {
        entries.withLock { entries in
            entries[key, default: Entry()].data = data
            if entries[key]?.state == nil, data.isEmpty { entries[key] = nil }
        }
    }
}
