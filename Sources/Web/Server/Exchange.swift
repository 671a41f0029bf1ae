/// The server's state for one request, from its request line to its completion.
///
/// Created in the URI callback, stored in MHD's `*con_cls`, released in the
/// completion callback. Only the connection's own thread touches it, except a deferred request's
/// lane thread, which sets `deferredResponse` while the connection is suspended; resuming it goes
/// through libmicrohttpd's mutex, so the connection's thread then sees the response.
final class Exchange {
    /// The raw request target (`/path?query`), as sent.
    let target: [UInt8]
    /// The peer address.
    let remoteAddress: String
    /// Whether the headers have been read (the first access-handler call is done).
    var headersRead = false
    /// The request method.
    var method = HTTPMethod.get
    /// The request headers.
    var headers = HTTPHeaders()
    /// The most body bytes accepted for this request's content type.
    var bodyLimit = 0
    /// The body received so far.
    var body: [UInt8] = []
    /// Body bytes received, kept or not.
    var bytesReceived = 0
    /// Whether the body went over the limit; the rest is discarded.
    var bodyRefused = false
    /// Whether a response has been queued.
    var answered = false
    /// The response of a deferred request, set by the lane before it resumes the connection.
    var deferredResponse: Response?

    /// Starts an exchange for a request line.
    init(target: [UInt8], remoteAddress: String) {
        self.target = target
        self.remoteAddress = remoteAddress
    }
}
