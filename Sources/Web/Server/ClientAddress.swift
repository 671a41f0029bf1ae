import CMicroHTTPD
import Foundation

/// Reads a connection's peer address through `MHD_get_connection_info`.
///
/// That function is variadic, so Swift cannot import it. It reads no
/// variadic argument for `MHD_CONNECTION_INFO_CLIENT_ADDRESS`, and the
/// System V and AAPCS64 conventions pass the fixed arguments alike, so it is
/// called through a non-variadic function pointer found with `dlsym`.
struct ClientAddress {
    private typealias InfoFunction =
        @convention(c) (OpaquePointer?, MHD_ConnectionInfoType) -> UnsafePointer<MHD_ConnectionInfo>?

    private let function: InfoFunction?

    /// Looks the function up once; without it addresses read as `unknown`.
    init() {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "MHD_get_connection_info") else {
            function = nil
            return
        }
        function = unsafeBitCast(symbol, to: InfoFunction.self)
    }

    /// The peer IP as text; IPv4-mapped IPv6 addresses are shown as IPv4.
    func text(of connection: OpaquePointer?) -> String {
        guard let function, let info = function(connection, .CONNECTION_INFO_CLIENT_ADDRESS),
            let address = info.pointee.client_addr
        else { return "unknown" }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            var ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            guard inet_ntop(AF_INET, &ipv4, &buffer, socklen_t(buffer.count)) != nil else { return "unknown" }
        case AF_INET6:
            var ipv6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
            guard inet_ntop(AF_INET6, &ipv6, &buffer, socklen_t(buffer.count)) != nil else { return "unknown" }
        default:
            return "unknown"
        }
        let text = String(cString: buffer)
        return text.hasPrefix("::ffff:") && text.contains(".") ? String(text.dropFirst(7)) : text
    }
}
