import Foundation
import RdrTestSupport
import RdrReport
import Testing
@testable import RdrStatbank

/// The Statbank client against `LocalHTTPServer`: requests built from tableinfo, splitting,
/// retries, and every kind of bad answer.
@Suite struct StatbankClientTests {
    // MARK: - tableinfo

    @Test func tableInfoDecodesDSTsAnswerAndIgnoresExtraKeys() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.folk1aInfo)])
        let client = ClientFixtures.client(server)

        let info = try client.tableInfo(.folk1a)

        #expect(info.id == "FOLK1A")
        #expect(info.unit == "Antal")
        #expect(info.updated == "2024-05-10T08:00:00")
        #expect(info.variables.map(\.id) == ["OMRÅDE", "KØN", "ALDER", "CIVILSTAND", "Tid"])
        #expect(info.variable("område")?.values.first == TableInfo.Value(id: "000", text: "Hele landet"))
        #expect(info.variable("OMRÅDE")?.elimination == true)
        #expect(info.timeVariable?.id == "Tid")
        #expect(info.timeVariable?.time == true)
        #expect(info.variable("KØN")?.time == false)
        #expect(info.years == [2023, 2024])
        #expect(info.areaVariable?.id == "OMRÅDE")

        let sent = server.requests("POST", "/v1/tableinfo")
        #expect(sent.count == 1)
        #expect(sent.first?.text == #"{"table":"FOLK1A","format":"JSON","lang":"da"}"#)
        #expect(sent.first?.header("Content-Type")?.hasPrefix("application/json") == true)
    }

    @Test func tableInfoOfAnUnknownTableShowsDSTsMessage() throws {
        // DST answers an unknown table with HTTP 400 EXTRACT-NOTFOUND, not 404.
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [.tableNotFound("BUDK32")])
        let client = ClientFixtures.client(server)

        #expect(throws: FetchError.unknownTable(table: "BUDK32", message: "Tabel findes ikke: BUDK32")) {
            try client.tableInfo(.budk32)
        }
        #expect(FetchError.unknownTable(table: "BUDK32", message: "Tabel findes ikke: BUDK32").description
            == #"Statistics Denmark has no table BUDK32 ("Tabel findes ikke: BUDK32"); check the table's name at statbank.dk"#)
    }

    @Test func tableInfoThatIsNotJSONIsReported() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [.json(#"{"id":"REGK31","variables":[{"text":"no id"}]}"#)])
        let client = ClientFixtures.client(server)

        do {
            _ = try client.tableInfo(.regk31)
            Issue.record("expected an error")
        } catch {
            guard case .badTableInfo(table: "REGK31", _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.description.contains("tableinfo of REGK31"))
        }
    }

    // MARK: - request bodies

    @Test func accountsRequestIsBuiltFromTheTableInfo() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        server.route("POST", "/v1/data", replies: [.bulk(ClientFixtures.regk31Bulk)])
        let lines = ClientRecorder<String>()
        let client = ClientFixtures.client(server, progress: { lines.append($0) })

        let answers = try client.fetch(.regk31, years: [2023])

        let expected = #"{"table":"REGK31","format":"BULK","lang":"da","valuePresentation":"Code","variables":["#
            + #"{"code":"OMRÅDE","values":["*"]},{"code":"FUNKTION","values":["*"]},{"code":"DRANST","values":["1"]},"#
            + #"{"code":"ART","values":["TOT","S0"]},{"code":"PRISENHED","values":["LOBM"]},"#
            + #"{"code":"Tid","values":["2023"]}]}"#
        let sent = server.requests("POST", "/v1/data")
        #expect(sent.map(\.text) == [expected])
        #expect(try ClientFixtures.jsonObject(sent[0].body) != nil)
        #expect(answers.count == 1)
        #expect(answers[0].requestBody == expected)
        #expect(answers[0].url == server.baseURL.appendingPathComponent("data"))
        #expect(answers[0].status == 200)
        #expect(answers[0].years == [2023])
        #expect(answers[0].body == Array(ClientFixtures.regk31Bulk.utf8))  // BULK: no byte-order mark
        #expect(abs(answers[0].received.timeIntervalSinceNow) < 60)
        #expect(lines.values == ["REGK31 2023: request 1 of 1, \(answers[0].body.count) B"])
    }

    @Test func budgetRequestUsesTheTableInfosSpellingAndCoversEveryVariable() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.budk32Info)])
        server.route("POST", "/v1/data", replies: [.bulk(ClientFixtures.regk31Bulk)])
        let client = ClientFixtures.client(server)

        _ = try client.fetch(.budk32, years: [2024, 2025])

        // The area variable is found by its municipality codes; "Funktion" is spelt as tableinfo
        // spells it; the extra eliminable variables get their total, or every value.
        let expected = #"{"table":"BUDK32","format":"BULK","lang":"da","valuePresentation":"Code","variables":["#
            + #"{"code":"REGION","values":["IALT"]},{"code":"KOMMUNE","values":["*"]},"#
            + #"{"code":"Funktion","values":["*"]},{"code":"DRANST","values":["1"]},"#
            + #"{"code":"ART","values":["TOT","S0"]},{"code":"PRISENHED","values":["LOBM"]},"#
            + #"{"code":"KILDE","values":["*"]},{"code":"Tid","values":["2024","2025"]}]}"#
        #expect(server.requests("POST", "/v1/data").map(\.text) == [expected])
    }

    @Test func populationRequestAsksForQuarterOne() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.folk1aInfo)])
        server.route("POST", "/v1/data", replies: [.bulk(ClientFixtures.folk1aBulk)])
        let client = ClientFixtures.client(server)

        let answers = try client.fetch(.folk1a, years: [2024])

        let expected = #"{"table":"FOLK1A","format":"BULK","lang":"da","valuePresentation":"Code","variables":["#
            + #"{"code":"OMRÅDE","values":["*"]},{"code":"KØN","values":["TOT"]},{"code":"ALDER","values":["*"]},"#
            + #"{"code":"CIVILSTAND","values":["TOT"]},{"code":"Tid","values":["2024K1"]}]}"#
        #expect(server.requests("POST", "/v1/data").map(\.text) == [expected])
        #expect(String(decoding: answers[0].body, as: UTF8.self).hasPrefix("OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD"))
    }

    @Test func aNeededValueMissingFromTheTableInfoIsNamed() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let withoutS0 = ClientFixtures.regk31Info.replacingOccurrences(of: #",{"id":"S0","text":"Art 0"}"#, with: "")
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(withoutS0)])
        let client = ClientFixtures.client(server)

        #expect(throws: FetchError.valueMissing(table: "REGK31", variable: "ART", value: "S0")) {
            try client.fetch(.regk31, years: [2023])
        }
        #expect(server.requests("POST", "/v1/data").isEmpty)
        let message = FetchError.valueMissing(table: "REGK31", variable: "ART", value: "S0").description
        #expect(message.contains("no value S0"))
    }

    // MARK: - years

    @Test func anUnknownYearListsTheAvailableYears() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        let client = ClientFixtures.client(server)

        do {
            _ = try client.fetch(.regk31, years: [2022, 2030])
            Issue.record("expected an error")
        } catch {
            #expect(error == .yearNotAvailable(table: "REGK31", year: 2030, available: [2021, 2022, 2023]))
            #expect(error.description == "REGK31 has no figures for 2030; the years available are 2021–2023")
        }
        #expect(server.requests("POST", "/v1/data").isEmpty)
    }

    @Test func populationYearsAreTheQuarterOneValues() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        // 2025K2 exists, 2025K1 does not: 2025 cannot be asked for.
        let info = ClientFixtures.folk1aInfo.replacingOccurrences(
            of: #"{"id":"2024K1","text":"2024K1"}"#,
            with: #"{"id":"2024K1","text":"2024K1"},{"id":"2025K2","text":"2025K2"}"#
        )
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(info)])
        let client = ClientFixtures.client(server)

        #expect(throws: FetchError.yearNotAvailable(table: "FOLK1A", year: 2025, available: [2023, 2024])) {
            try client.fetch(.folk1a, years: [2025])
        }
    }

    // MARK: - splitting

    @Test func bulkHasNoCellLimitSoManyYearsAreOneRequest() throws {
        // 120 areas × 355 functions × 2 arts = 85,200 rows a year; 30 years = 2.6 million: over
        // the CSV limit, but "Begrænsningen gælder ikke for de såkaldte bulk-formater".
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let info = ClientFixtures.largeAccountsInfo(areas: 120, functions: 355, years: Array(1994...2023))
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(info)])
        server.route("POST", "/v1/data", replies: [.bulk(ClientFixtures.regk31Bulk)])
        let client = ClientFixtures.client(server)

        let answers = try client.fetch(.regk31, years: Array(1994...2023))

        let sent = try server.requests("POST", "/v1/data").map { try ClientFixtures.selections($0.body) }
        #expect(sent.count == 1)
        #expect(sent.first?["Tid"] == (1994...2023).map(String.init))
        #expect(answers.map(\.years) == [Array(1994...2023)])
        #expect(answers.first?.requestBody.contains(#""format":"BULK""#) == true)
    }

    @Test func csvRequestsAreSplitCountingRowsTimesVariablesPlusOne() throws {
        // 85,200 rows a year × (6 variables + the value) = 596,400 cells: one year a request, where
        // counting rows alone (85,200 a year) would put 11 years in one and be refused.
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let info = ClientFixtures.largeAccountsInfo(areas: 120, functions: 355, years: Array(2021...2023))
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(info)])
        server.route("POST", "/v1/data", replies: [.csv(ClientFixtures.regk31Bulk)])
        let lines = ClientRecorder<String>()
        let client = ClientFixtures.client(server, format: .csv, progress: { lines.append($0) })

        let answers = try client.fetch(.regk31, years: Array(2021...2023))

        let sent = try server.requests("POST", "/v1/data").map { try ClientFixtures.selections($0.body) }
        #expect(sent.map { $0["Tid"] ?? [] } == [["2021"], ["2022"], ["2023"]])
        #expect(sent.allSatisfy { $0["FUNKTION"] == ["*"] })
        #expect(answers.allSatisfy { $0.requestBody.contains(#""format":"CSV""#) })
        #expect(lines.values.last?.hasPrefix("REGK31 2023: request 3 of 3, ") == true)
    }

    @Test func aCSVYearOverTheLimitIsSplitByFunctionInChunks() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        server.route("POST", "/v1/data", replies: [.csv(ClientFixtures.regk31Bulk)])
        // 4 areas × 3 functions × 2 arts = 24 rows a year; 112 cells ÷ (6 variables + 1) = 16 rows a request.
        let client = ClientFixtures.client(server, format: .csv, cellLimit: 112)

        let answers = try client.fetch(.regk31, years: [2022, 2023])

        let sent = try server.requests("POST", "/v1/data").map { try ClientFixtures.selections($0.body) }
        #expect(sent.map { $0["Tid"] ?? [] } == [["2022"], ["2022"], ["2023"], ["2023"]])
        #expect(sent.map { $0["FUNKTION"] ?? [] } == [["53850", "53838"], ["32201"], ["53850", "53838"], ["32201"]])
        #expect(sent.allSatisfy { $0["OMRÅDE"] == ["*"] && $0["ART"] == ["TOT", "S0"] })
        #expect(answers.count == 4)
        #expect(try client.requestBodies(.regk31, years: [2022, 2023], info: ClientFixtures.decodedRegk31()) == answers.map(\.requestBody))
    }

    @Test func requestLimitSplitsTheRequestAndSucceeds() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        // Refuses more than one year, or every function at once.
        server.route("POST", "/v1/data") { request in
            guard let selections = try? ClientFixtures.selections(request.body) else { return .badRequest("bad JSON") }
            if (selections["Tid"]?.count ?? 0) > 1 || selections["FUNKTION"] == ["*"] {
                return .requestLimit
            }
            return .bulk(ClientFixtures.regk31Bulk)
        }
        let lines = ClientRecorder<String>()
        let client = ClientFixtures.client(server, progress: { lines.append($0) })

        let answers = try client.fetch(.regk31, years: [2022, 2023])

        let sent = try server.requests("POST", "/v1/data").map { try ClientFixtures.selections($0.body) }
        // Both years; then 2022 with every function; then 2022's functions one by one; then 2023.
        #expect(sent.count == 1 + 1 + 3 + 1 + 3)
        #expect(answers.count == 6)
        let accepted = try answers.map { try ClientFixtures.selections(Array($0.requestBody.utf8)) }
        #expect(accepted.map { $0["Tid"] ?? [] } == [["2022"], ["2022"], ["2022"], ["2023"], ["2023"], ["2023"]])
        #expect(accepted.map { $0["FUNKTION"] ?? [] } == [["53850"], ["53838"], ["32201"], ["53850"], ["53838"], ["32201"]])
        #expect(lines.values.contains("REGK31 2022–2023: over Statistics Denmark's cell limit, splitting into 2 requests"))
        #expect(lines.values.last?.hasPrefix("REGK31 2023: request 6 of 6, ") == true)
    }

    @Test func requestLimitOnASingleCellFailsClearly() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.budk32Info)])
        server.route("POST", "/v1/data", replies: [.requestLimit])
        let client = ClientFixtures.client(server)

        do {
            _ = try client.fetch(.budk32, years: [2024, 2025])
            Issue.record("expected an error")
        } catch {
            guard case let .requestLimitReached(_, what, message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(what == "BUDK32 2024")
            #expect(message.hasPrefix("Forespørgslen overstiger"))
            #expect(error.description.contains("cannot be split further"))
        }
        // 2 years, then 2024 halved along each variable down to a single cell: 1 + 1 + 1 + 1 + 1.
        #expect(server.requests("POST", "/v1/data").count == 5)
    }

    @Test func anotherBadRequestFailsWithDSTsMessage() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        server.route("POST", "/v1/data", replies: [.badRequest("Variablen PRISENHED skal angives")])
        let client = ClientFixtures.client(server)

        do {
            _ = try client.fetch(.regk31, years: [2023])
            Issue.record("expected an error")
        } catch {
            #expect(error == .rejected(
                table: "REGK31", what: "REGK31 2023", code: "EXTRACT-NOTVALID", message: "Variablen PRISENHED skal angives"
            ))
            #expect(error.description
                == "Statistics Denmark refused the request for REGK31 2023 (EXTRACT-NOTVALID): Variablen PRISENHED skal angives")
        }
        #expect(server.requests("POST", "/v1/data").count == 1)  // not retried
    }

    // MARK: - retries

    @Test func aServerErrorIsRetriedWithBackoff() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        server.route("POST", "/v1/data", replies: [.serverError, .serverError, .bulk(ClientFixtures.regk31Bulk)])
        let sleeps = ClientRecorder<Double>()
        let lines = ClientRecorder<String>()
        let client = ClientFixtures.client(server, sleeps: sleeps, progress: { lines.append($0) })

        let answers = try client.fetch(.regk31, years: [2023])

        #expect(answers.count == 1)
        #expect(server.requests("POST", "/v1/data").count == 3)
        #expect(sleeps.values == [0.5, 1.0])
        #expect(lines.values.first
            == "REGK31 2023: request 1 of 1 failed (Statistics Denmark answered HTTP 500); trying again in 0.5 s (attempt 2 of 4)")
    }

    @Test func serverErrorsOnEveryAttemptGiveUpAfterFour() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        server.route("POST", "/v1/data", replies: [.serverError])
        let sleeps = ClientRecorder<Double>()
        let client = ClientFixtures.client(server, sleeps: sleeps)

        do {
            _ = try client.fetch(.regk31, years: [2023])
            Issue.record("expected an error")
        } catch {
            #expect(error == .gaveUp(
                table: "REGK31", what: "REGK31 2023", attempts: 4, problem: "Statistics Denmark answered HTTP 500"
            ))
            #expect(error.description.hasPrefix("could not fetch REGK31 2023 after 4 attempts: "))
        }
        #expect(server.requests("POST", "/v1/data").count == 4)
        #expect(sleeps.values == [0.5, 1.0, 2.0])
    }

    @Test func aTimeoutIsRetriedThenFailsClearly() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        server.route("POST", "/v1/data", replies: [LocalHTTPServer.Reply.bulk(ClientFixtures.regk31Bulk).delayed(3)])
        let sleeps = ClientRecorder<Double>()
        let client = ClientFixtures.client(server, timeout: 0.3, sleeps: sleeps)
        let start = Date()

        do {
            _ = try client.fetch(.regk31, years: [2023])
            Issue.record("expected an error")
        } catch {
            guard case let .gaveUp(_, what, attempts, problem) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(what == "REGK31 2023")
            #expect(attempts == 4)
            #expect(problem.hasPrefix("no answer from http://127.0.0.1:\(server.port)/v1/data within 0.3 s"))
            #expect(error.description.contains("after 4 attempts: no answer from"))
        }
        #expect(server.requests("POST", "/v1/data").count == 4)
        // The last three waits are the data request's (URLSession on Linux can stall a first
        // request for about a second when many start at once, so the tableinfo may be retried too).
        #expect(Array(sleeps.values.suffix(3)) == [0.5, 1.0, 2.0])
        #expect(Date().timeIntervalSince(start) < 4)
    }

    @Test func aCutBodyIsRetried() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        server.route("POST", "/v1/data", replies: [LocalHTTPServer.Reply.bulk(ClientFixtures.regk31Bulk).cut(), .bulk(ClientFixtures.regk31Bulk)])
        let sleeps = ClientRecorder<Double>()
        let client = ClientFixtures.client(server, sleeps: sleeps)

        let answers = try client.fetch(.regk31, years: [2023])

        #expect(answers.first?.body == Array(ClientFixtures.regk31Bulk.utf8))
        #expect(server.requests("POST", "/v1/data").count == 2)
        #expect(sleeps.values == [0.5])
    }

    @Test func aBodyCutEveryTimeFails() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        server.route("POST", "/v1/data", replies: [LocalHTTPServer.Reply.bulk(ClientFixtures.regk31Bulk).cut()])
        let client = ClientFixtures.client(server)

        do {
            _ = try client.fetch(.regk31, years: [2023])
            Issue.record("expected an error")
        } catch {
            guard case let .gaveUp(_, _, attempts, problem) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(attempts == 4)
            #expect(problem.contains("was cut short"))
        }
        #expect(server.requests("POST", "/v1/data").count == 4)
    }

    // MARK: - bad answers

    @Test func anHTMLPageInsteadOfCSVFails() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("POST", "/v1/tableinfo", replies: [ClientFixtures.tableInfo(ClientFixtures.regk31Info)])
        server.route("POST", "/v1/data", replies: [.html])
        let client = ClientFixtures.client(server)

        do {
            _ = try client.fetch(.regk31, years: [2023])
            Issue.record("expected an error")
        } catch {
            guard case let .notStatbankData(_, what, found) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(what == "REGK31 2023")
            #expect(found.hasPrefix("<!DOCTYPE html>"))
            #expect(error.description.hasPrefix("the answer for REGK31 2023 is not Statbank data (it begins \"<!DOCTYPE html>"))
        }
        #expect(server.requests("POST", "/v1/data").count == 1)
    }

    // MARK: - the transport itself

    @Test func transportReturnsStatusHeadersAndEveryByte() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("GET", "/v1/tableinfo/FOLK1A", replies: [ClientFixtures.tableInfo(ClientFixtures.folk1aInfo)])
        let transport = CurlTransport(timeout: 2)
        let url = URL(string: "\(server.baseURL.absoluteString)/tableinfo/FOLK1A?format=JSON&lang=da")!

        let response = try transport.send(HTTPRequest(method: "GET", url: url))

        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json; charset=utf-8")
        #expect(response.body == [0xEF, 0xBB, 0xBF] + Array(ClientFixtures.folk1aInfo.utf8))
        #expect(server.requests.first?.query == "format=JSON&lang=da")
        #expect(try TableInfo.decode(response.body).id == "FOLK1A")
    }

    @Test func transportReportsACutBody() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let reply = LocalHTTPServer.Reply.bulk(ClientFixtures.regk31Bulk)
        server.route("GET", "/cut", replies: [reply.cut(keeping: 0.5)])
        let transport = CurlTransport(timeout: 2)

        do {
            _ = try transport.send(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(server.port)/cut")!))
            Issue.record("expected an error")
        } catch {
            guard case let .bodyCutShort(_, expected, received) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(expected == reply.body.count)
            #expect(received == reply.body.count / 2)
            #expect(error.description.contains("was cut short"))
        }
    }

    @Test func transportReportsARefusedConnection() throws {
        let server = try LocalHTTPServer()
        let port = server.port
        server.stop()
        let transport = CurlTransport(timeout: 2)

        let error = #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(port)/v1")!))
        }
        guard case .connectionFailed = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(error?.description.hasPrefix("could not reach http://127.0.0.1:\(port)/v1") == true)
    }
}

/// Collects values from closures, safely across threads.
final class ClientRecorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Value] = []

    func append(_ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        collected.append(value)
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}

/// DST's formats, trimmed to a few values.
enum ClientFixtures {
    static func client(
        _ server: LocalHTTPServer, timeout: Double = 2, format: StatbankClient.DataFormat = .bulk,
        cellLimit: Int = StatbankClient.defaultCellLimit,
        sleeps: ClientRecorder<Double> = ClientRecorder(), progress: ((String) -> Void)? = nil
    ) -> StatbankClient {
        StatbankClient(
            baseURL: server.baseURL,
            transport: CurlTransport(timeout: timeout),
            retry: .init(sleep: { sleeps.append($0) }),
            format: format,
            cellLimit: cellLimit,
            progress: progress
        )
    }

    static func tableInfo(_ json: String) -> LocalHTTPServer.Reply {
        var reply = LocalHTTPServer.Reply.json(json)
        reply.body = [0xEF, 0xBB, 0xBF] + reply.body
        return reply
    }

    static func decodedRegk31() throws -> TableInfo {
        try TableInfo.decode(Array(regk31Info.utf8))
    }

    /// A request body's variables: code → values.
    static func selections(_ body: [UInt8]) throws -> [String: [String]] {
        let object = try #require(try jsonObject(body))
        let variables = try #require(object["variables"] as? [[String: Any]])
        var result: [String: [String]] = [:]
        for variable in variables {
            let code = try #require(variable["code"] as? String)
            result[code] = try #require(variable["values"] as? [String])
        }
        return result
    }

    static func jsonObject(_ body: [UInt8]) throws -> [String: Any]? {
        try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
    }

    static let folk1aInfo = #"""
    {"id":"FOLK1A","text":"Befolkningen den 1. i kvartalet efter område, køn, alder og civilstand","description":"Befolkningen den 1. i kvartalet efter område, køn, alder, civilstand og tid","unit":"Antal","suppressedDataValue":"0","updated":"2024-05-10T08:00:00","active":true,"contacts":[{"name":"Dorthe Larsen","phone":"+4539173307","mail":"dla@dst.dk"}],"documentation":{"id":"4a12721d-a8b0-4bde-82d7-1d1c6f319de3","url":"https://www.dst.dk/documentationofstatistics/4a12721d"},"footnote":null,"variables":[{"id":"OMRÅDE","text":"område","elimination":true,"time":false,"map":"denmark_municipality_07","values":[{"id":"000","text":"Hele landet"},{"id":"084","text":"Region Hovedstaden"},{"id":"101","text":"København"},{"id":"147","text":"Frederiksberg"},{"id":"411","text":"Christiansø"}]},{"id":"KØN","text":"køn","elimination":true,"time":false,"values":[{"id":"TOT","text":"I alt"},{"id":"1","text":"Mænd"},{"id":"2","text":"Kvinder"}]},{"id":"ALDER","text":"alder","elimination":true,"time":false,"values":[{"id":"IALT","text":"Alder i alt"},{"id":"0","text":"0 år"},{"id":"1","text":"1 år"},{"id":"125","text":"125 år"}]},{"id":"CIVILSTAND","text":"civilstand","elimination":true,"time":false,"values":[{"id":"TOT","text":"I alt"},{"id":"U","text":"Ugift"},{"id":"G","text":"Gift/separeret"}]},{"id":"Tid","text":"tid","elimination":false,"time":true,"values":[{"id":"2023K1","text":"2023K1"},{"id":"2023K2","text":"2023K2"},{"id":"2024K1","text":"2024K1"}]}]}
    """#

    static let regk31Info = #"""
    {"id":"REGK31","text":"Kommunernes regnskaber på hovedkonti","description":"Kommunernes regnskaber (1.000 kr.) efter område, funktion, dranst, art, prisenhed og tid","unit":"-","suppressedDataValue":"0","updated":"2024-06-28T08:00:00","active":true,"contacts":[],"footnote":{"text":"Tal for hele landet er summen af kommunerne.","mandatory":false},"variables":[{"id":"OMRÅDE","text":"område","elimination":true,"time":false,"map":"denmark_municipality_07","values":[{"id":"0","text":"Hele landet"},{"id":"101","text":"København"},{"id":"147","text":"Frederiksberg"},{"id":"851","text":"Aalborg"}]},{"id":"FUNKTION","text":"funktion","elimination":true,"time":false,"values":[{"id":"53850","text":"5.38.50 Botilbud til længerevarende ophold (§ 108)"},{"id":"53838","text":"5.38.38 Sociale formål"},{"id":"32201","text":"3.22.01 Folkeskoler"}]},{"id":"DRANST","text":"dranst","elimination":true,"time":false,"values":[{"id":"1","text":"1 Driftskonti"},{"id":"2","text":"2 Statsrefusion"},{"id":"3","text":"3 Anlægskonti"}]},{"id":"ART","text":"art","elimination":true,"time":false,"values":[{"id":"TOT","text":"Ialt (netto)"},{"id":"UE","text":"Udgifter"},{"id":"S0","text":"Art 0"}]},{"id":"PRISENHED","text":"prisenhed","elimination":false,"time":false,"values":[{"id":"LOBM","text":"1.000 kr., løbende priser"},{"id":"INDL","text":"Kr. pr. indbygger, løbende priser"}]},{"id":"Tid","text":"tid","elimination":false,"time":true,"values":[{"id":"2021","text":"2021"},{"id":"2022","text":"2022"},{"id":"2023","text":"2023"}]}]}
    """#

    /// BUDK32 with its area variable named differently, "Funktion" in other letters, and two
    /// variables rdr does not use: one with a total, one without.
    static let budk32Info = #"""
    {"id":"BUDK32","text":"Kommunernes budgetter","unit":"-","updated":"2025-03-01T08:00:00","variables":[{"id":"REGION","text":"region","elimination":true,"time":false,"values":[{"id":"IALT","text":"I alt"},{"id":"084","text":"Region Hovedstaden"}]},{"id":"KOMMUNE","text":"kommune","elimination":true,"time":false,"values":[{"id":"0","text":"Hele landet"},{"id":"101","text":"København"}]},{"id":"Funktion","text":"funktion","elimination":true,"time":false,"values":[{"id":"53850","text":"5.38.50"}]},{"id":"DRANST","text":"dranst","elimination":true,"time":false,"values":[{"id":"1","text":"1 Driftskonti"}]},{"id":"ART","text":"art","elimination":true,"time":false,"values":[{"id":"TOT","text":"Ialt (netto)"},{"id":"S0","text":"Art 0"}]},{"id":"PRISENHED","text":"prisenhed","elimination":false,"time":false,"values":[{"id":"LOBM","text":"1.000 kr."}]},{"id":"KILDE","text":"kilde","elimination":true,"time":false,"values":[{"id":"B","text":"Budget"},{"id":"O","text":"Overslag"}]},{"id":"Tid","text":"tid","time":true,"values":[{"id":"2024","text":"2024"},{"id":"2025","text":"2025"}]}]}
    """#

    /// REGK31 with many areas, functions and years, for the cell count.
    static func largeAccountsInfo(areas: Int, functions: Int, years: [Int]) -> String {
        func values(_ ids: [String]) -> String {
            ids.map { #"{"id":"\#($0)","text":"\#($0)"}"# }.joined(separator: ",")
        }
        let areaIDs = ["0", "101"] + (0..<(areas - 2)).map { String(102 + $0) }
        let functionIDs = (0..<functions).map { String(10_000 + $0) }
        return #"{"id":"REGK31","text":"Kommunernes regnskaber","variables":["#
            + #"{"id":"OMRÅDE","text":"område","elimination":true,"time":false,"values":[\#(values(areaIDs))]},"#
            + #"{"id":"FUNKTION","text":"funktion","elimination":true,"time":false,"values":[\#(values(functionIDs))]},"#
            + #"{"id":"DRANST","text":"dranst","elimination":true,"time":false,"values":[\#(values(["1", "2"]))]},"#
            + #"{"id":"ART","text":"art","elimination":true,"time":false,"values":[\#(values(["TOT", "UE", "S0"]))]},"#
            + #"{"id":"PRISENHED","text":"prisenhed","elimination":false,"time":false,"values":[\#(values(["LOBM", "INDL"]))]},"#
            + #"{"id":"Tid","text":"tid","elimination":false,"time":true,"values":[\#(values(years.map(String.init)))]}]}"#
    }

    /// A BULK answer with codes (valuePresentation=Code): semicolons, decimal comma, ".." missing.
    static let regk31Bulk = """
    OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\r
    101;53850;1;TOT;LOBM;2023;1234567,0\r
    101;53850;1;S0;LOBM;2023;2345,5\r
    147;53850;1;TOT;LOBM;2023;..\r
    147;53850;1;S0;LOBM;2023;0\r

    """

    static let folk1aBulk = """
    OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD\r
    101;TOT;0;TOT;2024K1;7684\r
    101;TOT;1;TOT;2024K1;7201\r
    147;TOT;0;TOT;2024K1;1003\r

    """
}
