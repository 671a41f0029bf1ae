import CMicroHTTPD
import Foundation

/// The C callbacks given to libmicrohttpd; each reaches the `ServerCore` through its `cls` pointer.
///
/// They capture nothing and touch no global state: they run on the
/// daemon's threads.
enum DaemonCallbacks {
    /// Called with the raw request line target: starts the request's `Exchange` (stored in `*con_cls`).
    static let uriLog:
        @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?) -> UnsafeMutableRawPointer? = {
            context, uri, connection in
            guard let context else { return nil }
            let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
            let target =
                uri.map { uri in
                    Array(UnsafeRawBufferPointer(start: UnsafeRawPointer(uri), count: strlen(uri)))
                } ?? []
            core.requestBegan()
            let exchange = Exchange(target: target, remoteAddress: core.clientAddress.text(of: connection))
            return Unmanaged.passRetained(exchange).toOpaque()
        }

    /// The access handler: called for the headers, for each body chunk, then once more to answer.
    static let access: MHD_AccessHandlerCallback = {
        context, connection, _, method, _, data, size, exchangeSlot in
        guard let context, let size, let pointer = exchangeSlot?.pointee else { return .NO }
        let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
        let exchange = Unmanaged<Exchange>.fromOpaque(pointer).takeUnretainedValue()
        return core.handle(connection, method: method, data: data, size: size, exchange: exchange)
    }

    /// Called when a request ends, answered or not: releases its `Exchange`.
    static let completed: MHD_RequestCompletedCallback = { context, _, exchangeSlot, _ in
        guard let context, let exchangeSlot, let pointer = exchangeSlot.pointee else { return }
        exchangeSlot.pointee = nil
        Unmanaged<Exchange>.fromOpaque(pointer).release()
        Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue().requestEnded()
    }

    /// Routes libmicrohttpd's own messages to the server's logger at debug level.
    ///
    /// Most are about clients going away; a failure to start is reported by
    /// `start()` with the last message as its reason.
    static let log: MHD_LogCallback = { context, format, arguments in
        guard let context, let format, let arguments else { return }
        let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
        var buffer = [CChar](repeating: 0, count: 512)
        guard vsnprintf(&buffer, buffer.count, format, arguments) >= 0 else { return }
        let detail = String(cString: buffer).trimmingCharacters(in: .whitespacesAndNewlines)
        core.recordDaemonMessage(detail)
    }
}
