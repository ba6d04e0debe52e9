// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The QR (B扫C) gateway of the simulator's JSON API over real TLS with a terminal key: each last-digit
// behaviour, idempotent pay, 409 on a changed amount or code, close/reverse tombstones, refund limits and
// idempotency, the bill, merchant isolation and persistence across a simulator restart.
#include "simulators/ApiTestSupport.h"
#include "simulators/acquirer/HostLedgerDump.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "support/TestSupport.h"

#include <QDate>
#include <QDir>
#include <QJsonArray>
#include <QTest>

using namespace pos;
using namespace pos::sim;
using namespace pos::test;
using namespace Qt::StringLiterals;

namespace {

const QString merchantId = u"898100000000001"_qs;
const QByteArray terminalSecret =
    QByteArray::fromHex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0");

QJsonObject payBody(const QString& outTradeNo, qint64 amountFen, const QString& authCode)
{
    return QJsonObject{{u"outTradeNo"_qs, outTradeNo},
                       {u"amountFen"_qs, amountFen},
                       {u"authCode"_qs, authCode},
                       {u"description"_qs, u"测试商品"_qs}};
}

QJsonObject orderBody(const QString& outTradeNo)
{
    return QJsonObject{{u"outTradeNo"_qs, outTradeNo}};
}

// An 18-digit WeChat code ending in digit.
QString wechatCode(int digit)
{
    return u"13456789012345678"_qs + QString::number(digit);
}

} // namespace

class tst_ApiQr final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void lastDigitDecidesTheOutcome_data();
    void lastDigitDecidesTheOutcome();
    void channelFollowsTheCodePrefix_data();
    void channelFollowsTheCodePrefix();
    void refusesInvalidPayRequests_data();
    void refusesInvalidPayRequests();
    void samePayAgainIsNotASecondCharge();
    void changedAmountOrCodeIsRefused_data();
    void changedAmountOrCodeIsRefused();
    void queryOfUnknownOrder();
    void closeDependsOnTheState();
    void closeOfUnknownOrderLeavesATombstone();
    void reverseRefundsAPaidOrderAndIsIdempotent();
    void reverseOfUnknownOrderLeavesATombstone();
    void refundsAreLimitedAndIdempotent();
    void refundNeedsAPaidOrder();
    void billListsTheDaysOrders();
    void ordersBelongToTheirMerchant();
    void ordersSurviveARestart();
    void migratesAVersionOneHostDatabase();
    void refusesANewerHostDatabase();

private:
    QJsonObject
    pay(const QString& outTradeNo, qint64 amountFen, const QString& authCode, int expectedStatus = 200);
    ApiTestResponse call(const QByteArray& path, const QJsonObject& body);

    std::unique_ptr<ApiFixture> m_fixture;
    std::unique_ptr<ApiTestClient> m_client;
};

void tst_ApiQr::init()
{
    m_fixture = std::make_unique<ApiFixture>();
    QVERIFY(m_fixture->start());
    QVERIFY(m_fixture->addTerminalKey(u"term-20000001"_qs, terminalSecret, u"20000001"_qs, merchantId));
    m_client = m_fixture->client();
    m_client->keyId = "term-20000001";
    m_client->secret = terminalSecret;
}

void tst_ApiQr::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

ApiTestResponse tst_ApiQr::call(const QByteArray& path, const QJsonObject& body)
{
    const ApiTestResponse response = m_client->sendJson("POST", path, body);
    if (!m_client->responseVerifies(response))
        qWarning("response to %s not signed correctly", path.constData());
    return response;
}

QJsonObject
tst_ApiQr::pay(const QString& outTradeNo, qint64 amountFen, const QString& authCode, int expectedStatus)
{
    const ApiTestResponse response = call("/v1/qr/pay", payBody(outTradeNo, amountFen, authCode));
    if (response.status != expectedStatus)
        qWarning("pay answered %d: %s", response.status, response.body.constData());
    return response.json();
}

void tst_ApiQr::lastDigitDecidesTheOutcome_data()
{
    QTest::addColumn<int>("digit");
    QTest::addColumn<QString>("afterPay");
    QTest::addColumn<QString>("afterFirstQuery");
    QTest::addColumn<QString>("afterSecondQuery");
    for (int digit = 0; digit <= 5; ++digit)
        QTest::addRow("digit %d", digit) << digit << u"PAID"_qs << u"PAID"_qs << u"PAID"_qs;
    QTest::newRow("digit 6") << 6 << u"USERPAYING"_qs << u"USERPAYING"_qs << u"PAID"_qs;
    QTest::newRow("digit 7") << 7 << u"USERPAYING"_qs << u"USERPAYING"_qs << u"NOTPAY"_qs;
    QTest::newRow("digit 8") << 8 << u"PAYERROR"_qs << u"PAYERROR"_qs << u"PAYERROR"_qs;
    QTest::newRow("digit 9") << 9 << u"USERPAYING"_qs << u"USERPAYING"_qs << u"USERPAYING"_qs;
}

void tst_ApiQr::lastDigitDecidesTheOutcome()
{
    QFETCH(int, digit);
    QFETCH(QString, afterPay);
    QFETCH(QString, afterFirstQuery);
    QFETCH(QString, afterSecondQuery);
    const QJsonObject paid = pay(u"T-digit"_qs, 1234, wechatCode(digit));
    QCOMPARE(paid.value(u"status"_qs).toString(), afterPay);
    QCOMPARE(paid.value(u"amountFen"_qs).toInteger(), 1234);
    QCOMPARE(paid.value(u"channel"_qs).toString(), u"wechat"_qs);
    QCOMPARE(paid.value(u"outTradeNo"_qs).toString(), u"T-digit"_qs);
    QCOMPARE(paid.contains(u"transactionId"_qs), afterPay == u"PAID"_qs);
    QCOMPARE(paid.contains(u"paidAtMs"_qs), afterPay == u"PAID"_qs);
    QCOMPARE(paid.value(u"errorCode"_qs).toString(), digit == 8 ? u"NOTENOUGH"_qs : QString());

    const ApiTestResponse first = call("/v1/qr/query", orderBody(u"T-digit"_qs));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(u"status"_qs).toString(), afterFirstQuery);
    const QJsonObject second = call("/v1/qr/query", orderBody(u"T-digit"_qs)).json();
    QCOMPARE(second.value(u"status"_qs).toString(), afterSecondQuery);
    QCOMPARE(second.contains(u"transactionId"_qs), afterSecondQuery == u"PAID"_qs);
    QCOMPARE(call("/v1/qr/query", orderBody(u"T-digit"_qs)).json().value(u"status"_qs).toString(),
             afterSecondQuery);
}

void tst_ApiQr::channelFollowsTheCodePrefix_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("channel");
    QTest::newRow("10 wechat") << u"100000000000000001"_qs << u"wechat"_qs;
    QTest::newRow("15 wechat") << u"150000000000000001"_qs << u"wechat"_qs;
    QTest::newRow("25 alipay") << u"250000000000000001"_qs << u"alipay"_qs;
    QTest::newRow("30 alipay") << u"300000000000000001"_qs << u"alipay"_qs;
    QTest::newRow("62 unionpay") << u"620000000000000001"_qs << u"unionpay"_qs;
}

void tst_ApiQr::channelFollowsTheCodePrefix()
{
    QFETCH(QString, code);
    QFETCH(QString, channel);
    QCOMPARE(pay(u"T-channel"_qs, 100, code).value(u"channel"_qs).toString(), channel);
}

void tst_ApiQr::refusesInvalidPayRequests_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("prefix 16") << payBody(u"T1"_qs, 100, u"160000000000000001"_qs) << 400
                               << u"AUTHCODE_INVALID"_qs;
    QTest::newRow("prefix 31") << payBody(u"T1"_qs, 100, u"310000000000000001"_qs) << 400
                               << u"AUTHCODE_INVALID"_qs;
    QTest::newRow("17 digits") << payBody(u"T1"_qs, 100, u"13000000000000001"_qs) << 400
                               << u"AUTHCODE_INVALID"_qs;
    QTest::newRow("letter in code") << payBody(u"T1"_qs, 100, u"13000000000000000A"_qs) << 400
                                    << u"AUTHCODE_INVALID"_qs;
    QTest::newRow("amount 0") << payBody(u"T1"_qs, 0, wechatCode(1)) << 400 << u"FIELD_INVALID"_qs;
    QTest::newRow("amount above 1e8")
        << payBody(u"T1"_qs, 100'000'001, wechatCode(1)) << 400 << u"FIELD_INVALID"_qs;
    QTest::newRow("outTradeNo 33 chars")
        << payBody(QString(33, u'a'), 100, wechatCode(1)) << 400 << u"FIELD_INVALID"_qs;
    QTest::newRow("outTradeNo with dot")
        << payBody(u"T.1"_qs, 100, wechatCode(1)) << 400 << u"FIELD_INVALID"_qs;
    QJsonObject fractional = payBody(u"T1"_qs, 100, wechatCode(1));
    fractional.insert(u"amountFen"_qs, 1.5);
    QTest::newRow("fractional amount") << fractional << 400 << u"FIELD_INVALID"_qs;
}

void tst_ApiQr::refusesInvalidPayRequests()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const ApiTestResponse response = call("/v1/qr/pay", body);
    QCOMPARE(response.status, status);
    QCOMPARE(response.errorCode(), code);
    QCOMPARE(call("/v1/qr/query", orderBody(u"T1"_qs)).status, 404); // nothing was created
}

void tst_ApiQr::samePayAgainIsNotASecondCharge()
{
    const QJsonObject first = pay(u"T-same"_qs, 500, wechatCode(2));
    const QJsonObject again = pay(u"T-same"_qs, 500, wechatCode(2));
    QCOMPARE(again.value(u"status"_qs).toString(), u"PAID"_qs);
    QCOMPARE(again.value(u"transactionId"_qs), first.value(u"transactionId"_qs));
    QCOMPARE(again.value(u"paidAtMs"_qs), first.value(u"paidAtMs"_qs));
    QVERIFY(first.value(u"transactionId"_qs) !=
            pay(u"T-other"_qs, 500, wechatCode(2)).value(u"transactionId"_qs));
}

void tst_ApiQr::changedAmountOrCodeIsRefused_data()
{
    QTest::addColumn<qint64>("amountFen");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    QTest::newRow("same") << qint64(700) << wechatCode(9) << 200;
    QTest::newRow("other amount") << qint64(701) << wechatCode(9) << 409;
    QTest::newRow("other code") << qint64(700) << u"250000000000000009"_qs << 409;
}

void tst_ApiQr::changedAmountOrCodeIsRefused()
{
    QFETCH(qint64, amountFen);
    QFETCH(QString, code);
    QFETCH(int, status);
    pay(u"T-change"_qs, 700, wechatCode(9));
    const ApiTestResponse response = call("/v1/qr/pay", payBody(u"T-change"_qs, amountFen, code));
    QCOMPARE(response.status, status);
    if (status == 409)
        QCOMPARE(response.errorCode(), u"OUT_TRADE_NO_USED"_qs);
    else
        QCOMPARE(response.json().value(u"status"_qs).toString(), u"USERPAYING"_qs);
}

void tst_ApiQr::queryOfUnknownOrder()
{
    const ApiTestResponse response = call("/v1/qr/query", orderBody(u"nope"_qs));
    QCOMPARE(response.status, 404);
    QCOMPARE(response.errorCode(), u"ORDER_NOT_EXIST"_qs);
    QVERIFY(m_client->responseVerifies(response));
}

void tst_ApiQr::closeDependsOnTheState()
{
    pay(u"T-paying"_qs, 100, wechatCode(9));
    pay(u"T-error"_qs, 100, wechatCode(8));
    pay(u"T-paid"_qs, 100, wechatCode(0));
    for (const QString& outTradeNo : {u"T-paying"_qs, u"T-error"_qs}) {
        const ApiTestResponse closed = call("/v1/qr/close", orderBody(outTradeNo));
        QCOMPARE(closed.status, 200);
        QCOMPARE(closed.json().value(u"status"_qs).toString(), u"CLOSED"_qs);
        QCOMPARE(closed.json().value(u"amountFen"_qs).toInteger(), 100);
        QCOMPARE(call("/v1/qr/close", orderBody(outTradeNo)).json().value(u"status"_qs).toString(),
                 u"CLOSED"_qs);
    }
    const ApiTestResponse paid = call("/v1/qr/close", orderBody(u"T-paid"_qs));
    QCOMPARE(paid.status, 409);
    QCOMPARE(paid.errorCode(), u"ORDER_PAID"_qs);
    QCOMPARE(call("/v1/qr/query", orderBody(u"T-paid"_qs)).json().value(u"status"_qs).toString(), u"PAID"_qs);
    // A closed USERPAYING order stays closed: a query does not let it be paid later.
    QCOMPARE(call("/v1/qr/query", orderBody(u"T-paying"_qs)).json().value(u"status"_qs).toString(),
             u"CLOSED"_qs);
}

void tst_ApiQr::closeOfUnknownOrderLeavesATombstone()
{
    const ApiTestResponse closed = call("/v1/qr/close", orderBody(u"T-never"_qs));
    QCOMPARE(closed.status, 200);
    QCOMPARE(closed.json().value(u"status"_qs).toString(), u"CLOSED"_qs);
    QCOMPARE(closed.json().value(u"amountFen"_qs).toInteger(), 0);
    const ApiTestResponse late = call("/v1/qr/pay", payBody(u"T-never"_qs, 100, wechatCode(0)));
    QCOMPARE(late.status, 409);
    QCOMPARE(late.errorCode(), u"ORDER_CLOSED"_qs);
    // The negative control: another number still pays.
    QCOMPARE(pay(u"T-fresh"_qs, 100, wechatCode(0)).value(u"status"_qs).toString(), u"PAID"_qs);
}

void tst_ApiQr::reverseRefundsAPaidOrderAndIsIdempotent()
{
    pay(u"T-rev"_qs, 900, wechatCode(3));
    const QJsonObject reversed = call("/v1/qr/reverse", orderBody(u"T-rev"_qs)).json();
    QCOMPARE(reversed.value(u"status"_qs).toString(), u"REVERSED"_qs);
    QCOMPARE(reversed.value(u"refundedFen"_qs).toInteger(), 900);
    QCOMPARE(call("/v1/qr/reverse", orderBody(u"T-rev"_qs)).json(), reversed);
    pay(u"T-rev-paying"_qs, 100, wechatCode(9));
    const QJsonObject paying = call("/v1/qr/reverse", orderBody(u"T-rev-paying"_qs)).json();
    QCOMPARE(paying.value(u"status"_qs).toString(), u"REVERSED"_qs);
    QCOMPARE(paying.value(u"refundedFen"_qs).toInteger(), 0);
    // A reversed order cannot be paid again with the same number (the same request answers REVERSED).
    QCOMPARE(pay(u"T-rev"_qs, 900, wechatCode(3)).value(u"status"_qs).toString(), u"REVERSED"_qs);
}

void tst_ApiQr::reverseOfUnknownOrderLeavesATombstone()
{
    const QJsonObject reversed = call("/v1/qr/reverse", orderBody(u"T-lost"_qs)).json();
    QCOMPARE(reversed.value(u"status"_qs).toString(), u"REVERSED"_qs);
    QCOMPARE(reversed.value(u"amountFen"_qs).toInteger(), 0);
    const ApiTestResponse late = call("/v1/qr/pay", payBody(u"T-lost"_qs, 100, wechatCode(0)));
    QCOMPARE(late.status, 409);
    QCOMPARE(late.errorCode(), u"ORDER_REVERSED"_qs);
}

void tst_ApiQr::refundsAreLimitedAndIdempotent()
{
    pay(u"T-ref"_qs, 1000, wechatCode(4));
    const auto refund = [this](const QString& refundNo, qint64 fen) {
        return call("/v1/qr/refund", QJsonObject{{u"outTradeNo"_qs, u"T-ref"_qs},
                                                 {u"outRefundNo"_qs, refundNo},
                                                 {u"refundFen"_qs, fen}});
    };
    const ApiTestResponse first = refund(u"R1"_qs, 300);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(u"status"_qs).toString(), u"REFUND"_qs);
    QCOMPARE(first.json().value(u"refundedFen"_qs).toInteger(), 300);
    QVERIFY(first.json().contains(u"transactionId"_qs));
    QCOMPARE(refund(u"R1"_qs, 300).json().value(u"refundedFen"_qs).toInteger(), 300); // no second refund
    QCOMPARE(refund(u"R1"_qs, 200).errorCode(), u"OUT_REFUND_NO_USED"_qs);
    const ApiTestResponse tooMuch = refund(u"R2"_qs, 701);
    QCOMPARE(tooMuch.status, 400);
    QCOMPARE(tooMuch.errorCode(), u"REFUND_EXCEEDS"_qs);
    QCOMPARE(refund(u"R2"_qs, 700).json().value(u"refundedFen"_qs).toInteger(), 1000);
    QCOMPARE(refund(u"R3"_qs, 1).errorCode(), u"REFUND_EXCEEDS"_qs);
}

void tst_ApiQr::refundNeedsAPaidOrder()
{
    pay(u"T-unpaid"_qs, 100, wechatCode(9));
    const QJsonObject body{
        {u"outTradeNo"_qs, u"T-unpaid"_qs}, {u"outRefundNo"_qs, u"R9"_qs}, {u"refundFen"_qs, 1}};
    const ApiTestResponse unpaid = call("/v1/qr/refund", body);
    QCOMPARE(unpaid.status, 409);
    QCOMPARE(unpaid.errorCode(), u"ORDER_NOT_PAID"_qs);
    QJsonObject unknown = body;
    unknown.insert(u"outTradeNo"_qs, u"T-unknown"_qs);
    QCOMPARE(call("/v1/qr/refund", unknown).errorCode(), u"ORDER_NOT_EXIST"_qs);
}

void tst_ApiQr::billListsTheDaysOrders()
{
    pay(u"B1"_qs, 100, wechatCode(0));
    pay(u"B2"_qs, 200, u"250000000000000008"_qs);
    call("/v1/qr/close", orderBody(u"B-tombstone"_qs));
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const ApiTestResponse bill = m_client->send("GET", "/v1/qr/bill?date=" + today.toLatin1());
    QCOMPARE(bill.status, 200);
    QVERIFY(m_client->responseVerifies(bill));
    QCOMPARE(bill.json().value(u"date"_qs).toString(), today);
    const QJsonArray orders = bill.json().value(u"orders"_qs).toArray();
    QCOMPARE(orders.size(), 2);
    QCOMPARE(orders.at(0).toObject().value(u"outTradeNo"_qs).toString(), u"B1"_qs);
    QCOMPARE(orders.at(1).toObject().value(u"status"_qs).toString(), u"PAYERROR"_qs);
    const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    QCOMPARE(m_client->send("GET", "/v1/qr/bill?date=" + yesterday.toLatin1())
                 .json()
                 .value(u"orders"_qs)
                 .toArray()
                 .size(),
             0);
    QCOMPARE(m_client->send("GET", "/v1/qr/bill?date=2026-13-01").errorCode(), u"FIELD_INVALID"_qs);
}

void tst_ApiQr::ordersBelongToTheirMerchant()
{
    pay(u"T-mine"_qs, 100, wechatCode(0));
    const QByteArray otherSecret(32, '\x07');
    QVERIFY(m_fixture->addTerminalKey(u"term-other"_qs, otherSecret, u"20000002"_qs, u"898100000000002"_qs));
    m_client->keyId = "term-other";
    m_client->secret = otherSecret;
    QCOMPARE(call("/v1/qr/query", orderBody(u"T-mine"_qs)).status, 404);
    QCOMPARE(pay(u"T-mine"_qs, 999, wechatCode(0)).value(u"amountFen"_qs).toInteger(),
             999); // its own number space
}

void tst_ApiQr::ordersSurviveARestart()
{
    pay(u"T-keep"_qs, 100, wechatCode(1));
    pay(u"T-slow"_qs, 200, wechatCode(6));
    QCOMPARE(call("/v1/qr/query", orderBody(u"T-slow"_qs)).json().value(u"status"_qs).toString(),
             u"USERPAYING"_qs);
    call("/v1/qr/close", orderBody(u"T-gone"_qs));

    m_client.reset();
    QVERIFY(m_fixture->restart());
    m_client = m_fixture->client();
    m_client->keyId = "term-20000001";
    m_client->secret = terminalSecret;

    QCOMPARE(call("/v1/qr/query", orderBody(u"T-keep"_qs)).json().value(u"status"_qs).toString(), u"PAID"_qs);
    // The query count survived: this is the second query.
    QCOMPARE(call("/v1/qr/query", orderBody(u"T-slow"_qs)).json().value(u"status"_qs).toString(), u"PAID"_qs);
    QCOMPARE(call("/v1/qr/pay", payBody(u"T-gone"_qs, 100, wechatCode(0))).errorCode(), u"ORDER_CLOSED"_qs);

    const Result<QJsonObject> dump = dumpHostLedger(m_fixture->dir.path());
    POS_VERIFY_RESULT(dump);
    const QJsonArray orders = dump.value().value(u"qrOrders"_qs).toArray();
    QCOMPARE(orders.size(), 3);
    QCOMPARE(orders.at(2).toObject().value(u"tombstone"_qs).toInteger(), 1);
    QVERIFY(!QJsonDocument(dump.value()).toJson().contains(wechatCode(1).toLatin1())); // no payment codes
}

// A host.db of schema 1 (before the API and the first swipe) gets the later tables at the next start; its
// terminals stay.
void tst_ApiQr::migratesAVersionOneHostDatabase()
{
    m_client.reset();
    m_fixture->stop();
    {
        auto db = storage::SqliteDatabase::open(QDir(m_fixture->dir.path()).filePath(HostLedger::fileName()),
                                                storage::SqliteDatabase::Access::ReadWrite,
                                                storage::SqliteDatabase::Creation::MustExist);
        POS_VERIFY_RESULT(db);
        POS_VERIFY_RESULT(db.value()->execute(
            u"DROP TABLE api_keys; DROP TABLE api_documents; DROP TABLE api_applications; DROP TABLE "
            u"api_merchants; "
            u"DROP TABLE api_activation_codes; DROP TABLE qr_orders; DROP TABLE qr_refunds; "
            u"DROP TABLE activations; ALTER TABLE terminals DROP COLUMN first_swipe_done; "
            u"ALTER TABLE terminals DROP COLUMN fee_schedule; "
            u"DELETE FROM counters WHERE name IN ('merchant', 'terminal', 'application', 'qr'); "
            u"INSERT INTO terminals (tid, mid, merchant_name, tmk_scheme, tmk_hex, single_limit_fen, "
            u"daily_limit_fen) "
            u"VALUES ('10000001', '898100012340001', 'Old', '3des', '11111111111111112222222222222222', 1, "
            u"2); "
            u"PRAGMA user_version = 1"_qs));
    }
    QVERIFY(m_fixture->start());
    QCOMPARE(m_fixture->ledger->database().queryInt64(u"PRAGMA user_version"_qs).value(), qint64(3));
    const Result<std::optional<HostTerminal>> old = m_fixture->ledger->terminal(u"10000001"_qs);
    POS_VERIFY_RESULT(old);
    QCOMPARE(old.value()->merchantName, u"Old"_qs);
    QVERIFY(m_fixture->addTerminalKey(u"term-20000001"_qs, terminalSecret, u"20000001"_qs, merchantId));
    m_client = m_fixture->client();
    m_client->keyId = "term-20000001";
    m_client->secret = terminalSecret;
    QCOMPARE(pay(u"T-after-migration"_qs, 100, wechatCode(0)).value(u"status"_qs).toString(), u"PAID"_qs);
}

void tst_ApiQr::refusesANewerHostDatabase()
{
    m_client.reset();
    m_fixture->stop();
    {
        auto db = storage::SqliteDatabase::open(QDir(m_fixture->dir.path()).filePath(HostLedger::fileName()),
                                                storage::SqliteDatabase::Access::ReadWrite,
                                                storage::SqliteDatabase::Creation::MustExist);
        POS_VERIFY_RESULT(db);
        POS_VERIFY_RESULT(db.value()->execute(u"PRAGMA user_version = 4"_qs));
    }
    const auto opened = HostLedger::open(m_fixture->dir.path());
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::VersionMismatch);
}

QTEST_GUILESS_MAIN(tst_ApiQr)
#include "tst_api_qr.moc"
