import Foundation
import Testing

@testable import Web

@Suite struct DeferredLaneTests {
    /// Collects integers from several threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int] = []

        func append(_ value: Int) {
            lock.lock()
            values.append(value)
            lock.unlock()
        }

        var all: [Int] {
            lock.lock()
            defer { lock.unlock() }
            return values
        }
    }

    @Test func stopRunsEveryJobQueuedBeforeIt() {
        let lane = DeferredLane(threads: 2)
        let collected = Collected()
        for value in 0..<2_500 {
            #expect(lane.submit { collected.append(value) })
        }
        #expect(lane.queuedCount == 2_500)
        lane.start()
        lane.stop()
        #expect(collected.all.sorted() == Array(0..<2_500))
        #expect(lane.queuedCount == 0)
    }

    @Test func oneThreadRunsJobsInTheOrderTheyCame() {
        let lane = DeferredLane(threads: 1)
        let collected = Collected()
        lane.start()
        for value in 0..<100 {
            #expect(lane.submit { collected.append(value) })
        }
        lane.stop()
        #expect(collected.all == Array(0..<100))
    }

    @Test func startsAgainAfterAStop() {
        let lane = DeferredLane(threads: 2)
        let collected = Collected()
        lane.start()
        #expect(lane.submit { collected.append(1) })
        lane.stop()
        lane.start()
        let done = DispatchSemaphore(value: 0)
        #expect(
            lane.submit {
                collected.append(2)
                done.signal()
            })
        #expect(done.wait(timeout: .now() + 10) == .success)
        lane.stop()
        #expect(collected.all == [1, 2])
    }
    @Test func aStoppedLaneRefusesJobsSoTheCallerRunsThem() {
        let lane = DeferredLane(threads: 1)
        lane.start()
        lane.stop()
        #expect(!lane.submit {})
        #expect(lane.queuedCount == 0)
    }
}

@Suite struct DeferredRouteTests {
    @Test func theRouterDefersOnlyTheRoutesMarkedSo() throws {
        let router = Router()
        router.add(.post, "/examens/:id/commencer", deferred: true) { _ in .text("commencé") }
        router.get("/examens/:id/commencer") { _ in .text("page") }
        #expect(router.defers(try Request(method: .post, target: "/examens/7/commencer", headers: [:])))
        #expect(!router.defers(try Request(method: .get, target: "/examens/7/commencer", headers: [:])))
        #expect(!router.defers(try Request(method: .post, target: "/ailleurs", headers: [:])))
        #expect(
            router.respond(to: try Request(method: .post, target: "/examens/7/commencer", headers: [:])).bodyText
                == "commencé")
    }

    /// With one server thread, a request blocked in a handler would hold every other connection; a deferred
    /// one leaves the thread to them and is answered once its handler returns.
    @Test func aDeferredRequestLeavesItsServerThreadToTheOthers() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let router = Router()
        router.add(.post, "/lent", deferred: true) { _ in
            entered.signal()
            // Bounded, so that a server that never answers the other client fails the test instead of hanging it.
            _ = release.wait(timeout: .now() + 15)
            return .text("enfin")
        }
        router.get("/rapide") { _ in .text("tout de suite") }
        try withServer(
            { _ in }, router: router, configuration: ServerConfiguration(port: 0, threads: 1, deferredThreads: 1)
        ) { server in
            let slow = try RawHTTPClient(port: server.port)
            slow.send(requestWithBody("POST", "/lent", contentType: "text/plain", body: []))
            entered.wait()

            let fast = try RawHTTPClient(port: server.port)
            fast.send(getRequest("/rapide"))
            let quick = try fast.readReply()
            #expect(quick.status == 200)
            #expect(quick.text == "tout de suite")

            release.signal()
            let late = try slow.readReply()
            #expect(late.status == 200)
            #expect(late.text == "enfin")

            // The connection goes on serving after its suspension.
            slow.send(getRequest("/rapide"))
            #expect(try slow.readReply().text == "tout de suite")
        }
    }

    /// A keep-alive client may send a deferred request after the lane has begun to stop: it is answered on
    /// the server's thread, never left suspended (stopping libmicrohttpd with one is undefined).
    @Test func aDeferredRequestArrivingWhileTheLaneStopsIsStillAnswered() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let router = Router()
        router.add(.post, "/lent", deferred: true) { _ in
            entered.signal()
            _ = release.wait(timeout: .now() + 15)
            return .text("enfin")
        }
        router.add(.post, "/court", deferred: true) { _ in .text("répondu") }
        let server = HTTPServer(
            configuration: ServerConfiguration(port: 0, threads: 1, deferredThreads: 1, shutdownGraceSeconds: 0.2),
            responder: router, logger: quietLogger)
        try server.start()
        let late = try RawHTTPClient(port: server.port)
        late.send(requestWithBody("POST", "/court", contentType: "text/plain", body: []))
        #expect(try late.readReply().text == "répondu")
        let blocking = try RawHTTPClient(port: server.port)
        blocking.send(requestWithBody("POST", "/lent", contentType: "text/plain", body: []))
        entered.wait()

        let stopped = beginStopping(server)
        // Past the grace period the server is stopping its lane, which waits for the blocked request.
        usleep(600_000)
        late.send(requestWithBody("POST", "/court", contentType: "text/plain", body: []))
        let reply = try late.readReply()
        #expect(reply.status == 200)
        #expect(reply.text == "répondu")
        release.signal()
        #expect(stopped.wait(timeout: .now() + 15) == .success)
    }

    @Test func stopAnswersADeferredRequestInFlightBeforeClosing() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let router = Router()
        router.add(.post, "/lent", deferred: true) { _ in
            entered.signal()
            release.wait()
            return .text("terminé")
        }
        let server = HTTPServer(
            configuration: ServerConfiguration(port: 0, threads: 1, deferredThreads: 1), responder: router,
            logger: quietLogger)
        try server.start()
        let client = try RawHTTPClient(port: server.port)
        client.send(requestWithBody("POST", "/lent", contentType: "text/plain", body: []))
        entered.wait()

        let stopped = beginStopping(server)
        #expect(server.requestsInFlight == 1)
        release.signal()

        let reply = try client.readReply()
        stopped.wait()
        #expect(reply.status == 200)
        #expect(reply.text == "terminé")
        #expect(server.requestsInFlight == 0)
    }
}
