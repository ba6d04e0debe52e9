// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// QrPaymentFlow on a real ledger file (LedgerService + LedgerQrJournal) against a scripted HTTPS server
// (FakeApiServer): the B扫C paths of docs/acquirer-api.md — paid at once, user paying then paid, user paying
// then cancelled (closed), unknown then queried, unknown three times then reversed, a failing reverse left
// queued and sent by sendRecoveries, and a payment a crashed process left open, recovered at start-up.
#include "acquirer/FakeApiServer.h"
#include "acquirer/api/ApiClient.h"
#include "acquirer/api/QrPaymentFlow.h"
#include "storage/Ledger.h"
#include "storage/LedgerQrJournal.h"
#include "storage/LedgerService.h"
#include "support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace pos;
using namespace pos::acquirer;
using namespace pos::test;
using namespace Qt::StringLiterals;

namespace {

const QString terminalId = u"12345678"_qs;
const QString wechatCode = u"134567890123456780"_qs;

// One scripted answer: an order status (HTTP 200), an error code with its HTTP status, or a fault.
struct Step
{
    int status = 200;
    QByteArray orderStatus; // e.g. "PAID"; empty with a 4xx/5xx: the error code below
    QByteArray errorCode;
    FakeApiReply::Mode mode = FakeApiReply::Mode::Signed;
};

Step order(const char* status)
{
    return {200, status, {}, FakeApiReply::Mode::Signed};
}
Step failure(int status, const char* code)
{
    return {status, {}, code, FakeApiReply::Mode::Signed};
}

// Answers /v1/qr/* from per-path queues of steps, building each body for the request's own outTradeNo;
// an empty queue answers reverse REVERSED, close CLOSED, anything else 500.
class ScriptedAcquirer
{
public:
    explicit ScriptedAcquirer(FakeApiServer& server) : m_server(server)
    {
        server.setHandler([this](const FakeApiRequest& request) { return answer(request); });
    }
    void script(const QByteArray& path, QList<Step> steps) { m_steps[path].append(steps); }
    // The amount of an order this server never saw paid (e.g. one a crashed POS sent before dying).
    void knowOrder(const QString& outTradeNo, qint64 amountFen) { m_amounts[outTradeNo] = amountFen; }
    std::function<void(const FakeApiRequest&)> onRequest;

private:
    FakeApiReply answer(const FakeApiRequest& request)
    {
        if (onRequest)
            onRequest(request);
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QString outTradeNo = body.value(u"outTradeNo"_qs).toString();
        if (request.path == "/v1/qr/pay")
            m_amounts[outTradeNo] = body.value(u"amountFen"_qs).toInteger();
        Step step;
        QList<Step>& queue = m_steps[request.path];
        if (!queue.isEmpty())
            step = queue.takeFirst();
        else if (request.path == "/v1/qr/reverse")
            step = order("REVERSED");
        else if (request.path == "/v1/qr/close")
            step = order("CLOSED");
        else
            step = failure(500, "SYSTEM_ERROR");
        if (step.orderStatus.isEmpty())
            return {step.status, FakeApiServer::errorBody(step.errorCode.constData()), step.mode};
        QJsonObject result{{u"outTradeNo"_qs, outTradeNo},
                           {u"status"_qs, QString::fromLatin1(step.orderStatus)},
                           {u"amountFen"_qs, m_amounts.value(outTradeNo)},
                           {u"channel"_qs, u"wechat"_qs},
                           {u"refundedFen"_qs, 0}};
        if (step.orderStatus == "PAID") {
            result.insert(u"transactionId"_qs, QString(u"4200000000"_qs + outTradeNo.right(4)));
            result.insert(u"paidAtMs"_qs, QDateTime::currentMSecsSinceEpoch());
        }
        if (step.orderStatus == "PAYERROR")
            result.insert(u"errorCode"_qs, u"NOTENOUGH"_qs);
        return {step.status, QJsonDocument(result).toJson(QJsonDocument::Compact), step.mode};
    }

    FakeApiServer& m_server;
    QHash<QByteArray, QList<Step>> m_steps;
    QHash<QString, qint64> m_amounts;
};

} // namespace

class tst_QrPaymentFlow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void paidAtOnce();
    void userPayingThenPaid();
    void userPayingThenNotPaidIsClosed();
    void userPayingPastTheDeadlineIsReversed();
    void unknownThenQueriedPaid();
    void unknownThreeTimesIsReversed();
    void failingReverseIsQueuedAndRetried();
    void refusedPayIsDeclined();
    void payNeverSentIsNotSent();
    void localRefusalsSendNothing_data();
    void localRefusalsSendNothing();
    void crashedIntentIsRecoveredAtStart_data();
    void crashedIntentIsRecoveredAtStart();

private:
    bool startTerminal();
    Result<QrPaymentResult> payAndWait(Money amount, const QString& code = wechatCode);
    QString qrState(qint64 paymentId);
    qint64 count(const QString& sql);

    sim::IssuedCertificate m_ca;
    sim::IssuedCertificate m_serverCertificate;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeApiServer> m_server;
    std::unique_ptr<ScriptedAcquirer> m_acquirer;
    std::unique_ptr<storage::LedgerService> m_service;
    std::unique_ptr<storage::LedgerQrJournal> m_journal;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<QrClient> m_qr;
    std::unique_ptr<QrPaymentFlow> m_flow;
    QrFlowConfig m_flowConfig;
};

void tst_QrPaymentFlow::initTestCase()
{
    auto ca = sim::createCertificateAuthority(u"Test Acquirer CA"_qs, {});
    POS_VERIFY_RESULT(ca);
    m_ca = ca.value();
    sim::CertificateSpec spec;
    spec.commonName = u"api"_qs;
    spec.ipAddresses = {u"127.0.0.1"_qs};
    auto server = sim::issueServerCertificate(m_ca, spec);
    POS_VERIFY_RESULT(server);
    m_serverCertificate = server.value();
}

void tst_QrPaymentFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FakeApiServer>(m_serverCertificate, demoInstallerSecret().bytes());
    QVERIFY(m_server->listen());
    m_acquirer = std::make_unique<ScriptedAcquirer>(*m_server);
    m_flowConfig = QrFlowConfig();
    m_flowConfig.terminalId = terminalId;
    m_flowConfig.pollIntervalMs = 50;
    m_flowConfig.userPayingDeadlineMs = 5000;
    m_flowConfig.unknownQueryIntervalMs = 20;
    m_flowConfig.immediateReverseAttempts = 2;
    m_flowConfig.immediateReverseIntervalMs = 20;
    m_flowConfig.retryPolicy.firstDelayMs = 0; // sendRecoveries may retry at once
    m_flowConfig.retryPolicy.maxDelayMs = 0;
}

void tst_QrPaymentFlow::cleanup()
{
    m_flow.reset();
    m_qr.reset();
    m_client.reset();
    m_journal.reset();
    m_service.reset();
    m_acquirer.reset();
    m_server.reset();
    m_dir.reset();
}

bool tst_QrPaymentFlow::startTerminal()
{
    m_service = std::make_unique<storage::LedgerService>();
    std::optional<Result<>> opened;
    m_service->open(m_dir->filePath(u"pos.db"_qs), this, [&opened](const Result<>& r) { opened = r; });
    if (!QTest::qWaitFor([&] { return opened.has_value(); }, 10000) || !*opened)
        return false;
    m_journal = std::make_unique<storage::LedgerQrJournal>(*m_service);
    ApiConfig config;
    config.baseUrl = QUrl(u"https://127.0.0.1:%1"_qs.arg(m_server->port()));
    config.pinnedCa = {m_ca.certificate};
    config.keyId = u"T12345678"_qs;
    config.secret = demoInstallerSecret();
    config.qrTimeoutMs = 8000; // no test here waits for a timeout; a busy machine must not cause one
    m_client = std::make_unique<ApiClient>(config);
    m_qr = std::make_unique<QrClient>(*m_client);
    m_flow = std::make_unique<QrPaymentFlow>(m_flowConfig, *m_qr, *m_journal);
    return true;
}

Result<QrPaymentResult> tst_QrPaymentFlow::payAndWait(Money amount, const QString& code)
{
    std::optional<Result<QrPaymentResult>> result;
    m_flow->pay({amount, code, u"test goods"_qs},
                [&result](Result<QrPaymentResult> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return fail(ErrorCode::Timeout, u"no result"_qs, u"pay did not finish"_qs);
    return *result;
}

QString tst_QrPaymentFlow::qrState(qint64 paymentId)
{
    std::optional<Result<QrPaymentReference>> reference;
    m_service->run<QrPaymentReference>(
        [paymentId](storage::Ledger& ledger) { return ledger.qrPaymentReference(paymentId); }, this,
        [&reference](const Result<QrPaymentReference>& r) { reference = r; });
    if (!QTest::qWaitFor([&] { return reference.has_value(); }, 5000) || !*reference)
        return u"<unreadable>"_qs;
    return reference->value().state;
}

qint64 tst_QrPaymentFlow::count(const QString& sql)
{
    std::optional<Result<qint64>> counted;
    m_service->run<qint64>([sql](storage::Ledger& ledger) { return ledger.database().queryInt64(sql); }, this,
                           [&counted](const Result<qint64>& r) { counted = r; });
    if (!QTest::qWaitFor([&] { return counted.has_value(); }, 5000) || !*counted)
        return -1;
    return counted->value();
}

void tst_QrPaymentFlow::paidAtOnce()
{
    QVERIFY(startTerminal());
    // Intent before send: when the pay request arrives, its order number is already committed.
    qint64 committedAtArrival = -1;
    const QString path = m_dir->filePath(u"pos.db"_qs);
    m_acquirer->onRequest = [&](const FakeApiRequest& request) {
        if (request.path != "/v1/qr/pay")
            return;
        auto reader = storage::Ledger::open(path, storage::Ledger::Creation::MustExist);
        const QString number =
            QJsonDocument::fromJson(request.body).object().value(u"outTradeNo"_qs).toString();
        if (reader)
            committedAtArrival =
                reader.value()
                    ->database()
                    .queryInt64(u"SELECT count(*) FROM qr_payments WHERE out_trade_no = '%1' "
                                "AND state = 'created'"_qs.arg(number))
                    .value();
    };
    m_acquirer->script("/v1/qr/pay", {order("PAID")});
    const Result<QrPaymentResult> result = payAndWait(Money::fromFen(2280));
    POS_VERIFY_RESULT(result);
    QCOMPARE(result.value().outcome, QrPaymentResult::Outcome::Paid);
    QCOMPARE(committedAtArrival, qint64(1));
    QCOMPARE(qrState(result.value().paymentId), u"paid"_qs);
    QVERIFY(result.value().transactionId.startsWith(u"4200000000"_qs));
    QVERIFY(result.value().outTradeNo.startsWith(terminalId));
    QCOMPARE(result.value().outTradeNo.size(), 22);
    QCOMPARE(result.value().channel, QrChannel::WeChat);
    QCOMPARE(m_server->countOf("/v1/qr/pay"), 1);
    QCOMPARE(m_server->countOf("/v1/qr/query"), 0);
    QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE state IN ('armed', 'pending', 'in_flight')"_qs), 0);
    QVERIFY(m_server->requests().first().signatureValid);
}

void tst_QrPaymentFlow::userPayingThenPaid()
{
    QVERIFY(startTerminal());
    m_acquirer->script("/v1/qr/pay", {order("USERPAYING")});
    m_acquirer->script("/v1/qr/query", {order("USERPAYING"), order("PAID")});
    QSignalSpy waiting(m_flow.get(), &QrPaymentFlow::waitingForCustomer);
    const Result<QrPaymentResult> result = payAndWait(Money::fromFen(990));
    POS_VERIFY_RESULT(result);
    QCOMPARE(result.value().outcome, QrPaymentResult::Outcome::Paid);
    QCOMPARE(waiting.count(), 1);
    QCOMPARE(m_server->countOf("/v1/qr/query"), 2);
    QCOMPARE(qrState(result.value().paymentId), u"paid"_qs);
}

void tst_QrPaymentFlow::userPayingThenNotPaidIsClosed()
{
    QVERIFY(startTerminal());
    m_acquirer->script("/v1/qr/pay", {order("USERPAYING")});
    m_acquirer->script("/v1/qr/query", {order("NOTPAY")});
    const Result<QrPaymentResult> result = payAndWait(Money::fromFen(990));
    POS_VERIFY_RESULT(result);
    QCOMPARE(result.value().outcome, QrPaymentResult::Outcome::Declined);
    QCOMPARE(result.value().declineCode, u"NOTPAY"_qs);
    QCOMPARE(m_server->countOf("/v1/qr/close"), 1);
    QCOMPARE(m_server->countOf("/v1/qr/reverse"), 0);
    QCOMPARE(qrState(result.value().paymentId), u"closed"_qs);
}

void tst_QrPaymentFlow::userPayingPastTheDeadlineIsReversed()
{
    m_flowConfig.userPayingDeadlineMs = 300;
    QVERIFY(startTerminal());
    m_acquirer->script("/v1/qr/pay", {order("USERPAYING")});
    m_acquirer->script("/v1/qr/query", QList<Step>(100, order("USERPAYING")));
    const Result<QrPaymentResult> result = payAndWait(Money::fromFen(990));
    POS_VERIFY_RESULT(result);
    QVERIFY(m_server->countOf("/v1/qr/query") >= 1); // polled (how often depends on the machine's load)
    QCOMPARE(m_server->countOf("/v1/qr/reverse"), 1);
    QCOMPARE(qrState(result.value().paymentId), u"reversed"_qs);
}

void tst_QrPaymentFlow::unknownThenQueriedPaid()
{
    QVERIFY(startTerminal());
    m_acquirer->script("/v1/qr/pay", {failure(500, "SYSTEM_ERROR")});
    m_acquirer->script("/v1/qr/query", {{200, "PAID", {}, FakeApiReply::Mode::BadSignature}, order("PAID")});
    const Result<QrPaymentResult> result = payAndWait(Money::fromFen(100));
    POS_VERIFY_RESULT(result);
    QCOMPARE(result.value().outcome, QrPaymentResult::Outcome::Paid);
    QCOMPARE(m_server->countOf("/v1/qr/query"), 2); // the badly signed PAID was not believed
    QCOMPARE(m_server->countOf("/v1/qr/reverse"), 0);
    QCOMPARE(qrState(result.value().paymentId), u"paid"_qs);
}

void tst_QrPaymentFlow::unknownThreeTimesIsReversed()
{
    QVERIFY(startTerminal());
    m_acquirer->script("/v1/qr/pay", {{200, "PAID", {}, FakeApiReply::Mode::WrongNonce}});
    m_acquirer->script(
        "/v1/qr/query",
        {failure(500, "SYSTEM_ERROR"), failure(503, "BUSY"), {200, "PAID", {}, FakeApiReply::Mode::Drop}});
    const Result<QrPaymentResult> result = payAndWait(Money::fromFen(100));
    POS_VERIFY_RESULT(result);
    QCOMPARE(result.value().outcome, QrPaymentResult::Outcome::Reversed);
    QCOMPARE(m_server->countOf("/v1/qr/query"), 3);
    QCOMPARE(m_server->countOf("/v1/qr/reverse"), 1);
    QCOMPARE(qrState(result.value().paymentId), u"reversed"_qs);
    QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE kind = 'qr_reverse' AND state = 'done'"_qs), 1);
    QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE kind = 'qr_query' AND state = 'cancelled'"_qs), 1);
}

void tst_QrPaymentFlow::failingReverseIsQueuedAndRetried()
{
    QVERIFY(startTerminal());
    m_acquirer->script("/v1/qr/pay", {failure(500, "SYSTEM_ERROR")});
    m_acquirer->script("/v1/qr/query", QList<Step>(3, failure(500, "SYSTEM_ERROR")));
    m_acquirer->script("/v1/qr/reverse", {failure(500, "SYSTEM_ERROR"), failure(502, "BAD_GATEWAY")});
    const Result<QrPaymentResult> result = payAndWait(Money::fromFen(100));
    POS_VERIFY_RESULT(result);
    QCOMPARE(result.value().outcome, QrPaymentResult::Outcome::ReversalPending);
    QCOMPARE(m_server->countOf("/v1/qr/reverse"), 2); // immediateReverseAttempts
    QCOMPARE(qrState(result.value().paymentId), u"unknown"_qs);
    QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE kind = 'qr_reverse' AND state = 'pending'"_qs), 1);

    // Later: the acquirer answers again (the queue's default answer is REVERSED).
    std::optional<Result<qint64>> owed;
    m_flow->sendRecoveries([&owed](Result<qint64> r) { owed = std::move(r); });
    QVERIFY(QTest::qWaitFor([&] { return owed.has_value(); }, 10000));
    POS_VERIFY_RESULT(*owed);
    QCOMPARE(owed->value(), qint64(0));
    QCOMPARE(m_server->countOf("/v1/qr/reverse"), 3);
    QCOMPARE(qrState(result.value().paymentId), u"reversed"_qs);
}

void tst_QrPaymentFlow::refusedPayIsDeclined()
{
    QVERIFY(startTerminal());
    m_acquirer->script("/v1/qr/pay", {failure(409, "OUT_TRADE_NO_USED")});
    const Result<QrPaymentResult> result = payAndWait(Money::fromFen(100));
    POS_VERIFY_RESULT(result);
    QCOMPARE(result.value().outcome, QrPaymentResult::Outcome::Declined);
    QCOMPARE(result.value().declineCode, u"OUT_TRADE_NO_USED"_qs);
    QCOMPARE(qrState(result.value().paymentId), u"not_paid"_qs);
    QCOMPARE(m_server->countOf("/v1/qr/query"), 0);
    QCOMPARE(m_server->countOf("/v1/qr/reverse"), 0);
}

void tst_QrPaymentFlow::payNeverSentIsNotSent()
{
    QVERIFY(startTerminal());
    m_server.reset(); // nothing listens on the port any more
    const Result<QrPaymentResult> result = payAndWait(Money::fromFen(100));
    POS_VERIFY_RESULT(result);
    QCOMPARE(result.value().outcome, QrPaymentResult::Outcome::NotSent);
    QCOMPARE(qrState(result.value().paymentId), u"not_paid"_qs);
}

void tst_QrPaymentFlow::localRefusalsSendNothing_data()
{
    QTest::addColumn<qint64>("amountFen");
    QTest::addColumn<QString>("code");
    QTest::newRow("zero amount") << qint64(0) << wechatCode;
    QTest::newRow("above one million yuan") << qint64(100'000'001) << wechatCode;
    QTest::newRow("code of 17 digits") << qint64(100) << u"13456789012345678"_qs;
    QTest::newRow("unknown prefix") << qint64(100) << u"994567890123456780"_qs;
    QTest::newRow("letters") << qint64(100) << u"13456789012345678X"_qs;
}

void tst_QrPaymentFlow::localRefusalsSendNothing()
{
    QFETCH(qint64, amountFen);
    QFETCH(QString, code);
    QVERIFY(startTerminal());
    const Result<QrPaymentResult> result = payAndWait(Money::fromFen(amountFen), code);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QCOMPARE(m_server->requests().size(), 0);
    QCOMPARE(count(u"SELECT count(*) FROM qr_payments"_qs), 0);
}

void tst_QrPaymentFlow::crashedIntentIsRecoveredAtStart_data()
{
    QTest::addColumn<QByteArray>("queryStatus");
    QTest::addColumn<QString>("finalState");
    QTest::addColumn<int>("reverses");
    QTest::newRow("paid at the acquirer: reversed") << QByteArray("PAID") << u"reversed"_qs << 1;
    QTest::newRow("still paying: reversed") << QByteArray("USERPAYING") << u"reversed"_qs << 1;
    QTest::newRow("closed at the acquirer: closed") << QByteArray("CLOSED") << u"closed"_qs << 0;
    QTest::newRow("never arrived: reversed") << QByteArray() << u"reversed"_qs << 1;
}

void tst_QrPaymentFlow::crashedIntentIsRecoveredAtStart()
{
    QFETCH(QByteArray, queryStatus);
    QFETCH(QString, finalState);
    QFETCH(int, reverses);
    // A process committed the intent and died before it heard anything.
    qint64 paymentId = 0;
    {
        auto ledger =
            storage::Ledger::open(m_dir->filePath(u"pos.db"_qs), storage::Ledger::Creation::CreateIfMissing);
        POS_VERIFY_RESULT(ledger);
        const Result<qint64> begun = ledger.value()->beginQrPayment(
            {false, QrChannel::WeChat, Money::fromFen(500), u"1234567826112200000001"_qs, std::nullopt,
             QDateTime::currentMSecsSinceEpoch()});
        POS_VERIFY_RESULT(begun);
        paymentId = begun.value();
    }
    m_acquirer->knowOrder(u"1234567826112200000001"_qs, 500);
    if (queryStatus.isEmpty())
        m_acquirer->script("/v1/qr/query", {failure(404, "ORDER_NOT_EXIST")});
    else
        m_acquirer->script("/v1/qr/query", {order(queryStatus.constData())});
    QVERIFY(startTerminal()); // LedgerService::open turns it into a due query
    QCOMPARE(qrState(paymentId), u"unknown"_qs);
    std::optional<Result<qint64>> owed;
    m_flow->sendRecoveries([&owed](Result<qint64> r) { owed = std::move(r); });
    QVERIFY(QTest::qWaitFor([&] { return owed.has_value(); }, 10000));
    POS_VERIFY_RESULT(*owed);
    QCOMPARE(owed->value(), qint64(0));
    QCOMPARE(m_server->countOf("/v1/qr/query"), 1);
    QCOMPARE(m_server->countOf("/v1/qr/reverse"), reverses);
    QCOMPARE(qrState(paymentId), finalState);
}

QTEST_GUILESS_MAIN(tst_QrPaymentFlow)
#include "tst_qr_payment_flow.moc"
