// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The simulator's JSON API over real TLS: the contract's signature vectors, every 401 rule with a correctly
// signed negative control, the nonce replay cache, key scopes, signed responses, HTTP framing errors on the
// wire, keep-alive and the API faults.
#include "simulators/ApiTestSupport.h"
#include "simulators/TlsSimulatorServer.h"
#include "simulators/acquirer/api/ApiSignature.h"
#include "support/TestSupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pos;
using namespace pos::sim;
using namespace pos::test;
using namespace Qt::StringLiterals;

namespace {

// A signed GET that any installer-key request may make: answered 404 APPLICATION_UNKNOWN when it passes.
const QByteArray probeTarget = "/v1/onboarding/applications/A99999999";

} // namespace

class tst_ApiAuth final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signatureVectorsMatchTheContract();
    void refusesBadAuthentication_data();
    void refusesBadAuthentication();
    void timestampAtTheWindowEdgePasses();
    void replayedNonceIsRefused();
    void badSignatureDoesNotBurnTheNonce();
    void nonceIsForgottenAfterTenMinutes();
    void noncesAreCountedPerKey();
    void installerKeyScope_data();
    void installerKeyScope();
    void malformedHttpIsAnsweredAndClosed_data();
    void malformedHttpIsAnsweredAndClosed();
    void keepAliveAndConnectionClose();
    void faultsChangeSelectedCalls_data();
    void faultsChangeSelectedCalls();
    void delayFaultHoldsTheAnswer();

private:
    std::unique_ptr<ApiFixture> m_fixture;
    qint64 m_now = 0;
};

void tst_ApiAuth::init()
{
    m_fixture = std::make_unique<ApiFixture>();
    m_now = 1'795'000'000'000;
    m_fixture->config.clock = [this] { return m_now; };
    QVERIFY(m_fixture->start());
}

void tst_ApiAuth::cleanup()
{
    m_fixture.reset();
}

void tst_ApiAuth::signatureVectorsMatchTheContract()
{
    const QByteArray nonce = "0123456789abcdef0123456789abcdef";
    const QByteArray requestBody = R"({"amountFen":100,"outTradeNo":"T1"})";
    QCOMPARE(apiBodyHashHex(requestBody),
             QByteArray("77341cb580e0723f7d1bdaa34f8511b744a35c87c5398a7406f2e20910f7a4c5"));
    const QByteArray request = apiSignatureHex(
        installerSecret, apiRequestCanonical("POST", "/v1/qr/pay", "1795000000000", nonce, requestBody));
    QCOMPARE(request, QByteArray("daa0fb6d1a8f0fd8bbd1e1af550d66aea4a7b58ab3a2e2f00de1975ec2454d9b"));
    QCOMPARE(testRequestSignature(installerSecret, "POST", "/v1/qr/pay", "1795000000000", nonce, requestBody),
             request);

    const QByteArray responseBody = R"({"status":"PAID"})";
    QCOMPARE(apiBodyHashHex(responseBody),
             QByteArray("a9e80df314fe077d2eb47e2006807f1941e426381fdea9cc6f28682cd07fd25e"));
    const QByteArray response = apiSignatureHex(
        installerSecret, apiResponseCanonical(200, "/v1/qr/pay", "1795000000123", nonce, responseBody));
    QCOMPARE(response, QByteArray("d3e89e39ce9db5d7bbb7e4cc433d1c2e599e37ea5f666bc7bd9ad6ba2a381670"));
    QCOMPARE(testResponseSignature(installerSecret, 200, "/v1/qr/pay", "1795000000123", nonce, responseBody),
             response);
    QCOMPARE(apiBodyHashHex(QByteArray()),
             QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

void tst_ApiAuth::refusesBadAuthentication_data()
{
    QTest::addColumn<QByteArray>("keyId");
    QTest::addColumn<QByteArray>("timestamp"); // empty: now
    QTest::addColumn<QByteArray>("nonce");     // empty: fresh
    QTest::addColumn<QByteArray>("signature"); // empty: correct
    QTest::addColumn<QByteArray>("signedPath");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("signedAnswer");

    const QByteArray wrongSignature(64, 'a');
    QTest::newRow("unknown key") << QByteArray("nobody") << QByteArray() << QByteArray() << QByteArray()
                                 << QByteArray() << u"KEY_UNKNOWN"_qs << false;
    QTest::newRow("no key id") << QByteArray() << QByteArray() << QByteArray() << QByteArray() << QByteArray()
                               << u"KEY_UNKNOWN"_qs << false;
    QTest::newRow("timestamp 300.001 s old")
        << QByteArray("demo-installer") << QByteArray("1794999699999") << QByteArray() << QByteArray()
        << QByteArray() << u"TIMESTAMP_SKEW"_qs << true;
    QTest::newRow("timestamp 300.001 s ahead")
        << QByteArray("demo-installer") << QByteArray("1795000300001") << QByteArray() << QByteArray()
        << QByteArray() << u"TIMESTAMP_SKEW"_qs << true;
    QTest::newRow("timestamp not decimal")
        << QByteArray("demo-installer") << QByteArray("17950000000x0") << QByteArray() << QByteArray()
        << QByteArray() << u"TIMESTAMP_SKEW"_qs << true;
    QTest::newRow("wrong signature") << QByteArray("demo-installer") << QByteArray() << QByteArray()
                                     << wrongSignature << QByteArray() << u"SIGNATURE_INVALID"_qs << true;
    QTest::newRow("upper-case signature")
        << QByteArray("demo-installer") << QByteArray() << QByteArray() << QByteArray("UPPER") << QByteArray()
        << u"SIGNATURE_INVALID"_qs << true;
    QTest::newRow("signature over another path")
        << QByteArray("demo-installer") << QByteArray() << QByteArray() << QByteArray()
        << QByteArray("/v1/onboarding/applications/A1") << u"SIGNATURE_INVALID"_qs << true;
    QTest::newRow("nonce not 32 hex") << QByteArray("demo-installer") << QByteArray() << QByteArray("0123")
                                      << QByteArray() << QByteArray() << u"SIGNATURE_INVALID"_qs << true;
}

// Each refusal, then the same request correctly signed (fresh nonce) passes: 404 APPLICATION_UNKNOWN, signed.
void tst_ApiAuth::refusesBadAuthentication()
{
    QFETCH(QByteArray, keyId);
    QFETCH(QByteArray, timestamp);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, signature);
    QFETCH(QByteArray, signedPath);
    QFETCH(QString, code);
    QFETCH(bool, signedAnswer);

    auto client = m_fixture->client();
    client->clock = [this] { return m_now; };
    client->keyId = keyId;
    ApiTestClient::Overrides overrides;
    if (!timestamp.isEmpty())
        overrides.timestamp = timestamp;
    if (!nonce.isEmpty())
        overrides.nonce = nonce;
    if (signature == "UPPER") {
        const QByteArray ts = QByteArray::number(m_now);
        overrides.timestamp = ts;
        overrides.nonce = freshNonce();
        overrides.signature =
            testRequestSignature(installerSecret, "GET", probeTarget, ts, *overrides.nonce, {}).toUpper();
    } else if (!signature.isEmpty()) {
        overrides.signature = signature;
    }
    overrides.signedPath = signedPath;
    const ApiTestResponse refused = client->send("GET", probeTarget, {}, overrides);
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.errorCode(), code);
    QCOMPARE(client->responseVerifies(refused), signedAnswer);
    QCOMPARE(refused.header("X-Pos-Signature").isEmpty(), !signedAnswer);

    client->keyId = "demo-installer";
    const ApiTestResponse passed = client->send("GET", probeTarget);
    QCOMPARE(passed.status, 404);
    QCOMPARE(passed.errorCode(), u"APPLICATION_UNKNOWN"_qs);
    QVERIFY(client->responseVerifies(passed));
    QCOMPARE(passed.header("X-Pos-Timestamp"), QByteArray::number(m_now));
}

void tst_ApiAuth::timestampAtTheWindowEdgePasses()
{
    auto client = m_fixture->client();
    for (const qint64 offset : {-300'000LL, 300'000LL}) {
        ApiTestClient::Overrides overrides;
        overrides.timestamp = QByteArray::number(m_now + offset);
        QCOMPARE(client->send("GET", probeTarget, {}, overrides).status, 404);
    }
}

void tst_ApiAuth::replayedNonceIsRefused()
{
    auto client = m_fixture->client();
    client->clock = [this] { return m_now; };
    ApiTestClient::Overrides overrides;
    overrides.nonce = freshNonce();
    QCOMPARE(client->send("GET", probeTarget, {}, overrides).status, 404);
    m_now += 1000;
    const ApiTestResponse replayed = client->send("GET", probeTarget, {}, overrides);
    QCOMPARE(replayed.status, 401);
    QCOMPARE(replayed.errorCode(), u"NONCE_REPLAYED"_qs);
    QVERIFY(client->responseVerifies(replayed));
    overrides.nonce = freshNonce();
    QCOMPARE(client->send("GET", probeTarget, {}, overrides).status, 404);
}

void tst_ApiAuth::badSignatureDoesNotBurnTheNonce()
{
    auto client = m_fixture->client();
    ApiTestClient::Overrides overrides;
    overrides.nonce = freshNonce();
    overrides.signature = QByteArray(64, '0');
    QCOMPARE(client->send("GET", probeTarget, {}, overrides).errorCode(), u"SIGNATURE_INVALID"_qs);
    overrides.signature.reset();
    QCOMPARE(client->send("GET", probeTarget, {}, overrides).status, 404);
}

void tst_ApiAuth::nonceIsForgottenAfterTenMinutes()
{
    auto client = m_fixture->client();
    client->clock = [this] { return m_now; };
    ApiTestClient::Overrides overrides;
    overrides.nonce = freshNonce();
    QCOMPARE(client->send("GET", probeTarget, {}, overrides).status, 404);
    m_now += 600'000;
    QCOMPARE(client->send("GET", probeTarget, {}, overrides).errorCode(), u"NONCE_REPLAYED"_qs);
    m_now += 1;
    QCOMPARE(client->send("GET", probeTarget, {}, overrides).status, 404);
}

void tst_ApiAuth::noncesAreCountedPerKey()
{
    const QByteArray terminalSecret(32, '\x42');
    QVERIFY(m_fixture->addTerminalKey(u"term-1"_qs, terminalSecret, u"20000001"_qs, u"898100000000001"_qs));
    auto client = m_fixture->client();
    ApiTestClient::Overrides overrides;
    overrides.nonce = freshNonce();
    QCOMPARE(client->send("GET", probeTarget, {}, overrides).status, 404);
    client->keyId = "term-1";
    client->secret = terminalSecret;
    const ApiTestResponse other = client->send("GET", probeTarget, {}, overrides);
    QCOMPARE(other.status, 404);
    QVERIFY(client->responseVerifies(other)); // signed with the terminal's secret
}

void tst_ApiAuth::installerKeyScope_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("qr pay") << QByteArray("POST") << QByteArray("/v1/qr/pay") << 403 << u"KEY_SCOPE"_qs;
    QTest::newRow("qr bill") << QByteArray("GET") << QByteArray("/v1/qr/bill?date=2026-01-01") << 403
                             << u"KEY_SCOPE"_qs;
    QTest::newRow("other terminal call")
        << QByteArray("POST") << QByteArray("/v1/terminals/deactivate") << 403 << u"KEY_SCOPE"_qs;
    QTest::newRow("activation allowed")
        << QByteArray("POST") << QByteArray("/v1/terminals/activate") << 400 << u"FIELD_INVALID"_qs;
    QTest::newRow("onboarding allowed")
        << QByteArray("POST") << QByteArray("/v1/onboarding/applications") << 400 << u"FIELD_INVALID"_qs;
}

void tst_ApiAuth::installerKeyScope()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QString, code);
    auto client = m_fixture->client();
    const ApiTestResponse response =
        client->send(method, target, method == "POST" ? QByteArray("{}") : QByteArray());
    QCOMPARE(response.status, status);
    QCOMPARE(response.errorCode(), code);
    QVERIFY(client->responseVerifies(response));
}

void tst_ApiAuth::malformedHttpIsAnsweredAndClosed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("bad request line") << QByteArray("HELLO\r\n\r\n") << 400;
    QTest::newRow("chunked body") << QByteArray(
                                         "POST /v1/qr/pay HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                  << 501;
    QTest::newRow("no Content-Length") << QByteArray("POST /v1/qr/pay HTTP/1.1\r\nHost: a\r\n\r\n") << 411;
    QTest::newRow("body above 12 MiB")
        << QByteArray("POST /v1/qr/pay HTTP/1.1\r\nContent-Length: 12582913\r\n\r\n") << 413;
    QTest::newRow("header block above 16 KiB")
        << QByteArray("GET / HTTP/1.1\r\nX-Fill: " + QByteArray(17 * 1024, 'x') + "\r\n\r\n") << 431;
}

void tst_ApiAuth::malformedHttpIsAnsweredAndClosed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    auto client = m_fixture->client();
    const ApiTestResponse response = client->sendRaw(bytes);
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QVERIFY(response.header("X-Pos-Signature").isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return client->isClosed(); }, 5000));
}

void tst_ApiAuth::keepAliveAndConnectionClose()
{
    auto client = m_fixture->client();
    QCOMPARE(client->send("GET", probeTarget).status, 404);
    QCOMPARE(client->send("GET", probeTarget).status, 404);
    const int accepted = m_fixture->server->tlsServer().acceptedConnectionCount();
    QCOMPARE(accepted, 1);
    QVERIFY(!client->isClosed());
    ApiTestClient::Overrides close;
    close.extraHeaders = {{"Connection", "close"}};
    const ApiTestResponse last = client->send("GET", probeTarget, {}, close);
    QCOMPARE(last.status, 404);
    QCOMPARE(last.header("Connection"), QByteArray("close"));
    QVERIFY(QTest::qWaitFor([&] { return client->isClosed(); }, 5000));
    QCOMPARE(m_fixture->server->tlsServer().acceptedConnectionCount(), accepted);
}

void tst_ApiAuth::faultsChangeSelectedCalls_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("status"); // 0: connection closed without an answer
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("verifies");
    QTest::newRow("http-500") << u"http-500"_qs << 500 << u"SYSTEM_ERROR"_qs << true;
    QTest::newRow("http-503-after") << u"http-503-after"_qs << 503 << u"SYSTEM_BUSY"_qs << true;
    QTest::newRow("bad-signature") << u"bad-signature"_qs << 400 << u"FIELD_INVALID"_qs << false;
    QTest::newRow("drop-request") << u"drop-request"_qs << 0 << QString() << false;
    QTest::newRow("drop-response") << u"drop-response"_qs << 0 << QString() << false;
}

// A selected call (POST /v1/terminals/activate) gets the fault; an unselected one (GET under onboarding) not.
void tst_ApiAuth::faultsChangeSelectedCalls()
{
    QFETCH(QString, fault);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(bool, verifies);
    m_fixture->stop();
    m_fixture->config.faults.rules = parseApiFaultSpec(QString(fault + u":1"_qs)).value();
    QVERIFY(m_fixture->start());
    auto client = m_fixture->client();
    const ApiTestResponse unselected = client->send("GET", probeTarget);
    QCOMPARE(unselected.status, 404);
    QVERIFY(client->responseVerifies(unselected));

    const ApiTestResponse selected = client->send("POST", "/v1/terminals/activate", "{}", {}, 3000);
    QCOMPARE(selected.status, status);
    QCOMPARE(selected.errorCode(), code);
    QCOMPARE(client->responseVerifies(selected), verifies);
    if (status == 0)
        QVERIFY(client->isClosed());
}

void tst_ApiAuth::delayFaultHoldsTheAnswer()
{
    m_fixture->stop();
    m_fixture->config.faults.rules = {{ApiFaultKind::Delay, 1.0}};
    m_fixture->config.faults.delay = std::chrono::milliseconds(400);
    QVERIFY(m_fixture->start());
    auto client = m_fixture->client();
    QElapsedTimer timer;
    timer.start();
    const ApiTestResponse delayed = client->send("POST", "/v1/terminals/activate", "{}");
    QVERIFY2(timer.elapsed() >= 380, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(delayed.status, 400);
    QVERIFY(client->responseVerifies(delayed));
}

QTEST_GUILESS_MAIN(tst_ApiAuth)
#include "tst_api_auth.moc"
