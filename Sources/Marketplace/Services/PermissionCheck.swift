/// Checks that an admin's role allows what a service is asked to do, so the panel, the command
/// line and a forged button get the same answer. ``AdminService`` is the check a ``Shop`` wires in.
public protocol PermissionCheck: Sendable {
    /// - Throws: ``AdminError/notPermitted(_:telegramID:)``, or ``AdminError/notAnAdmin(telegramID:)``.
    func require(_ permission: AdminPermission, _ actorID: Int64) async throws
}

/// For a service made on its own, outside a ``Shop`` (a test of its rules): every actor may do
/// everything.
public struct UncheckedPermissions: PermissionCheck {
    public init() {}
    public func require(_ permission: AdminPermission, _ actorID: Int64) async throws {}
}
