import Foundation
import RdrTestSupport
import Testing
@testable import RdrStatbank

/// What Statistics Denmark really answers when something is wrong (`shared/docs/statbank-api.md`),
/// and what rdr says about it.
@Suite struct DSTErrorTests {
    /// A transport that records what it was asked to send and never sends it.
    final class Recorder: HTTPTransport, @unchecked Sendable {
        var sent: [HTTPRequest] = []
        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            sent.append(request)
            return HTTPResponse(status: 500)
        }
    }

    @Test func a404MeansTheBaseURLIsNotTheAPI() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        // No routes: every path is DST's REQUEST-NOTFOUND.
        let client = StatbankClient(baseURL: server.baseURL.appendingPathComponent("wrong"), transport: CurlTransport(timeout: 2))

        do {
            _ = try client.fetch(.regk31, years: [2023])
            Issue.record("expected an error")
        } catch {
            guard case let .notTheAPI(url, message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(url.hasSuffix("/wrong/tableinfo"))
            #expect(message == "Siden kan ikke findes. / Page not found.")
            #expect(error.description.contains("is not Statistics Denmark's Statbank API"))
            #expect(error.description.contains("--statbank-url"))
            #expect(!error.description.contains("no table"))
        }
    }

    @Test func anUnknownValueOnDataShowsDSTsMessage() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [.json(StatbankFixtures.tableInfo("REGK31")!)])
        server.route("POST", "/v1/data",
                     replies: [.badRequest("Kan ikke finde værdien: 999999 (OMRÅDE)", code: "EXTRACT-NOTFOUND")])
        let client = StatbankClient(baseURL: server.baseURL, transport: CurlTransport(timeout: 2))

        #expect(throws: FetchError.rejected(table: "REGK31", what: "REGK31 2023", code: "EXTRACT-NOTFOUND",
                                            message: "Kan ikke finde værdien: 999999 (OMRÅDE)")) {
            try client.fetch(.regk31, years: [2023])
        }
    }

    @Test func anHTTPBaseURLIsRefusedBeforeAnythingIsSent() {
        let recorder = Recorder()
        let client = StatbankClient(baseURL: URL(string: "http://api.statbank.dk/v1")!, transport: recorder)

        #expect(throws: FetchError.insecureBaseURL(url: "http://api.statbank.dk/v1")) { try client.fetch(.folk1a, years: [2023]) }
        #expect(recorder.sent.isEmpty)
        #expect(FetchError.insecureBaseURL(url: "http://api.statbank.dk/v1").description.hasSuffix(
            "use https://api.statbank.dk/v1"))
        // This machine's own server has no redirect to lose the body on.
        #expect(!StatbankClient.losesTheBody(URL(string: "http://127.0.0.1:8080/v1")!))
        #expect(!StatbankClient.losesTheBody(URL(string: "https://api.statbank.dk/v1")!))
    }

    @Test func theFixtureStatbankAnswersAnUnknownTableAsDSTDoes() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        StatbankFixtures().install(on: server)
        let response = try CurlTransport(timeout: 2).send(HTTPRequest(
            method: "POST", url: server.baseURL.appendingPathComponent("tableinfo"),
            body: Array(#"{"table":"INVALIDTABLE999","format":"JSON"}"#.utf8)))

        #expect(response.status == 400)
        let error = StatbankClient.dstError(response.body)
        #expect(error.code == "EXTRACT-NOTFOUND" && error.message == "Tabel findes ikke: INVALIDTABLE999")
    }
}

/// Numbers in a file or answer are bounded and refused with a message, never a trap.
@Suite struct BigNumberTests {
    let header = "OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\n"

    func failure(_ text: String) -> String? {
        do {
            _ = try StatbankReader.read(Array(text.utf8), name: "t.csv")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aFunctionCodeOfTwentyDigitsIsNoFunction() {
        let message = failure(header + "101;99999999999999999999.1;1;TOT;LOBM;2023;1\n")
        #expect(message?.hasPrefix("t.csv:2: '99999999999999999999.1' in column FUNKTION is not a function") == true,
                "\(message ?? "no error")")
    }

    @Test func anAccountsFigureBeyondTenTrillionKronerIsRefused() {
        for figure in ["10000000000", "-99999999999999999999999", String(repeating: "9", count: 400)] {
            let message = failure(header + "101;32201;1;TOT;LOBM;2023;\(figure)\n")
            #expect(message?.contains("is out of range: an accounts figure (1,000 kr.) lies within ±9999999999") == true,
                    "\(message ?? "no error")")
            #expect((message?.count ?? 0) < 200)
        }
        #expect(failure(header + "101;32201;1;TOT;LOBM;2023;9999999999\n") == nil)
    }

    @Test func aPopulationCountBeyondAHundredMillionIsRefused() {
        let text = "OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD\n101;TOT;IALT;TOT;2024K1;99999999999999999999\n"
        let message = failure(text)
        #expect(message?.contains("is out of range: a population count is at most 99999999") == true, "\(message ?? "no error")")
    }
}
