import Testing
import Web

@testable import Portal

@Suite struct DeferredRoutesTests {
    /// Exam starts and submissions (drawing, scoring) and password checks (scrypt) leave the server threads
    /// to the answer saves and pages; those stay on them, answered without a hand-over between threads.
    @Test func longRequestsRunOnTheDeferredLaneAndSavesDoNot() throws {
        let fixture = try PortalFixture()
        let router = fixture.app.router
        func defers(_ method: HTTPMethod, _ target: String) throws -> Bool {
            router.defers(try Request(method: method, target: target, headers: [:]))
        }
        for target in [
            "/examens/ifsi-echantillon/commencer", "/api/v1/exams/ifsi-echantillon/attempts", "/epreuves/abc/terminer",
            "/api/v1/attempts/abc/submit", "/connexion", "/inscription", "/compte/mot-de-passe",
            "/compte/mot-de-passe/nouveau", "/compte/suppression",
        ] {
            #expect(try defers(.post, target), "\(target)")
        }
        #expect(try !defers(.put, "/api/v1/attempts/abc/items/0/answer"))
        #expect(try !defers(.post, "/epreuves/abc/questions/0"))
        #expect(try !defers(.get, "/epreuves/abc"))
        #expect(try !defers(.get, "/connexion"))
        #expect(try !defers(.get, "/"))
    }
}
