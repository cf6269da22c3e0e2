import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Handled update ids appended to a local file the moment each handler returns.
///
/// A `write(2)` is in the kernel's hands when it returns, so it survives the process being
/// killed (SIGKILL, OOM) an instant later; it costs microseconds and never waits behind the
/// database, which is what keeps the window between "answered" and "marked handled" too small
/// to hit. The database takes the ids in batches. Two files take turns: each batch switches
/// appends to the other one, and the one left behind is emptied once the database has the batch,
/// since every id in it not yet in the database is in that batch; so the journal stays small
/// under any load.
final class HandledJournal: Sendable {
    let path: String
    private struct State {
        var descriptors: [Int32]
        var current = 0
        var unflushed: [Int64] = []
        /// A batch is on its way to the database; one at a time, or a second one could switch the
        /// files back while the first is about to empty one of them.
        var isFlushing = false
    }
    // Guards both descriptors, which one takes appends, and the ids the database has not taken.
    private let state: Mutex<State>

    /// The two files: `path` and `path.1`.
    static func files(_ path: String) -> [String] { [path, path + ".1"] }

    /// Opens (or creates) the journal for appending.
    init(path: String) throws(JournalError) {
        self.path = path
        var descriptors: [Int32] = []
        for file in Self.files(path) {
            let descriptor = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                let failure = errno
                for opened in descriptors { _ = close(opened) }
                throw JournalError(path: file, errno: failure)
            }
            descriptors.append(descriptor)
        }
        state = Mutex(State(descriptors: descriptors))
    }

    deinit {
        state.withLock { state in
            for descriptor in state.descriptors { _ = close(descriptor) }
        }
    }

    /// Records `updateID` as handled.
    func append(_ updateID: Int64) throws(JournalError) {
        let line = Array("\(updateID)\n".utf8)
        let failure: Int32? = state.withLock { state in
            state.unflushed.append(updateID)
            let written = line.withUnsafeBytes { write(state.descriptors[state.current], $0.baseAddress, $0.count) }
            return written == line.count ? nil : errno
        }
        if let failure { throw JournalError(path: path, errno: failure) }
    }

    /// How many ids the database has not taken yet.
    var unflushedCount: Int { state.withLock { $0.unflushed.count } }

    /// The ids the database has not taken, and which file to empty once it has them; appends
    /// go to the other file from now on. Nil when there are none, or another batch is on its
    /// way. Once the database has answered, call ``finishFlush(file:failedIDs:)``.
    func takeUnflushed() -> (ids: [Int64], fileToEmpty: Int)? {
        state.withLock { state in
            guard !state.isFlushing, !state.unflushed.isEmpty else { return nil }
            defer {
                state.unflushed = []
                state.current = 1 - state.current
                state.isFlushing = true
            }
            return (state.unflushed, state.current)
        }
    }

    /// Ends a flush: empties the file left behind when the database took the batch; when it
    /// could not, takes `failedIDs` back for the next batch and keeps their file.
    func finishFlush(file index: Int, failedIDs: [Int64]? = nil) {
        state.withLock { state in
            if let failedIDs {
                state.unflushed = failedIDs + state.unflushed
            } else {
                _ = ftruncate(state.descriptors[index], 0)
            }
            state.isFlushing = false
        }
    }

    /// Empties both files, at start, after the database took what a killed process left there.
    func emptyAll() {
        state.withLock { state in
            guard state.unflushed.isEmpty, !state.isFlushing else { return }
            for descriptor in state.descriptors { _ = ftruncate(descriptor, 0) }
        }
    }

    /// Every id in the journal at `path`: what a killed process handled and may not have told
    /// the database. A torn last line (killed mid-write) is ignored.
    static func ids(at path: String) -> [Int64] {
        files(path).flatMap(ids(inFile:))
    }

    private static func ids(inFile path: String) -> [Int64] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a line whose write was cut short
        return lines.compactMap { Int64(String(decoding: $0, as: UTF8.self)) }
    }
}

/// The journal file could not be opened or written.
struct JournalError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32

    var description: String { "the handled-updates journal \(path) failed: \(String(cString: strerror(errno)))" }
}
