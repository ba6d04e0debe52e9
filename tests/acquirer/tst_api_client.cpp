// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// ApiClient against a real HTTPS server on 127.0.0.1 (FakeApiServer: TlsSimulatorServer with SimulatorPki
// certificates): signed requests, the outcome classes (Definite, NotSent, Unknown) for each way an answer can
// go wrong, CA pinning, the per-call time budget, and the typed QR and onboarding calls.
#include "acquirer/FakeApiServer.h"
#include "acquirer/api/ActivationClient.h"
#include "acquirer/api/ApiClient.h"
#include "acquirer/api/OnboardingClient.h"
#include "acquirer/api/QrClient.h"
#include "support/TestSupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace pos;
using namespace pos::acquirer;
using namespace pos::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray paidBody =
    R"({"outTradeNo":"T1","status":"PAID","amountFen":100,"channel":"wechat","transactionId":"42","paidAtMs":1})";

template <typename T>
struct Captured
{
    std::optional<Result<T>> result;
    int calls = 0;
    std::function<void(Result<T>)> callback()
    {
        return [this](Result<T> r) {
            ++calls;
            result.emplace(std::move(r));
        };
    }
    bool wait(int ms = 10000)
    {
        return QTest::qWaitFor([this] { return calls > 0; }, ms);
    }
};

} // namespace

class tst_ApiClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signedRoundTrip();
    void outcomeClasses_data();
    void outcomeClasses();
    void wrongCaIsNotSent();
    void connectionRefusedIsNotSent();
    void timeoutIsUnknownWithinBudget();
    void handshakeNeverCompletingIsNotSent();
    void queryStringIsSigned();
    void typedQrPay();
    void typedRefusalAndUnreadableBody();
    void onboardingRefusesLocally();
    void applicationStatusAndResubmission();
    void activationKeepsTheTmkWrapped();

private:
    ApiConfig configFor(quint16 port) const;

    sim::IssuedCertificate m_ca;
    sim::IssuedCertificate m_otherCa;
    sim::IssuedCertificate m_server;
};

void tst_ApiClient::initTestCase()
{
    auto ca = sim::createCertificateAuthority(u"Test Acquirer CA"_qs, {});
    auto otherCa = sim::createCertificateAuthority(u"Other CA"_qs, {});
    POS_VERIFY_RESULT(ca);
    POS_VERIFY_RESULT(otherCa);
    m_ca = ca.value();
    m_otherCa = otherCa.value();
    sim::CertificateSpec spec;
    spec.commonName = u"api"_qs;
    spec.ipAddresses = {u"127.0.0.1"_qs};
    auto server = sim::issueServerCertificate(m_ca, spec);
    POS_VERIFY_RESULT(server);
    m_server = server.value();
}

ApiConfig tst_ApiClient::configFor(quint16 port) const
{
    ApiConfig config;
    config.baseUrl = QUrl(u"https://127.0.0.1:%1"_qs.arg(port));
    config.pinnedCa = {m_ca.certificate};
    config.keyId = demoInstallerKeyId();
    config.secret = demoInstallerSecret();
    // Generous: the machine running the tests may be busy; timeoutIsUnknownWithinBudget sets its own.
    config.onboardingTimeoutMs = 8000;
    config.qrTimeoutMs = 8000;
    return config;
}

void tst_ApiClient::signedRoundTrip()
{
    FakeApiServer server(m_server, demoInstallerSecret().bytes());
    QVERIFY(server.listen());
    server.script("/v1/qr/pay", {{200, paidBody}});
    ApiClient client(configFor(server.port()));
    Captured<ApiResponse> captured;
    ApiRequest request;
    request.path = u"/v1/qr/pay"_qs;
    request.body = R"({"amountFen":100,"outTradeNo":"T1"})";
    client.call(request, this, captured.callback());
    QCOMPARE(captured.calls, 0); // never synchronously
    QVERIFY(captured.wait());
    POS_VERIFY_RESULT(*captured.result);
    QCOMPARE(captured.result->value().status, 200);
    QCOMPARE(captured.result->value().body, paidBody);
    QCOMPARE(server.requests().size(), 1);
    const FakeApiRequest& sent = server.requests().first();
    QVERIFY(sent.signatureValid);
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.headers.value("x-pos-key-id"), QByteArray("demo-installer"));
    QCOMPARE(sent.headers.value("x-pos-nonce").size(), 32);
    QCOMPARE(sent.headers.value("content-type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(sent.headers.value("connection").toLower(), QByteArray("close"));
    QCOMPARE(sent.body, request.body);
}

void tst_ApiClient::outcomeClasses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("expected"); // ApiOutcome
    QTest::addColumn<QString>("errorCode");
    using Mode = FakeApiReply::Mode;
    const int definite = int(ApiOutcome::Definite);
    const int unknown = int(ApiOutcome::Unknown);
    QTest::newRow("200 signed") << 200 << paidBody << int(Mode::Signed) << definite << QString();
    QTest::newRow("404 signed") << 404 << FakeApiServer::errorBody("ORDER_NOT_EXIST") << int(Mode::Signed)
                                << definite << u"ORDER_NOT_EXIST"_qs;
    QTest::newRow("409 signed") << 409 << FakeApiServer::errorBody("ORDER_PAID") << int(Mode::Signed)
                                << definite << u"ORDER_PAID"_qs;
    QTest::newRow("500") << 500 << FakeApiServer::errorBody("SYSTEM_ERROR") << int(Mode::Signed) << unknown
                         << QString();
    QTest::newRow("503") << 503 << QByteArray() << int(Mode::Signed) << unknown << QString();
    QTest::newRow("200 bad signature") << 200 << paidBody << int(Mode::BadSignature) << unknown << QString();
    QTest::newRow("200 nonce mismatch") << 200 << paidBody << int(Mode::WrongNonce) << unknown << QString();
    QTest::newRow("200 unsigned") << 200 << paidBody << int(Mode::Unsigned) << unknown << QString();
    QTest::newRow("401 unsigned KEY_UNKNOWN")
        << 401 << FakeApiServer::errorBody("KEY_UNKNOWN") << int(Mode::Unsigned) << unknown << QString();
    QTest::newRow("401 NONCE_REPLAYED")
        << 401 << FakeApiServer::errorBody("NONCE_REPLAYED") << int(Mode::Signed) << unknown << QString();
    QTest::newRow("302 redirect") << 302 << QByteArray() << int(Mode::Signed) << unknown << QString();
    QTest::newRow("no Content-Length") << 200 << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{}")
                                       << int(Mode::Raw) << unknown << QString();
    QTest::newRow("chunked")
        << 200 << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
        << int(Mode::Raw) << unknown << QString();
    QTest::newRow("body cut short") << 200 << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{}")
                                    << int(Mode::Raw) << unknown << QString();
    QTest::newRow("garbage status line") << 200 << QByteArray("HTTP/1.1 2OO OK\r\nContent-Length: 0\r\n\r\n")
                                         << int(Mode::Raw) << unknown << QString();
    QTest::newRow("connection dropped after request")
        << 200 << paidBody << int(Mode::Drop) << unknown << QString();
}

void tst_ApiClient::outcomeClasses()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, mode);
    QFETCH(int, expected);
    QFETCH(QString, errorCode);
    FakeApiServer server(m_server, demoInstallerSecret().bytes());
    QVERIFY(server.listen());
    server.script("/v1/qr/query", {{status, body, static_cast<FakeApiReply::Mode>(mode)}});
    ApiClient client(configFor(server.port()));
    Captured<ApiResponse> captured;
    ApiRequest request;
    request.path = u"/v1/qr/query"_qs;
    request.body = R"({"outTradeNo":"T1"})";
    client.call(request, this, captured.callback());
    QVERIFY(captured.wait());
    const Result<ApiResponse>& result = *captured.result;
    const ApiOutcome outcome = result ? ApiOutcome::Definite : apiOutcomeOf(result.error());
    QCOMPARE(int(outcome), expected);
    if (result) {
        QCOMPARE(result.value().status, status);
        QCOMPARE(result.value().errorCode(), errorCode);
    } else {
        QCOMPARE(result.error().code, ErrorCode::OutcomeUnknown);
        QVERIFY(!result.error().detail.contains(QString::fromLatin1(demoInstallerSecret().bytes().toHex())));
    }
    QCOMPARE(server.countOf("/v1/qr/query"), 1);
}

void tst_ApiClient::wrongCaIsNotSent()
{
    FakeApiServer server(m_server, demoInstallerSecret().bytes());
    QVERIFY(server.listen());
    server.script("/v1/qr/pay", {{200, paidBody}});
    ApiConfig config = configFor(server.port());
    config.pinnedCa = {m_otherCa.certificate};
    ApiClient client(config);
    Captured<ApiResponse> captured;
    ApiRequest request;
    request.path = u"/v1/qr/pay"_qs;
    request.body = "{}";
    client.call(request, this, captured.callback());
    QVERIFY(captured.wait());
    QVERIFY(!*captured.result);
    QCOMPARE(captured.result->error().code, ErrorCode::NetworkFailure);
    QCOMPARE(apiOutcomeOf(captured.result->error()), ApiOutcome::NotSent);
    QCOMPARE(server.requests().size(), 0);
}

void tst_ApiClient::connectionRefusedIsNotSent()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    } // closed: nothing listens there now
    ApiClient client(configFor(port));
    Captured<ApiResponse> captured;
    ApiRequest request;
    request.path = u"/v1/qr/pay"_qs;
    client.call(request, this, captured.callback());
    QVERIFY(captured.wait());
    QVERIFY(!*captured.result);
    QCOMPARE(apiOutcomeOf(captured.result->error()), ApiOutcome::NotSent);
}

void tst_ApiClient::timeoutIsUnknownWithinBudget()
{
    FakeApiServer server(m_server, demoInstallerSecret().bytes());
    QVERIFY(server.listen());
    server.script("/v1/qr/pay", {{200, paidBody, FakeApiReply::Mode::Silent}});
    ApiConfig config = configFor(server.port());
    config.qrTimeoutMs = 1500;
    ApiClient client(config);
    Captured<ApiResponse> captured;
    ApiRequest request;
    request.path = u"/v1/qr/pay"_qs;
    request.body = "{}";
    QElapsedTimer elapsed;
    elapsed.start();
    client.call(request, this, captured.callback());
    QVERIFY(captured.wait());
    QVERIFY(!*captured.result);
    QCOMPARE(apiOutcomeOf(captured.result->error()), ApiOutcome::Unknown);
    QVERIFY2(elapsed.elapsed() >= 1400 && elapsed.elapsed() < 8000,
             qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(server.countOf("/v1/qr/pay"), 1);
}

// A peer that accepts TCP but never speaks TLS: the budget runs out before the handshake completed, so the
// request was never written.
void tst_ApiClient::handshakeNeverCompletingIsNotSent()
{
    QTcpServer mute;
    QVERIFY(mute.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket*> accepted;
    connect(&mute, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket* socket = mute.nextPendingConnection())
            accepted.append(socket);
    });
    ApiConfig config = configFor(mute.serverPort());
    config.qrTimeoutMs = 1500;
    ApiClient client(config);
    Captured<ApiResponse> captured;
    ApiRequest request;
    request.path = u"/v1/qr/pay"_qs;
    request.body = "{}";
    client.call(request, this, captured.callback());
    QVERIFY(captured.wait());
    QVERIFY(!*captured.result);
    QCOMPARE(apiOutcomeOf(captured.result->error()), ApiOutcome::NotSent);
    QCOMPARE(accepted.size(), 1);
    QVERIFY(!accepted.first()->readAll().contains("/v1/qr/pay"));
}

void tst_ApiClient::queryStringIsSigned()
{
    FakeApiServer server(m_server, demoInstallerSecret().bytes());
    QVERIFY(server.listen());
    server.script("/v1/qr/bill?date=2026-11-22", {{200, R"({"date":"2026-11-22","orders":[]})"}});
    ApiClient client(configFor(server.port()));
    QrClient qr(client);
    Captured<ApiAnswer<QrBill>> captured;
    qr.bill(QDate(2026, 11, 22), this, captured.callback());
    QVERIFY(captured.wait());
    POS_VERIFY_RESULT(*captured.result);
    QVERIFY(captured.result->value().succeeded());
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().method, QByteArray("GET"));
    QVERIFY(server.requests().first().signatureValid);
    QVERIFY(server.requests().first().body.isEmpty());
}

void tst_ApiClient::typedQrPay()
{
    FakeApiServer server(m_server, demoInstallerSecret().bytes());
    QVERIFY(server.listen());
    server.script("/v1/qr/pay", {{200, paidBody}});
    ApiClient client(configFor(server.port()));
    QrClient qr(client);
    Captured<ApiAnswer<QrOrderResult>> captured;
    qr.pay(u"T1"_qs, 100, u"134567890123456780"_qs, u"goods"_qs, this, captured.callback());
    QVERIFY(captured.wait());
    POS_VERIFY_RESULT(*captured.result);
    QCOMPARE(captured.result->value().value->status, QrOrderStatus::Paid);
    QCOMPARE(captured.result->value().value->transactionId, u"42"_qs);
    const QJsonObject sent = QJsonDocument::fromJson(server.requests().first().body).object();
    QCOMPARE(sent.value(u"outTradeNo"_qs).toString(), u"T1"_qs);
    QCOMPARE(sent.value(u"amountFen"_qs).toInteger(), 100);
    QCOMPARE(sent.value(u"authCode"_qs).toString(), u"134567890123456780"_qs);
}

void tst_ApiClient::typedRefusalAndUnreadableBody()
{
    FakeApiServer server(m_server, demoInstallerSecret().bytes());
    QVERIFY(server.listen());
    server.script("/v1/qr/query", {{404, FakeApiServer::errorBody("ORDER_NOT_EXIST")},
                                   {200, R"({"outTradeNo":"T1","status":"WEIRD","amountFen":1})"}});
    ApiClient client(configFor(server.port()));
    QrClient qr(client);
    Captured<ApiAnswer<QrOrderResult>> refused;
    qr.query(u"T1"_qs, this, refused.callback());
    QVERIFY(refused.wait());
    POS_VERIFY_RESULT(*refused.result);
    QVERIFY(!refused.result->value().succeeded());
    QCOMPARE(refused.result->value().refusalCode(), u"ORDER_NOT_EXIST"_qs);
    Captured<ApiAnswer<QrOrderResult>> unreadable;
    qr.query(u"T1"_qs, this, unreadable.callback());
    QVERIFY(unreadable.wait());
    QVERIFY(!*unreadable.result);
    QCOMPARE(unreadable.result->error().code, ErrorCode::OutcomeUnknown);
}

void tst_ApiClient::onboardingRefusesLocally()
{
    FakeApiServer server(m_server, demoInstallerSecret().bytes());
    QVERIFY(server.listen());
    server.script("/v1/onboarding/documents", {{201, R"({"documentId":"D0123456789abcdef","sha256":")" +
                                                         QByteArray(64, 'a') + R"(","sizeBytes":4})"}});
    ApiClient client(configFor(server.port()));
    OnboardingClient onboarding(client);
    Captured<ApiAnswer<DocumentUploadResult>> wrongType;
    onboarding.uploadDocument(DocumentKind::Licence, "GIF8", u"image/gif"_qs, this, wrongType.callback());
    QCOMPARE(wrongType.calls, 0);
    QVERIFY(wrongType.wait());
    QCOMPARE(wrongType.result->error().code, ErrorCode::InvalidInput);
    Captured<ApiAnswer<ApplicationSubmitted>> noReference;
    onboarding.submitApplication(QJsonObject{{u"merchant"_qs, QJsonObject{}}}, this, noReference.callback());
    QVERIFY(noReference.wait());
    QCOMPARE(noReference.result->error().code, ErrorCode::InvalidInput);
    QCOMPARE(server.requests().size(), 0);

    Captured<ApiAnswer<DocumentUploadResult>> uploaded;
    onboarding.uploadDocument(DocumentKind::IdFront, "\x89PNG", u"image/png"_qs, this, uploaded.callback());
    QVERIFY(uploaded.wait());
    POS_VERIFY_RESULT(*uploaded.result);
    QCOMPARE(uploaded.result->value().httpStatus, 201);
    QCOMPARE(uploaded.result->value().value->documentId, u"D0123456789abcdef"_qs);
    QCOMPARE(server.requests().first().headers.value("x-pos-document-kind"), QByteArray("id-front"));
    QCOMPARE(server.requests().first().headers.value("content-type"), QByteArray("image/png"));
    QVERIFY(server.requests().first().signatureValid);
}

void tst_ApiClient::applicationStatusAndResubmission()
{
    FakeApiServer server(m_server, demoInstallerSecret().bytes());
    QVERIFY(server.listen());
    server.script(
        "/v1/onboarding/applications/A0001",
        {{200,
          R"({"applicationId":"A0001","status":"rejected","updatedAtMs":5,)"
          R"("reasons":[{"code":"ID_BLACKLISTED","field":"legalRepresentative.idNumber","message":"m"}]})"},
         {202, R"({"applicationId":"A0001","status":"submitted"})"}});
    ApiClient client(configFor(server.port()));
    OnboardingClient onboarding(client);
    Captured<ApiAnswer<ApplicationState>> state;
    onboarding.applicationStatus(u"A0001"_qs, this, state.callback());
    QVERIFY(state.wait());
    POS_VERIFY_RESULT(*state.result);
    QCOMPARE(state.result->value().value->status, ApplicationStatus::Rejected);
    QCOMPARE(state.result->value().value->reasons.first().field, u"legalRepresentative.idNumber"_qs);
    Captured<ApiAnswer<ApplicationSubmitted>> resubmitted;
    const QJsonObject corrected{{u"clientReference"_qs, u"6f1c0e7e-0000-4000-8000-000000000001"_qs}};
    onboarding.resubmit(u"A0001"_qs, corrected, this, resubmitted.callback());
    QVERIFY(resubmitted.wait());
    POS_VERIFY_RESULT(*resubmitted.result);
    QCOMPARE(resubmitted.result->value().httpStatus, 202);
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(0).method, QByteArray("GET"));
    QCOMPARE(server.requests().at(1).method, QByteArray("PUT"));
    QCOMPARE(QJsonDocument::fromJson(server.requests().at(1).body).object(), corrected);
    QVERIFY(server.requests().at(1).signatureValid);
    // An id that would change the path is refused before anything is sent.
    Captured<ApiAnswer<ApplicationState>> injected;
    onboarding.applicationStatus(u"A1/../../v1/qr/pay"_qs, this, injected.callback());
    QVERIFY(injected.wait());
    QCOMPARE(injected.result->error().code, ErrorCode::InvalidInput);
    QCOMPARE(server.requests().size(), 2);
}

void tst_ApiClient::activationKeepsTheTmkWrapped()
{
    const QByteArray wrapped(256, '\x5A');
    const QByteArray secret(32, '\x07');
    const QByteArray body = R"({"terminalId":"12345678","merchantId":"898100012345678","merchantName":"M",)"
                            R"("tmkScheme":"3des","tmkWrapped":")" +
                            wrapped.toBase64() +
                            R"(","tmkKcv":"A1B2C3","apiKeyId":"T12345678","apiSecret":")" + secret.toHex() +
                            R"(","cardHost":"127.0.0.1:9443","singleLimitFen":1,"dailyLimitFen":2})";
    FakeApiServer server(m_server, demoInstallerSecret().bytes());
    QVERIFY(server.listen());
    server.script("/v1/terminals/activate",
                  {{200, body}, {409, FakeApiServer::errorBody("ACTIVATION_CODE_USED")}});
    ApiClient client(configFor(server.port()));
    ActivationClient activation(client);
    const QByteArray publicKey = QByteArray::fromHex("30820122300d06092a864886f70d01010105000382010f00");
    Captured<ApiAnswer<ActivationResult>> activated;
    activation.activate(u"AB23CD45"_qs, u"PP-0001"_qs, publicKey, PadKeyAlgorithm::RsaOaepSha256, this,
                        activated.callback());
    QVERIFY(activated.wait());
    POS_VERIFY_RESULT(*activated.result);
    const ActivationResult& result = *activated.result->value().value;
    QCOMPARE(result.tmkWrapped, wrapped);
    QCOMPARE(result.apiSecret, secret);
    QCOMPARE(result.terminalId, u"12345678"_qs);
    const QJsonObject sent = QJsonDocument::fromJson(server.requests().first().body).object();
    QCOMPARE(sent.value(u"activationCode"_qs).toString(), u"AB23CD45"_qs);
    QCOMPARE(sent.value(u"pinPadSerial"_qs).toString(), u"PP-0001"_qs);
    QCOMPARE(QByteArray::fromBase64(sent.value(u"pinPadPublicKey"_qs).toString().toLatin1()), publicKey);
    QCOMPARE(sent.value(u"keyAlgorithm"_qs).toString(), u"RSA-OAEP-SHA256"_qs);

    Captured<ApiAnswer<ActivationResult>> used;
    activation.activate(u"AB23CD45"_qs, u"PP-0002"_qs, publicKey, PadKeyAlgorithm::Sm2, this,
                        used.callback());
    QVERIFY(used.wait());
    POS_VERIFY_RESULT(*used.result);
    QVERIFY(!used.result->value().succeeded());
    QCOMPARE(used.result->value().refusalCode(), u"ACTIVATION_CODE_USED"_qs);
    QCOMPARE(
        QJsonDocument::fromJson(server.requests().at(1).body).object().value(u"keyAlgorithm"_qs).toString(),
        u"SM2"_qs);
}

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_api_client.moc"
