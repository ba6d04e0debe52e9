// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Personal bank cards, corporate accounts and the shipped BIN table. Card numbers are generated here: a BIN
// from the table, filler digits, and a Luhn digit computed by this file (never real card numbers).
#include "core/validation/BankAccounts.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos::validation;

namespace {

// ISO/IEC 7812-1 annex B: the digit that makes prefix + digit pass the Luhn check.
QChar luhnDigit(const QString& prefix)
{
    int sum = 0;
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        int d = prefix.at(prefix.size() - 1 - i).unicode() - u'0';
        if (i % 2 == 0) // doubled: it will sit at an even distance from the check digit
            d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
    }
    return QChar(u'0' + (10 - sum % 10) % 10);
}

// A Luhn-valid number of length digits starting with prefix.
QString card(const QString& prefix, int length)
{
    QString body = prefix;
    for (int i = 0; body.size() < length - 1; ++i)
        body.append(QChar(u'0' + (i * 7 + 3) % 10));
    return body + luhnDigit(body);
}

QString breakLuhn(const QString& number)
{
    QString broken = number;
    const int last = number.back().unicode() - u'0';
    broken.back() = QChar(u'0' + (last + 1) % 10);
    return broken;
}

QByteArray tableJson(const QString& binsArray, const QString& sources = u"{\"s\":{}}"_qs)
{
    return (u"{\"banks\":{\"ICBC\":{\"zh\":\"中国工商银行\",\"en\":\"ICBC\"}},\"sources\":"_qs + sources +
            u",\"bins\":"_qs + binsArray + u"}"_qs)
        .toUtf8();
}

} // namespace

class tst_ValidationBank final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void luhnKnownAnswers_data();
    void luhnKnownAnswers();
    void builtInTableLoads_data();
    void builtInTableLoads();
    void shippedJsonNamesASourceForEveryEntry();
    void tableRefusesBrokenJson_data();
    void tableRefusesBrokenJson();
    void bankCard_data();
    void bankCard();
    void bankCardDetails();
    void unknownBinIsStillValid();
    void corporateAccount_data();
    void corporateAccount();
    void messagesNeverRepeatTheNumber();
    void maskMiddle_data();
    void maskMiddle();
};

void tst_ValidationBank::luhnKnownAnswers_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("passes");
    // ISO/IEC 7812 worked example and the usual test PANs.
    QTest::newRow("79927398713") << u"79927398713"_qs << true;
    QTest::newRow("79927398710") << u"79927398710"_qs << false;
    QTest::newRow("4111111111111111") << u"4111111111111111"_qs << true;
    QTest::newRow("4111111111111112") << u"4111111111111112"_qs << false;
    QTest::newRow("6011111111111117") << u"6011111111111117"_qs << true;
    QTest::newRow("one digit") << u"0"_qs << false;
    QTest::newRow("letter") << u"4111a11111111111"_qs << false;
}

void tst_ValidationBank::luhnKnownAnswers()
{
    QFETCH(QString, digits);
    QFETCH(bool, passes);
    QCOMPARE(passesLuhn(digits), passes);
}

void tst_ValidationBank::builtInTableLoads_data()
{
    QTest::addColumn<QString>("bin");
    QTest::addColumn<QString>("bankCode");
    QTest::addColumn<QString>("kind");
    QTest::newRow("ICBC debit") << u"622202"_qs << u"ICBC"_qs << u"debit"_qs;
    QTest::newRow("CCB debit") << u"621700"_qs << u"CCB"_qs << u"debit"_qs;
    QTest::newRow("ABC debit") << u"622848"_qs << u"ABC"_qs << u"debit"_qs;
    QTest::newRow("BOC credit") << u"622760"_qs << u"BOC"_qs << u"credit"_qs;
    QTest::newRow("BOCOM semi-credit") << u"622254"_qs << u"COMM"_qs << u"semi_credit"_qs;
    QTest::newRow("CMB credit") << u"622575"_qs << u"CMB"_qs << u"credit"_qs;
    QTest::newRow("PSBC debit") << u"621799"_qs << u"PSBC"_qs << u"debit"_qs;
    QTest::newRow("Ping An debit") << u"622298"_qs << u"SPABANK"_qs << u"debit"_qs;
    QTest::newRow("conflicting 621260 left out") << u"621260"_qs << QString() << QString();
    QTest::newRow("conflicting 622309 left out") << u"622309"_qs << QString() << QString();
    QTest::newRow("unknown") << u"999999"_qs << QString() << QString();
}

void tst_ValidationBank::builtInTableLoads()
{
    QFETCH(QString, bin);
    QFETCH(QString, bankCode);
    QFETCH(QString, kind);
    const BinTable& table = BinTable::builtIn();
    QVERIFY2(table.size() > 600, "the shipped table lost entries");
    const std::optional<BinEntry> entry = table.lookup(card(bin, 19));
    QCOMPARE(entry.has_value(), !bankCode.isEmpty());
    if (entry) {
        QCOMPARE(entry->bankCode, bankCode);
        QCOMPARE(cardKindKey(entry->kind), kind);
        QVERIFY(!entry->bankNameZh.isEmpty());
        QVERIFY(!entry->bankNameEn.isEmpty());
        QCOMPARE(entry->source, u"bcbc"_qs);
    }
}

void tst_ValidationBank::shippedJsonNamesASourceForEveryEntry()
{
    QFile file(QStringLiteral(":/core/validation/bank-bins.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject sources = root.value(u"sources"_qs).toObject();
    QVERIFY(!sources.isEmpty());
    for (auto it = sources.begin(); it != sources.end(); ++it) {
        QVERIFY(!it.value().toObject().value(u"url"_qs).toString().isEmpty());
        QVERIFY(!it.value().toObject().value(u"license"_qs).toString().isEmpty());
    }
    const QJsonArray bins = root.value(u"bins"_qs).toArray();
    QCOMPARE(bins.size(), BinTable::builtIn().size());
    for (const QJsonValue& bin : bins)
        QVERIFY(sources.contains(bin.toObject().value(u"source"_qs).toString()));
}

void tst_ValidationBank::tableRefusesBrokenJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    const QString entry =
        u"{\"bin\":\"622202\",\"bank\":\"ICBC\",\"kind\":\"debit\",\"length\":19,\"source\":\"s\"}"_qs;
    QTest::newRow("good") << tableJson(u"["_qs + entry + u"]"_qs) << true;
    QTest::newRow("not JSON") << QByteArray("{bins") << false;
    QTest::newRow("five-digit bin")
        << tableJson(QString(u"["_qs + entry + u"]"_qs).replace(u"622202"_qs, u"62220"_qs)) << false;
    QTest::newRow("unknown bank")
        << tableJson(QString(u"["_qs + entry + u"]"_qs).replace(u"\"ICBC\","_qs, u"\"XYZ\","_qs)) << false;
    QTest::newRow("unknown kind") << tableJson(
                                         QString(u"["_qs + entry + u"]"_qs).replace(u"debit"_qs, u"gold"_qs))
                                  << false;
    QTest::newRow("unsourced") << tableJson(u"["_qs + entry + u"]"_qs, u"{}"_qs) << false;
    QTest::newRow("listed twice") << tableJson(u"["_qs + entry + u","_qs + entry + u"]"_qs) << false;
}

void tst_ValidationBank::tableRefusesBrokenJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    const pos::Result<BinTable> table = BinTable::fromJson(json);
    QCOMPARE(table.hasValue(), ok);
    if (ok)
        QCOMPARE(table.value().size(), 1);
    else
        QCOMPARE(table.error().code, pos::ErrorCode::InvalidInput);
}

void tst_ValidationBank::bankCard_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("normalized");

    const QString icbc = card(u"622202"_qs, 19);
    const QString cmb = card(u"622575"_qs, 16);
    QTest::newRow("ICBC 19 digits") << icbc << true << u"ok"_qs << icbc;
    QTest::newRow("CMB 16 digits") << cmb << true << u"ok"_qs << cmb;
    QTest::newRow("groups of four") << (cmb.left(4) + u" "_qs + cmb.mid(4, 4) + u" "_qs + cmb.mid(8, 4) +
                                        u" "_qs + cmb.mid(12))
                                    << true << u"ok"_qs << cmb;
    QString fullWidth;
    for (QChar c : icbc)
        fullWidth.append(QChar(static_cast<char16_t>(c.unicode() + 0xFEE0)));
    QTest::newRow("full-width digits") << fullWidth << true << u"ok"_qs << icbc;
    const QString shortest = card(u"999999"_qs, 12);
    QTest::newRow("12 digits") << shortest << true << u"ok"_qs << shortest;
    const QString eleven = card(u"999999"_qs, 11);
    QTest::newRow("11 digits") << eleven << false << u"bad_length"_qs << eleven;
    const QString twenty = card(u"622202"_qs, 20);
    QTest::newRow("20 digits") << twenty << false << u"bad_length"_qs << twenty;
    QTest::newRow("Luhn: last digit") << breakLuhn(icbc) << false << u"luhn_failure"_qs << breakLuhn(icbc);
    QString swapped = cmb;
    std::swap(swapped[8], swapped[9]);
    QVERIFY(swapped != cmb);
    QTest::newRow("Luhn: swapped digits") << swapped << false << u"luhn_failure"_qs << swapped;
    QTest::newRow("Luhn: unknown BIN")
        << breakLuhn(shortest) << false << u"luhn_failure"_qs << breakLuhn(shortest);
    QTest::newRow("dash") << (cmb.left(4) + u"-"_qs + cmb.mid(4)) << false << u"bad_character"_qs
                          << (cmb.left(4) + u"-"_qs + cmb.mid(4));
    QTest::newRow("letter O for zero") << (cmb.left(5) + u"O"_qs + cmb.mid(6)) << false << u"bad_character"_qs
                                       << (cmb.left(5) + u"O"_qs + cmb.mid(6));
    QTest::newRow("empty") << u" "_qs << false << u"empty"_qs << QString();
}

void tst_ValidationBank::bankCard()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    QFETCH(QString, normalized);
    const ValidationResult result = validateBankCard(input);
    QCOMPARE(reasonKey(result.reason), reason);
    QCOMPARE(result.valid, valid);
    QCOMPARE(result.normalized, normalized);
    QVERIFY(!result.message.isEmpty());
}

void tst_ValidationBank::bankCardDetails()
{
    const ValidationResult result = validateBankCard(card(u"622848"_qs, 19));
    QVERIFY(result.valid);
    QCOMPARE(result.details.value(u"bin"_qs).toString(), u"622848"_qs);
    QCOMPARE(result.details.value(u"bankKnown"_qs).toBool(), true);
    QCOMPARE(result.details.value(u"bankCode"_qs).toString(), u"ABC"_qs);
    QCOMPARE(result.details.value(u"bank"_qs).toString(), u"中国农业银行"_qs);
    QCOMPARE(result.details.value(u"bankEn"_qs).toString(), u"Agricultural Bank of China"_qs);
    QCOMPARE(result.details.value(u"cardKind"_qs).toString(), u"debit"_qs);
    QCOMPARE(result.details.value(u"binSource"_qs).toString(), u"bcbc"_qs);
}

void tst_ValidationBank::unknownBinIsStillValid()
{
    const ValidationResult result = validateBankCard(card(u"999999"_qs, 16));
    QVERIFY(result.valid);
    QCOMPARE(result.details.value(u"bankKnown"_qs).toBool(), false);
    QCOMPARE(result.details.value(u"bank"_qs).toString(), u"unknown"_qs);
    QVERIFY(!result.details.contains(u"cardKind"_qs));
}

void tst_ValidationBank::corporateAccount_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("bankCode");

    QTest::newRow("8 digits") << u"12345678"_qs << true << u"ok"_qs << QString();
    QTest::newRow("30 digits") << QString(30, QLatin1Char('7')) << true << u"ok"_qs << QString();
    QTest::newRow("typical 19 with spaces") << u"0200 0045 0920 0123 456"_qs << true << u"ok"_qs << QString();
    QTest::newRow("7 digits") << u"1234567"_qs << false << u"bad_length"_qs << QString();
    QTest::newRow("31 digits") << QString(31, QLatin1Char('7')) << false << u"bad_length"_qs << QString();
    QTest::newRow("personal ICBC debit card")
        << card(u"622202"_qs, 19) << false << u"looks_like_personal_card"_qs << u"ICBC"_qs;
    QTest::newRow("personal CMB credit card")
        << card(u"622575"_qs, 16) << false << u"looks_like_personal_card"_qs << u"CMB"_qs;
    QTest::newRow("personal card with spaces") << (u"6228 48"_qs + card(u"622848"_qs, 19).mid(6)) << false
                                               << u"looks_like_personal_card"_qs << u"ABC"_qs;
    QTest::newRow("card BIN but no Luhn")
        << breakLuhn(card(u"622202"_qs, 19)) << true << u"ok"_qs << QString();
    QTest::newRow("card BIN, Luhn, other length") << card(u"622202"_qs, 17) << true << u"ok"_qs << QString();
    QTest::newRow("unknown BIN passing Luhn") << card(u"999999"_qs, 16) << true << u"ok"_qs << QString();
    QTest::newRow("letter") << u"0200A0450920"_qs << false << u"bad_character"_qs << QString();
    QTest::newRow("empty") << QString() << false << u"empty"_qs << QString();
}

void tst_ValidationBank::corporateAccount()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    QFETCH(QString, bankCode);
    const ValidationResult result = validateCorporateAccount(input);
    QCOMPARE(reasonKey(result.reason), reason);
    QCOMPARE(result.valid, valid);
    QCOMPARE(result.details.value(u"bankCode"_qs).toString(), bankCode);
    QVERIFY(!result.normalized.contains(QLatin1Char(' ')));
    QVERIFY(!result.message.isEmpty());
}

void tst_ValidationBank::messagesNeverRepeatTheNumber()
{
    const QString number = card(u"622202"_qs, 19);
    for (const ValidationResult& result :
         {validateBankCard(number), validateBankCard(breakLuhn(number)), validateCorporateAccount(number)}) {
        QVERIFY2(!result.message.contains(number.mid(6, 6)), qPrintable(result.message));
    }
}

void tst_ValidationBank::maskMiddle_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");
    QTest::newRow("card") << u"6222021234567890123"_qs << u"622202*********0123"_qs;
    QTest::newRow("too short") << u"1234"_qs << u"****"_qs;
    QTest::newRow("empty") << QString() << QString();
}

void tst_ValidationBank::maskMiddle()
{
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(pos::validation::maskMiddle(value, 6, 4), masked);
}

QTEST_GUILESS_MAIN(tst_ValidationBank)
#include "tst_validation_bank.moc"
