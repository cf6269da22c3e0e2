import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a SQLite shop, held by the bot while it runs and by a restore while it
/// replaces the file, so that neither happens under the other.
///
/// It is a `flock` on `<shop file>.lock`: the kernel drops it when the process dies, even by
/// SIGKILL, so a crashed bot never leaves a stale lock behind.
public final class ShopFileLock: Sendable {
    public enum LockError: Error, Equatable, CustomStringConvertible {
        /// Another process (a running bot, or a restore) holds the lock.
        case held(shopPath: String)
        case cannotOpen(lockPath: String, reason: String)

        public var description: String {
            switch self {
            case .held(let shopPath): "another quantum-panel (a running bot or a restore) is using the shop at \(shopPath)"
            case .cannotOpen(let lockPath, let reason): "cannot open the lock file \(lockPath): \(reason)"
            }
        }
    }

    private let descriptor: Int32

    /// Takes the lock at once or throws ``LockError/held(shopPath:)``; it never waits.
    public init(shopPath: String) throws(LockError) {
        let lockPath = shopPath + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotOpen(lockPath: lockPath, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .held(shopPath: shopPath)
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
