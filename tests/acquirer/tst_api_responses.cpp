// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The strict parsers of the acquirer JSON API's response bodies (acquirer/api/ApiResponses.h): a valid
// body of each shape, then rows that remove or mistype one field, or use a value the contract does not list.
#include "acquirer/api/ApiResponses.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pos;
using namespace pos::acquirer;
using namespace Qt::StringLiterals;

namespace {

QJsonObject paidOrder()
{
    return QJsonObject{{u"outTradeNo"_qs, u"1234567826112200000001"_qs},
                       {u"status"_qs, u"PAID"_qs},
                       {u"amountFen"_qs, 2280},
                       {u"channel"_qs, u"wechat"_qs},
                       {u"transactionId"_qs, u"4200001234"_qs},
                       {u"paidAtMs"_qs, 1795000000123LL},
                       {u"refundedFen"_qs, 0},
                       {u"message"_qs, u"ok"_qs}};
}

QJsonObject activation()
{
    return QJsonObject{{u"terminalId"_qs, u"12345678"_qs},
                       {u"merchantId"_qs, u"898100012345678"_qs},
                       {u"merchantName"_qs, u"测试商户"_qs},
                       {u"tmkScheme"_qs, u"3des"_qs},
                       {u"tmkWrapped"_qs, QString::fromLatin1(QByteArray(256, '\x42').toBase64())},
                       {u"tmkKcv"_qs, u"A1B2C3"_qs},
                       {u"apiKeyId"_qs, u"T12345678"_qs},
                       {u"apiSecret"_qs, QString::fromLatin1(QByteArray(32, '\x11').toHex())},
                       {u"cardHost"_qs, u"127.0.0.1:9443"_qs},
                       {u"singleLimitFen"_qs, 5000000},
                       {u"dailyLimitFen"_qs, 20000000}};
}

QJsonObject agreement()
{
    return QJsonObject{
        {u"version"_qs, u"2026-01"_qs},
        {u"text"_qs, u"特约商户受理协议……"_qs},
        {u"fees"_qs,
         QJsonArray{
             QJsonObject{{u"tender"_qs, u"debit"_qs}, {u"rateBasisPoints"_qs, 50}, {u"capFen"_qs, 2000}},
             QJsonObject{{u"tender"_qs, u"credit"_qs}, {u"rateBasisPoints"_qs, 60}},
             QJsonObject{{u"tender"_qs, u"qr"_qs}, {u"rateBasisPoints"_qs, 38}}}},
        {u"settlementCycles"_qs, QJsonArray{u"T+1"_qs, u"D0"_qs}}};
}

QJsonObject withFee(const QJsonObject& terms, const QString& key, const QJsonValue& value)
{
    QJsonArray fees = terms.value(u"fees"_qs).toArray();
    QJsonObject first = fees.at(0).toObject();
    if (value.isUndefined())
        first.remove(key);
    else
        first.insert(key, value);
    fees[0] = first;
    QJsonObject changed = terms;
    changed.insert(u"fees"_qs, fees);
    return changed;
}

QJsonObject applicationState(const QString& status)
{
    QJsonObject state{
        {u"applicationId"_qs, u"A0001"_qs}, {u"status"_qs, status}, {u"updatedAtMs"_qs, 1795000000000LL}};
    if (status == u"approved"_qs) {
        state.insert(u"merchantId"_qs, u"898100012345678"_qs);
        state.insert(u"activationCode"_qs, u"AB23CD45"_qs);
    }
    if (status == u"rejected"_qs) {
        state.insert(u"reasons"_qs, QJsonArray{QJsonObject{{u"code"_qs, u"LICENCE_INVALID"_qs},
                                                           {u"field"_qs, u"licence.uscc"_qs},
                                                           {u"message"_qs, u"校验位错误"_qs}}});
    }
    return state;
}

QByteArray bytesOf(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject with(QJsonObject object, const QString& key, const QJsonValue& value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

} // namespace

class tst_ApiResponses final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void qrOrder_data();
    void qrOrder();
    void qrOrderFields();
    void qrBill_data();
    void qrBill();
    void errorBody_data();
    void errorBody();
    void document_data();
    void document();
    void application_data();
    void application();
    void activationResult_data();
    void activationResult();
    void agreementTerms_data();
    void agreementTerms();
    void agreementTermsValues();
};

void tst_ApiResponses::qrOrder_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("accepted");
    const QJsonObject paid = paidOrder();
    const QJsonValue absent;
    QTest::newRow("paid") << bytesOf(paid) << true;
    QTest::newRow("user paying without transaction")
        << bytesOf(with(with(with(paid, u"status"_qs, u"USERPAYING"_qs), u"transactionId"_qs, absent),
                        u"paidAtMs"_qs, absent))
        << true;
    QTest::newRow("null optional fields")
        << bytesOf(with(with(with(paid, u"status"_qs, u"NOTPAY"_qs), u"transactionId"_qs, QJsonValue::Null),
                        u"message"_qs, QJsonValue::Null))
        << true;
    QTest::newRow("closed tombstone without channel")
        << bytesOf(
               QJsonObject{{u"outTradeNo"_qs, u"X1"_qs}, {u"status"_qs, u"CLOSED"_qs}, {u"amountFen"_qs, 0}})
        << true;
    QTest::newRow("payerror with code")
        << bytesOf(with(with(paid, u"status"_qs, u"PAYERROR"_qs), u"errorCode"_qs, u"NOTENOUGH"_qs)) << true;
    QTest::newRow("unknown extra key ignored") << bytesOf(with(paid, u"extra"_qs, 1)) << true;
    // Negative rows: one field missing, mistyped, or out of the contract.
    QTest::newRow("missing outTradeNo") << bytesOf(with(paid, u"outTradeNo"_qs, absent)) << false;
    QTest::newRow("missing status") << bytesOf(with(paid, u"status"_qs, absent)) << false;
    QTest::newRow("missing amountFen") << bytesOf(with(paid, u"amountFen"_qs, absent)) << false;
    QTest::newRow("paid without transactionId") << bytesOf(with(paid, u"transactionId"_qs, absent)) << false;
    QTest::newRow("paid without paidAtMs") << bytesOf(with(paid, u"paidAtMs"_qs, absent)) << false;
    QTest::newRow("payerror without errorCode") << bytesOf(with(paid, u"status"_qs, u"PAYERROR"_qs)) << false;
    QTest::newRow("refund without transactionId")
        << bytesOf(with(with(paid, u"status"_qs, u"REFUND"_qs), u"transactionId"_qs, absent)) << false;
    QTest::newRow("unknown status") << bytesOf(with(paid, u"status"_qs, u"SUCCESS"_qs)) << false;
    QTest::newRow("lower-case status") << bytesOf(with(paid, u"status"_qs, u"paid"_qs)) << false;
    QTest::newRow("unknown channel") << bytesOf(with(paid, u"channel"_qs, u"paypal"_qs)) << false;
    QTest::newRow("amount as string") << bytesOf(with(paid, u"amountFen"_qs, u"2280"_qs)) << false;
    QTest::newRow("amount with fraction") << bytesOf(with(paid, u"amountFen"_qs, 22.5)) << false;
    QTest::newRow("negative amount") << bytesOf(with(paid, u"amountFen"_qs, -1)) << false;
    QTest::newRow("amount beyond 2^53") << bytesOf(with(paid, u"amountFen"_qs, 1e17)) << false;
    QTest::newRow("paid with zero amount") << bytesOf(with(paid, u"amountFen"_qs, 0)) << false;
    QTest::newRow("refunded more than paid") << bytesOf(with(paid, u"refundedFen"_qs, 2281)) << false;
    QTest::newRow("status as number") << bytesOf(with(paid, u"status"_qs, 1)) << false;
    QTest::newRow("paidAtMs as string") << bytesOf(with(paid, u"paidAtMs"_qs, u"1795000000123"_qs)) << false;
    QTest::newRow("message as number") << bytesOf(with(paid, u"message"_qs, 3)) << false;
    QTest::newRow("outTradeNo too long") << bytesOf(with(paid, u"outTradeNo"_qs, QString(33, u'1'))) << false;
    QTest::newRow("outTradeNo bad character") << bytesOf(with(paid, u"outTradeNo"_qs, u"T 1"_qs)) << false;
    QTest::newRow("not JSON") << QByteArray("{\"status\":") << false;
    QTest::newRow("array") << QByteArray("[]") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void tst_ApiResponses::qrOrder()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, accepted);
    const Result<QrOrderResult> parsed = parseQrOrderResult(body);
    if (!parsed) {
        QCOMPARE(parsed.error().code, ErrorCode::ProtocolViolation);
        QVERIFY(!parsed.error().detail.isEmpty());
    }
    QCOMPARE(parsed.hasValue(), accepted);
}

void tst_ApiResponses::qrOrderFields()
{
    const Result<QrOrderResult> parsed = parseQrOrderResult(bytesOf(paidOrder()));
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value().outTradeNo, u"1234567826112200000001"_qs);
    QCOMPARE(parsed.value().status, QrOrderStatus::Paid);
    QCOMPARE(parsed.value().amountFen, qint64(2280));
    QCOMPARE(parsed.value().channel, std::optional<QrChannel>(QrChannel::WeChat));
    QCOMPARE(parsed.value().transactionId, u"4200001234"_qs);
    QCOMPARE(parsed.value().paidAtMs, std::optional<qint64>(1795000000123LL));
    const Result<QrOrderResult> missingPath =
        parseQrOrderResult(bytesOf(with(paidOrder(), u"amountFen"_qs, {})));
    QVERIFY(!missingPath);
    QVERIFY2(missingPath.error().detail.contains(u"amountFen"_qs), qPrintable(missingPath.error().detail));
}

void tst_ApiResponses::qrBill_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("orders"); // -1: refused
    QTest::newRow("two orders") << bytesOf(QJsonObject{{u"date"_qs, u"2026-11-22"_qs},
                                                       {u"orders"_qs, QJsonArray{paidOrder(), paidOrder()}}})
                                << 2;
    QTest::newRow("no orders") << bytesOf(QJsonObject{{u"date"_qs, u"2026-11-22"_qs},
                                                      {u"orders"_qs, QJsonArray{}}})
                               << 0;
    QTest::newRow("bad order inside")
        << bytesOf(
               QJsonObject{{u"date"_qs, u"2026-11-22"_qs},
                           {u"orders"_qs, QJsonArray{paidOrder(), with(paidOrder(), u"status"_qs, u"X"_qs)}}})
        << -1;
    QTest::newRow("order not an object")
        << bytesOf(QJsonObject{{u"date"_qs, u"2026-11-22"_qs}, {u"orders"_qs, QJsonArray{1}}}) << -1;
    QTest::newRow("orders missing") << bytesOf(QJsonObject{{u"date"_qs, u"2026-11-22"_qs}}) << -1;
    QTest::newRow("bad date") << bytesOf(QJsonObject{{u"date"_qs, u"22/11/2026"_qs},
                                                     {u"orders"_qs, QJsonArray{}}})
                              << -1;
}

void tst_ApiResponses::qrBill()
{
    QFETCH(QByteArray, body);
    QFETCH(int, orders);
    const Result<QrBill> parsed = parseQrBill(body);
    QCOMPARE(parsed.hasValue(), orders >= 0);
    if (parsed)
        QCOMPARE(parsed.value().orders.size(), orders);
}

void tst_ApiResponses::errorBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code"); // empty: refused
    QTest::newRow("valid") << QByteArray(R"({"error":{"code":"ORDER_NOT_EXIST","message":"订单不存在"}})")
                           << u"ORDER_NOT_EXIST"_qs;
    QTest::newRow("empty message") << QByteArray(R"({"error":{"code":"KEY_SCOPE","message":""}})")
                                   << u"KEY_SCOPE"_qs;
    QTest::newRow("no error object") << QByteArray(R"({"code":"X"})") << QString();
    QTest::newRow("lower-case code") << QByteArray(R"({"error":{"code":"bad","message":"m"}})") << QString();
    QTest::newRow("missing message") << QByteArray(R"({"error":{"code":"BAD"}})") << QString();
    QTest::newRow("code as number") << QByteArray(R"({"error":{"code":5,"message":"m"}})") << QString();
}

void tst_ApiResponses::errorBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const Result<ApiErrorBody> parsed = parseApiError(body);
    QCOMPARE(parsed.hasValue(), !code.isEmpty());
    if (parsed)
        QCOMPARE(parsed.value().code, code);
}

void tst_ApiResponses::document_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("accepted");
    const QJsonObject valid{{u"documentId"_qs, u"D0123456789abcdef"_qs},
                            {u"sha256"_qs, QString(64, u'a')},
                            {u"sizeBytes"_qs, 1234}};
    QTest::newRow("valid") << bytesOf(valid) << true;
    QTest::newRow("id without D") << bytesOf(with(valid, u"documentId"_qs, u"0123456789abcdef0"_qs)) << false;
    QTest::newRow("short sha256") << bytesOf(with(valid, u"sha256"_qs, QString(63, u'a'))) << false;
    QTest::newRow("size zero") << bytesOf(with(valid, u"sizeBytes"_qs, 0)) << false;
    QTest::newRow("size missing") << bytesOf(with(valid, u"sizeBytes"_qs, {})) << false;
}

void tst_ApiResponses::document()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, accepted);
    QCOMPARE(parseDocumentUpload(body).hasValue(), accepted);
}

void tst_ApiResponses::application_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("stateShape"); // parse as ApplicationState (else ApplicationSubmitted)
    QTest::addColumn<bool>("accepted");
    QTest::newRow("submitted") << bytesOf(QJsonObject{{u"applicationId"_qs, u"A1"_qs},
                                                      {u"status"_qs, u"submitted"_qs}})
                               << false << true;
    QTest::newRow("submitted unknown status")
        << bytesOf(QJsonObject{{u"applicationId"_qs, u"A1"_qs}, {u"status"_qs, u"pending"_qs}}) << false
        << false;
    QTest::newRow("submitted id without A")
        << bytesOf(QJsonObject{{u"applicationId"_qs, u"B1"_qs}, {u"status"_qs, u"submitted"_qs}}) << false
        << false;
    QTest::newRow("under review") << bytesOf(applicationState(u"under_review"_qs)) << true << true;
    QTest::newRow("approved") << bytesOf(applicationState(u"approved"_qs)) << true << true;
    QTest::newRow("rejected") << bytesOf(applicationState(u"rejected"_qs)) << true << true;
    QTest::newRow("approved without code")
        << bytesOf(with(applicationState(u"approved"_qs), u"activationCode"_qs, {})) << true << false;
    QTest::newRow("code with letter O")
        << bytesOf(with(applicationState(u"approved"_qs), u"activationCode"_qs, u"AB23CDO5"_qs)) << true
        << false;
    QTest::newRow("merchant id of 14")
        << bytesOf(with(applicationState(u"approved"_qs), u"merchantId"_qs, u"89810001234567"_qs)) << true
        << false;
    QTest::newRow("rejected without reasons")
        << bytesOf(with(applicationState(u"rejected"_qs), u"reasons"_qs, {})) << true << false;
    QTest::newRow("rejected with empty reasons")
        << bytesOf(with(applicationState(u"rejected"_qs), u"reasons"_qs, QJsonArray{})) << true << false;
    QTest::newRow("reason without field")
        << bytesOf(with(applicationState(u"rejected"_qs), u"reasons"_qs,
                        QJsonArray{QJsonObject{{u"code"_qs, u"ID_INVALID"_qs}}}))
        << true << false;
    QTest::newRow("missing updatedAtMs")
        << bytesOf(with(applicationState(u"submitted"_qs), u"updatedAtMs"_qs, {})) << true << false;
    QTest::newRow("unknown status") << bytesOf(applicationState(u"cancelled"_qs)) << true << false;
}

void tst_ApiResponses::application()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, stateShape);
    QFETCH(bool, accepted);
    QCOMPARE(stateShape ? parseApplicationState(body).hasValue() : parseApplicationSubmitted(body).hasValue(),
             accepted);
}

void tst_ApiResponses::activationResult_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("accepted");
    const QJsonObject valid = activation();
    const QJsonValue absent;
    QTest::newRow("valid") << bytesOf(valid) << true;
    QTest::newRow("sm4") << bytesOf(with(valid, u"tmkScheme"_qs, u"sm4"_qs)) << true;
    const QStringList required{u"terminalId"_qs, u"merchantId"_qs,     u"merchantName"_qs, u"tmkScheme"_qs,
                               u"tmkWrapped"_qs, u"tmkKcv"_qs,         u"apiKeyId"_qs,     u"apiSecret"_qs,
                               u"cardHost"_qs,   u"singleLimitFen"_qs, u"dailyLimitFen"_qs};
    for (const QString& key : required)
        QTest::addRow("missing %s", qPrintable(key)) << bytesOf(with(valid, key, absent)) << false;
    QTest::newRow("terminal id of 7") << bytesOf(with(valid, u"terminalId"_qs, u"1234567"_qs)) << false;
    QTest::newRow("unknown scheme") << bytesOf(with(valid, u"tmkScheme"_qs, u"aes"_qs)) << false;
    QTest::newRow("wrapped not base64") << bytesOf(with(valid, u"tmkWrapped"_qs, u"!!!"_qs)) << false;
    QTest::newRow("kcv lower case") << bytesOf(with(valid, u"tmkKcv"_qs, u"a1b2c3"_qs)) << false;
    QTest::newRow("secret of 62 hex") << bytesOf(with(valid, u"apiSecret"_qs, QString(62, u'a'))) << false;
    QTest::newRow("card host without port") << bytesOf(with(valid, u"cardHost"_qs, u"127.0.0.1"_qs)) << false;
    QTest::newRow("card host port 0") << bytesOf(with(valid, u"cardHost"_qs, u"127.0.0.1:0"_qs)) << false;
    QTest::newRow("limit as string") << bytesOf(with(valid, u"singleLimitFen"_qs, u"5"_qs)) << false;
}

void tst_ApiResponses::activationResult()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, accepted);
    const Result<ActivationResult> parsed = parseActivationResult(body);
    QCOMPARE(parsed.hasValue(), accepted);
    if (parsed) {
        QCOMPARE(parsed.value().apiSecret, QByteArray(32, '\x11'));
        QCOMPARE(parsed.value().tmkWrapped, QByteArray(256, '\x42'));
    } else {
        QVERIFY(!parsed.error().detail.contains(QString::fromLatin1(QByteArray(32, '\x11').toHex())));
    }
}

void tst_ApiResponses::agreementTerms_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("accepted");
    const QJsonObject valid = agreement();
    const QJsonValue absent;
    QTest::newRow("valid") << bytesOf(valid) << true;
    QTest::newRow("extra key ignored") << bytesOf(with(valid, u"effectiveFrom"_qs, u"2026-01-01"_qs)) << true;
    QTest::newRow("cap null") << bytesOf(withFee(valid, u"capFen"_qs, QJsonValue(QJsonValue::Null))) << true;
    QTest::newRow("rate 0") << bytesOf(withFee(valid, u"rateBasisPoints"_qs, 0)) << true;
    QTest::newRow("rate 10000") << bytesOf(withFee(valid, u"rateBasisPoints"_qs, 10000)) << true;
    QTest::newRow("cap 0") << bytesOf(withFee(valid, u"capFen"_qs, 0)) << true;
    for (const QString& key : {u"version"_qs, u"text"_qs, u"fees"_qs, u"settlementCycles"_qs})
        QTest::addRow("missing %s", qPrintable(key)) << bytesOf(with(valid, key, absent)) << false;
    QTest::newRow("missing fee tender") << bytesOf(withFee(valid, u"tender"_qs, absent)) << false;
    QTest::newRow("missing fee rate") << bytesOf(withFee(valid, u"rateBasisPoints"_qs, absent)) << false;
    QTest::newRow("empty text") << bytesOf(with(valid, u"text"_qs, QString())) << false;
    QTest::newRow("version as number") << bytesOf(with(valid, u"version"_qs, 2026)) << false;
    QTest::newRow("fees not array") << bytesOf(with(valid, u"fees"_qs, u"debit"_qs)) << false;
    QTest::newRow("no fees") << bytesOf(with(valid, u"fees"_qs, QJsonArray())) << false;
    QTest::newRow("fee not object") << bytesOf(with(valid, u"fees"_qs, QJsonArray{50})) << false;
    QTest::newRow("rate as string") << bytesOf(withFee(valid, u"rateBasisPoints"_qs, u"50"_qs)) << false;
    QTest::newRow("rate fraction") << bytesOf(withFee(valid, u"rateBasisPoints"_qs, 50.5)) << false;
    QTest::newRow("rate negative") << bytesOf(withFee(valid, u"rateBasisPoints"_qs, -1)) << false;
    QTest::newRow("rate 10001") << bytesOf(withFee(valid, u"rateBasisPoints"_qs, 10001)) << false;
    QTest::newRow("cap negative") << bytesOf(withFee(valid, u"capFen"_qs, -1)) << false;
    QTest::newRow("cap as string") << bytesOf(withFee(valid, u"capFen"_qs, u"2000"_qs)) << false;
    QTest::newRow("no cycles") << bytesOf(with(valid, u"settlementCycles"_qs, QJsonArray())) << false;
    QTest::newRow("unknown cycle") << bytesOf(with(valid, u"settlementCycles"_qs, QJsonArray{u"weekly"_qs}))
                                   << false;
    QTest::newRow("cycle as number") << bytesOf(with(valid, u"settlementCycles"_qs, QJsonArray{1})) << false;
    QTest::newRow("array body") << QByteArray("[]") << false;
    QTest::newRow("not json") << QByteArray("{\"version\":") << false;
}

void tst_ApiResponses::agreementTerms()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, accepted);
    QCOMPARE(parseAgreementTerms(body).hasValue(), accepted);
}

void tst_ApiResponses::agreementTermsValues()
{
    const Result<AgreementTerms> parsed = parseAgreementTerms(bytesOf(agreement()));
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value().version, u"2026-01"_qs);
    QCOMPARE(parsed.value().fees.size(), 3);
    QCOMPARE(parsed.value().fees.at(0).tender, u"debit"_qs);
    QCOMPARE(parsed.value().fees.at(0).rateBasisPoints, 50);
    QCOMPARE(parsed.value().fees.at(0).capFen, std::optional<qint64>(2000));
    QCOMPARE(parsed.value().fees.at(1).capFen, std::optional<qint64>());
    QCOMPARE(parsed.value().settlementCycles, (QStringList{u"T+1"_qs, u"D0"_qs}));
}

QTEST_GUILESS_MAIN(tst_ApiResponses)
#include "tst_api_responses.moc"
