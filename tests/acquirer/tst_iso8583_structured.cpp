// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/IsoMessage.h"
#include "acquirer/iso8583/StructuredFields.h"
#include "acquirer/iso8583/TransactionCatalogue.h"
#include "support/TestSupport.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;

Q_DECLARE_METATYPE(pos::acquirer::Field60)
Q_DECLARE_METATYPE(pos::acquirer::Field61)

namespace {

template <typename T>
void verifyParseFails(const Result<T>& result, const QString& detail)
{
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::ProtocolViolation);
    QVERIFY2(result.error().detail.contains(detail), qPrintable(result.error().detail));
}

template <typename T>
void verifyBuildFails(const Result<T>& result, const QString& detail)
{
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QVERIFY2(result.error().detail.contains(detail), qPrintable(result.error().detail));
}

} // namespace

class tst_Iso8583Structured final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void field60Parses_data();
    void field60Parses();
    void field60Builds_data();
    void field60Builds();
    void field60RejectsBadLengths_data();
    void field60RejectsBadLengths();
    void field60BuildRejects_data();
    void field60BuildRejects();
    void field61RoundTrips_data();
    void field61RoundTrips();
    void field61RejectsBadLengths_data();
    void field61RejectsBadLengths();
    void field53RoundTrips_data();
    void field53RoundTrips();
    void field53Rejects();
    void settlementTotalsRoundTrip();
    void settlementTotalsRejects_data();
    void settlementTotalsRejects();
    void batchUploadCount_data();
    void batchUploadCount();
    void field63ResponseRoundTrips_data();
    void field63ResponseRoundTrips();
    void field63ResponseRejects_data();
    void field63ResponseRejects();
    void operatorCode_data();
    void operatorCode();
    void catalogueIsConsistent();
    void catalogueMatchesReference_data();
    void catalogueMatchesReference();
};

void tst_Iso8583Structured::field60Parses_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<Field60>("expected");
    QTest::newRow("1.1 sign-on, 11 digits")
        << u"00000001003"_qs << Field60{u"00"_qs, u"000001"_qs, u"003"_qs, {}, {}, {}, {}};
    QTest::newRow("1.3 sale, 11 digits")
        << u"22000001000"_qs << Field60{u"22"_qs, u"000001"_qs, u"000"_qs, {}, {}, {}, {}};
    QTest::newRow("12 digits") << u"220000010005"_qs
                               << Field60{u"22"_qs, u"000001"_qs, u"000"_qs, u"5"_qs, {}, {}, {}};
    QTest::newRow("13 digits, IC fallback")
        << u"2200012300052"_qs << Field60{u"22"_qs, u"000123"_qs, u"000"_qs, u"5"_qs, u"2"_qs, {}, {}};
    QTest::newRow("14 digits") << u"22000123000610"_qs
                               << Field60{u"22"_qs, u"000123"_qs, u"000"_qs, u"6"_qs, u"1"_qs, u"0"_qs, {}};
    QTest::newRow("17 digits, account type")
        << u"01000123000510030"_qs
        << Field60{u"01"_qs, u"000123"_qs, u"000"_qs, u"5"_qs, u"1"_qs, u"0"_qs, u"030"_qs};
}

void tst_Iso8583Structured::field60Parses()
{
    QFETCH(QString, digits);
    QFETCH(Field60, expected);
    const Result<Field60> parsed = Field60::parse(digits);
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value().transactionType, expected.transactionType);
    QCOMPARE(parsed.value().batchNumber, expected.batchNumber);
    QCOMPARE(parsed.value().networkCode, expected.networkCode);
    QCOMPARE(parsed.value().readCapability, expected.readCapability);
    QCOMPARE(parsed.value().icCondition, expected.icCondition);
    QCOMPARE(parsed.value().partialApproval, expected.partialApproval);
    QCOMPARE(parsed.value().accountType, expected.accountType);
}

void tst_Iso8583Structured::field60Builds_data()
{
    field60Parses_data();
}

void tst_Iso8583Structured::field60Builds()
{
    QFETCH(QString, digits);
    QFETCH(Field60, expected);
    const Result<QString> built = expected.build();
    POS_VERIFY_RESULT(built);
    QCOMPARE(built.value(), digits);
}

void tst_Iso8583Structured::field60RejectsBadLengths_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<QString>("detail");
    QTest::newRow("10 digits") << u"0000000100"_qs << u"field 60: 10 digits"_qs;
    QTest::newRow("15 digits") << u"000000010030000"_qs << u"field 60: 15 digits"_qs;
    QTest::newRow("16 digits") << u"0000000100300000"_qs << u"field 60: 16 digits"_qs;
    QTest::newRow("empty") << QString() << u"field 60: 0 digits"_qs;
    QTest::newRow("a separator") << u"0000000D003"_qs
                                 << u"field 60: contains a character that is not a decimal digit"_qs;
}

void tst_Iso8583Structured::field60RejectsBadLengths()
{
    QFETCH(QString, digits);
    QFETCH(QString, detail);
    verifyParseFails(Field60::parse(digits), detail);
}

void tst_Iso8583Structured::field60BuildRejects_data()
{
    QTest::addColumn<Field60>("field");
    QTest::addColumn<QString>("detail");
    QTest::newRow("60.1 one digit") << Field60{u"2"_qs, u"000001"_qs, u"000"_qs, {}, {}, {}, {}}
                                    << u"60.1: needs 2"_qs;
    QTest::newRow("60.2 letters") << Field60{u"22"_qs, u"00000A"_qs, u"000"_qs, {}, {}, {}, {}}
                                  << u"60.2: needs 6"_qs;
    QTest::newRow("60.3 missing") << Field60{u"22"_qs, u"000001"_qs, {}, {}, {}, {}, {}}
                                  << u"60.3: needs 3"_qs;
    QTest::newRow("60.5 without 60.4") << Field60{u"22"_qs, u"000001"_qs, u"000"_qs, {}, u"1"_qs, {}, {}}
                                       << u"60.5 is set but 60.4 is not"_qs;
    QTest::newRow("60.7 without 60.6")
        << Field60{u"22"_qs, u"000001"_qs, u"000"_qs, u"5"_qs, u"1"_qs, {}, u"030"_qs}
        << u"60.7 is set but 60.6 is not"_qs;
    QTest::newRow("60.7 two digits") << Field60{u"22"_qs, u"000001"_qs, u"000"_qs, u"5"_qs,
                                                u"1"_qs,  u"0"_qs,      u"03"_qs}
                                     << u"60.7: needs 3"_qs;
}

void tst_Iso8583Structured::field60BuildRejects()
{
    QFETCH(Field60, field);
    QFETCH(QString, detail);
    verifyBuildFails(field.build(), detail);
}

void tst_Iso8583Structured::field61RoundTrips_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<Field61>("expected");
    QTest::newRow("void: batch + STAN") << u"000001000123"_qs << Field61{u"000001"_qs, u"000123"_qs, {}, {}};
    QTest::newRow("refund: + date") << u"0000010001230115"_qs
                                    << Field61{u"000001"_qs, u"000123"_qs, u"0115"_qs, {}};
    QTest::newRow("with acquirer digits")
        << u"00000100012301150000000000000"_qs
        << Field61{u"000001"_qs, u"000123"_qs, u"0115"_qs, u"0000000000000"_qs};
}

void tst_Iso8583Structured::field61RoundTrips()
{
    QFETCH(QString, digits);
    QFETCH(Field61, expected);
    const Result<Field61> parsed = Field61::parse(digits);
    POS_VERIFY_RESULT(parsed);
    QVERIFY(parsed.value() == expected);
    const Result<QString> built = expected.build();
    POS_VERIFY_RESULT(built);
    QCOMPARE(built.value(), digits);
}

void tst_Iso8583Structured::field61RejectsBadLengths_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<QString>("detail");
    QTest::newRow("11 digits") << u"00000100012"_qs << u"field 61: 11 digits"_qs;
    QTest::newRow("14 digits") << u"00000100012301"_qs << u"field 61: 14 digits"_qs;
    QTest::newRow("30 digits") << QString(30, QLatin1Char('0')) << u"field 61: 30 digits"_qs;
}

void tst_Iso8583Structured::field61RejectsBadLengths()
{
    QFETCH(QString, digits);
    QFETCH(QString, detail);
    verifyParseFails(Field61::parse(digits), detail);
}

void tst_Iso8583Structured::field53RoundTrips_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("pinFormat");
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<int>("trackEncryption");
    QTest::newRow("PIN with PAN, 3DES") << u"2600000000000000"_qs << 2 << 6 << 0;
    QTest::newRow("and track encryption") << u"2610000000000000"_qs << 2 << 6 << 1;
    QTest::newRow("no PIN") << u"0600000000000000"_qs << 0 << 6 << 0;
    QTest::newRow("SM4 at some acquirers") << u"2410000000000000"_qs << 2 << 4 << 1;
}

void tst_Iso8583Structured::field53RoundTrips()
{
    QFETCH(QString, digits);
    QFETCH(int, pinFormat);
    QFETCH(int, algorithm);
    QFETCH(int, trackEncryption);
    const Result<Field53> parsed = Field53::parse(digits);
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value().pinFormat, pinFormat);
    QCOMPARE(parsed.value().algorithm, algorithm);
    QCOMPARE(parsed.value().trackEncryption, trackEncryption);
    const Result<QString> built = parsed.value().build();
    POS_VERIFY_RESULT(built);
    QCOMPARE(built.value(), digits);
}

void tst_Iso8583Structured::field53Rejects()
{
    verifyParseFails(Field53::parse(u"260000000000000"), u"field 53: 15 digits, expected 16"_qs);
    Field53 field;
    field.algorithm = 10;
    verifyBuildFails(field.build(), u"53.2: 10 outside 0..9"_qs);
}

void tst_Iso8583Structured::settlementTotalsRoundTrip()
{
    const QString digits = u"000000123456"
                           u"012"
                           u"000000001000"
                           u"001"
                           u"1"
                           u"000000000000"
                           u"000"
                           u"000000000000"
                           u"000"
                           u"2"_qs;
    const Result<SettlementTotals> parsed = SettlementTotals::parse(digits);
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value().domestic.debitAmountFen, 123456);
    QCOMPARE(parsed.value().domestic.debitCount, 12);
    QCOMPARE(parsed.value().domestic.creditAmountFen, 1000);
    QCOMPARE(parsed.value().domestic.creditCount, 1);
    QCOMPARE(parsed.value().domestic.settleFlag, 1);
    QCOMPARE(parsed.value().foreign.debitAmountFen, 0);
    QCOMPARE(parsed.value().foreign.settleFlag, 2);
    const Result<QString> built = parsed.value().build();
    POS_VERIFY_RESULT(built);
    QCOMPARE(built.value(), digits);
    QCOMPARE(built.value().size(), 62);
}

void tst_Iso8583Structured::settlementTotalsRejects_data()
{
    QTest::addColumn<qint64>("debitAmount");
    QTest::addColumn<int>("debitCount");
    QTest::addColumn<QString>("detail");
    QTest::newRow("amount over n12") << qint64(1'000'000'000'000) << 1 << u"48 debit amount"_qs;
    QTest::newRow("negative amount") << qint64(-1) << 1 << u"48 debit amount"_qs;
    QTest::newRow("count over n3") << qint64(1) << 1000 << u"48 debit count: 1000 outside 0..999"_qs;
}

void tst_Iso8583Structured::settlementTotalsRejects()
{
    QFETCH(qint64, debitAmount);
    QFETCH(int, debitCount);
    QFETCH(QString, detail);
    SettlementTotals totals;
    totals.foreign.debitAmountFen = debitAmount;
    totals.foreign.debitCount = debitCount;
    verifyBuildFails(totals.build(), detail);
    verifyParseFails(SettlementTotals::parse(QString(61, QLatin1Char('0'))), u"field 48: 61 digits"_qs);
}

void tst_Iso8583Structured::batchUploadCount_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("digits");
    QTest::newRow("0") << 0 << u"0000"_qs;
    QTest::newRow("37") << 37 << u"0037"_qs;
    QTest::newRow("9999") << 9999 << u"9999"_qs;
}

void tst_Iso8583Structured::batchUploadCount()
{
    QFETCH(int, count);
    QFETCH(QString, digits);
    const Result<QString> built = buildBatchUploadCount(count);
    POS_VERIFY_RESULT(built);
    QCOMPARE(built.value(), digits);
    const Result<int> parsed = parseBatchUploadCount(digits);
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value(), count);
    verifyBuildFails(buildBatchUploadCount(10000), u"outside 0..9999"_qs);
    verifyParseFails(parseBatchUploadCount(u"037"), u"field 48: 3 digits"_qs);
}

void tst_Iso8583Structured::field63ResponseRoundTrips_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("organisation");
    QTest::addColumn<QString>("text");
    QTest::newRow("organisation only") << QByteArray("CUP") << u"CUP"_qs << QString();
    QTest::newRow("with GBK text") << QByteArray("CUP" + encodeGbk(u"中国银联 工商银行")) << u"CUP"_qs
                                   << u"中国银联 工商银行"_qs;
    QTest::newRow("VISA, ASCII") << QByteArray("VISVisa Intl") << u"VIS"_qs << u"Visa Intl"_qs;
}

void tst_Iso8583Structured::field63ResponseRoundTrips()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, organisation);
    QFETCH(QString, text);
    const Result<Field63Response> parsed = Field63Response::parse(bytes);
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value().cardOrganisation, organisation);
    QCOMPARE(parsed.value().text, text);
    const Result<QByteArray> built = parsed.value().build();
    POS_VERIFY_RESULT(built);
    QCOMPARE(built.value(), bytes);
}

void tst_Iso8583Structured::field63ResponseRejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("detail");
    QTest::newRow("too short") << QByteArray("CU") << u"field 63: 2 bytes, 63.1 needs 3"_qs;
    QTest::newRow("63.1 not ASCII") << encodeGbk(u"银联X") << u"field 63: byte 1 of 63.1"_qs;
    QTest::newRow("63.2 broken GBK") << QByteArray("CUP\xD6")
                                     << u"field 63: byte 4 of 63.2 is not GBK text"_qs;
}

void tst_Iso8583Structured::field63ResponseRejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, detail);
    verifyParseFails(Field63Response::parse(bytes), detail);
}

void tst_Iso8583Structured::operatorCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");
    QTest::newRow("001") << u"001"_qs << true;
    QTest::newRow("01 with a space") << u"01 "_qs << true;
    QTest::newRow("refund 000") << u"000"_qs << true;
    QTest::newRow("two characters") << u"01"_qs << false;
    QTest::newRow("Chinese") << u"操作员"_qs << false;
}

void tst_Iso8583Structured::operatorCode()
{
    QFETCH(QString, code);
    QFETCH(bool, valid);
    const Result<QByteArray> built = buildOperatorCode(code);
    QCOMPARE(built.hasValue(), valid);
    if (valid)
        QCOMPARE(built.value(), code.toLatin1());
    else
        QCOMPARE(built.error().code, ErrorCode::InvalidInput);
}

// Every catalogue entry can be coded with the default field table and is internally consistent.
void tst_Iso8583Structured::catalogueIsConsistent()
{
    const QList<TransactionSpec>& catalogue = transactionCatalogue();
    QCOMPARE(catalogue.size(), static_cast<qsizetype>(TransactionType::ScriptResultAdvice) + 1);
    QSet<QString> ids;
    for (const TransactionSpec& spec : catalogue) {
        QVERIFY2(!ids.contains(spec.id), qPrintable(spec.id));
        ids.insert(spec.id);
        QCOMPARE(&transactionSpec(spec.type), &spec);
        QCOMPARE(spec.responseMti.at(2).digitValue(), spec.requestMti.at(2).digitValue() + 1);
        QVERIFY(!spec.networkCodes.isEmpty());
        QCOMPARE(spec.requestMandatory.contains(64), spec.requestCarriesMac);
        QCOMPARE(spec.requestMandatory.contains(3), !spec.processingCode.isEmpty());
        QCOMPARE(spec.requestMandatory.contains(25), !spec.conditionCode.isEmpty());
        for (const QList<int>* fields : {&spec.requestMandatory, &spec.requestOptional,
                                         &spec.responseMandatory, &spec.responseOptional}) {
            QVERIFY(std::is_sorted(fields->begin(), fields->end()));
        }
        for (const int number : spec.requestMandatory)
            QVERIFY2(!spec.requestOptional.contains(number), qPrintable(spec.id));
        for (const int number : spec.responseMandatory)
            QVERIFY2(!spec.responseOptional.contains(number), qPrintable(spec.id));
        QVERIFY(spec.requestMandatory.contains(60));
        QVERIFY(spec.responseMandatory.contains(39));
    }
}

void tst_Iso8583Structured::catalogueMatchesReference_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("reference"); // §5 row: "MTI→MTI F3 F25 60.1 60.3"
    const auto row = [](const char* name, TransactionType type, const char* reference) {
        QTest::newRow(name) << static_cast<int>(type) << QString::fromLatin1(reference);
    };
    row("sign-on", TransactionType::SignOn, "0800>0810 - - 00 003");
    row("sign-off", TransactionType::SignOff, "0820>0830 - - 00 002");
    row("echo", TransactionType::EchoTest, "0820>0830 - - 00 301");
    row("balance", TransactionType::BalanceInquiry, "0200>0210 310000 00 01 000");
    row("sale", TransactionType::Sale, "0200>0210 000000 00 22 000");
    row("sale void", TransactionType::SaleVoid, "0200>0210 200000 00 23 000");
    row("refund", TransactionType::Refund, "0220>0230 200000 00 25 000");
    row("pre-auth", TransactionType::PreAuth, "0100>0110 030000 06 10 000");
    row("pre-auth void", TransactionType::PreAuthVoid, "0100>0110 200000 06 11 000");
    row("completion", TransactionType::PreAuthCompletion, "0200>0210 000000 06 20 000");
    row("completion void", TransactionType::PreAuthCompletionVoid, "0200>0210 200000 06 21 000");
    row("completion advice", TransactionType::PreAuthCompletionAdvice, "0220>0230 000000 06 24 000");
    row("offline sale", TransactionType::OfflineSale, "0220>0230 000000 00 30 000");
    row("reversal", TransactionType::Reversal, "0400>0410 000000 00 22 000");
    row("settlement", TransactionType::Settlement, "0500>0510 - - 00 201");
    row("batch upload", TransactionType::BatchUpload, "0320>0330 - - 00 201");
    row("batch upload end", TransactionType::BatchUploadEnd, "0320>0330 - - 00 202");
    row("script advice", TransactionType::ScriptResultAdvice, "0620>0630 - - 00 951");
}

void tst_Iso8583Structured::catalogueMatchesReference()
{
    QFETCH(int, type);
    QFETCH(QString, reference);
    const TransactionSpec& spec = transactionSpec(static_cast<TransactionType>(type));
    const auto orDash = [](const QString& value) { return value.isEmpty() ? u"-"_qs : value; };
    const QString actual = spec.requestMti + u">"_qs + spec.responseMti + u" "_qs +
                           orDash(spec.processingCode) + u" "_qs + orDash(spec.conditionCode) + u" "_qs +
                           spec.transactionTypeCode + u" "_qs + spec.networkCodes.first();
    QCOMPARE(actual, reference);
}

QTEST_GUILESS_MAIN(tst_Iso8583Structured)
#include "tst_iso8583_structured.moc"
