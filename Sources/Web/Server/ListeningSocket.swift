import Foundation

/// A bound, listening TCP socket, opened by us so that a busy port is a clear error
/// and the bound port of `port: 0` is known.
struct ListeningSocket {
    /// The socket descriptor; the server closes it after stopping the daemon.
    let descriptor: Int32
    /// The port actually bound.
    let port: UInt16
    /// Whether the socket is IPv6.
    let isIPv6: Bool

    /// Binds `host:port` and listens.
    static func open(host: String, port: UInt16, backlog: Int32) throws -> ListeningSocket {
        let operation = "bind \(host):\(port)"
        let address = host == "localhost" ? "127.0.0.1" : host
        var ipv4 = sockaddr_in()
        var ipv6 = sockaddr_in6()
        let isIPv6: Bool
        if inet_pton(AF_INET, address, &ipv4.sin_addr) == 1 {
            isIPv6 = false
        } else if inet_pton(AF_INET6, address, &ipv6.sin6_addr) == 1 {
            isIPv6 = true
        } else {
            throw WebError(operation: operation, reason: "not an IP address")
        }

        let descriptor = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw WebError.system(operation, errno: errno) }
        var enabled: Int32 = 1
        guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &enabled, socklen_t(MemoryLayout<Int32>.size)) == 0
        else {
            let code = errno
            close(descriptor)
            throw WebError.system(operation, errno: code)
        }

        let bound: Int32
        if isIPv6 {
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = port.bigEndian
            bound = withUnsafePointer(to: &ipv6) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = port.bigEndian
            bound = withUnsafePointer(to: &ipv4) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard bound == 0, listen(descriptor, backlog) == 0 else {
            let code = errno
            close(descriptor)
            throw WebError.system(operation, errno: code)
        }

        guard let actualPort = boundPort(descriptor) else {
            let code = errno
            close(descriptor)
            throw WebError.system("read bound port of \(host)", errno: code)
        }
        return ListeningSocket(descriptor: descriptor, port: actualPort, isIPv6: isIPv6)
    }

    private static func boundPort(_ descriptor: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    UInt16(bigEndian: $0.pointee.sin6_port)
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                UInt16(bigEndian: $0.pointee.sin_port)
            }
        }
    }
}
