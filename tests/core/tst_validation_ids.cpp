// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// USCC (GB 32100-2015) and resident ID (GB 11643-1999) validators. Every valid number is generated here: the
// check characters are computed by this file's own implementation of the two standards (never copied from a
// real person or company), then the validator must agree.
#include "core/validation/ChineseIds.h"
#include "core/validation/Regions.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos::validation;

namespace {

const QDate kToday(2026, 6, 15);

// GB 32100-2015 §5: characters and values 0..30; weight of position i (1-based) is 3^(i-1) mod 31.
QChar independentUsccCheck(const QString& first17)
{
    const QString alphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY"_qs;
    int sum = 0;
    int weight = 1;
    for (QChar c : first17) {
        sum += static_cast<int>(alphabet.indexOf(c)) * weight;
        weight = weight * 3 % 31;
    }
    return alphabet.at((31 - sum % 31) % 31);
}

QString makeUscc(const QString& first17)
{
    return first17 + independentUsccCheck(first17);
}

// GB 11643-1999 / ISO 7064 MOD 11-2: weight of position i (1-based) is 2^(18-i) mod 11; the check character
// is the value c with (Σ + c) ≡ 1 (mod 11), 10 written as X.
QChar independentIdCheck(const QString& first17)
{
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        int weight = 1;
        for (int k = 0; k < 17 - i; ++k)
            weight = weight * 2 % 11;
        sum += (first17.at(i).unicode() - u'0') * weight;
    }
    const int check = (12 - sum % 11) % 11;
    return check == 10 ? QLatin1Char('X') : QChar(u'0' + check);
}

QString makeResidentId(const QString& division, const QString& birth, const QString& sequence)
{
    const QString first17 = division + birth + sequence;
    return first17 + independentIdCheck(first17);
}

// A sequence number (3 digits) for which the ID's check character is X.
QString sequenceGivingX(const QString& division, const QString& birth)
{
    for (int n = 0; n < 1000; ++n) {
        const QString sequence = QString::number(n).rightJustified(3, QLatin1Char('0'));
        if (independentIdCheck(division + birth + sequence) == QLatin1Char('X'))
            return sequence;
    }
    return {};
}

QString withCharAt(QString text, int index, QChar c)
{
    text[index] = c;
    return text;
}

// A check character of the USCC alphabet that differs from c.
QChar otherUsccCharacter(QChar c)
{
    return c == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
}

} // namespace

class tst_ValidationIds final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkCharactersMatchIndependentImplementations();
    void uscc_data();
    void uscc();
    void usccReportsExpectedCheckCharacter();
    void usccNamesRegion();
    void residentId_data();
    void residentId();
    void residentIdDetails_data();
    void residentIdDetails();
    void residentIdReportsExpectedCheckCharacter();
    void provinceTable_data();
    void provinceTable();
    void messagesNameThePosition();
};

void tst_ValidationIds::checkCharactersMatchIndependentImplementations()
{
    QRandomGenerator random(20260615);
    const QString alphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY"_qs;
    for (int round = 0; round < 500; ++round) {
        QString usccBody;
        QString idBody;
        for (int i = 0; i < 17; ++i) {
            usccBody.append(alphabet.at(random.bounded(static_cast<int>(alphabet.size()))));
            idBody.append(QChar(u'0' + random.bounded(10)));
        }
        QCOMPARE(usccCheckCharacter(usccBody), std::optional<QChar>(independentUsccCheck(usccBody)));
        QCOMPARE(residentIdCheckCharacter(idBody), std::optional<QChar>(independentIdCheck(idBody)));
    }
    QCOMPARE(usccCheckCharacter(u"91110108MA01ABCDI"_qs), std::nullopt);
    QCOMPARE(residentIdCheckCharacter(u"1101081990030712X"_qs), std::nullopt);
    QCOMPARE(usccCheckCharacter(u"91110108"_qs), std::nullopt);
}

void tst_ValidationIds::uscc_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("normalized");

    const QString good = makeUscc(u"91110108MA01ABCD2"_qs);
    const QString national = makeUscc(u"91100000100000001"_qs);
    const QString withY = makeUscc(u"Y1440300MA5DQ8RU3"_qs);
    QTest::newRow("valid") << good << true << u"ok"_qs << good;
    QTest::newRow("valid national 100000") << national << true << u"ok"_qs << national;
    QTest::newRow("valid Y authority") << withY << true << u"ok"_qs << withY;
    QTest::newRow("lower case accepted") << good.toLower() << true << u"ok"_qs << good;
    QTest::newRow("spaces accepted") << (u"  "_qs + good.left(6) + u" "_qs + good.mid(6, 6) + u"\t"_qs +
                                         good.mid(12) + u" "_qs)
                                     << true << u"ok"_qs << good;
    QString fullWidth;
    for (QChar c : good)
        fullWidth.append(QChar(static_cast<char16_t>(c.unicode() + 0xFEE0)));
    QTest::newRow("full-width accepted") << fullWidth << true << u"ok"_qs << good;

    for (QChar letter : u"IOZSV"_qs) {
        const QString body = withCharAt(u"91110108MA01ABCD2"_qs, 11, letter);
        const QString bad = body + QLatin1Char('0');
        QTest::addRow("contains %c", letter.toLatin1()) << bad << false << u"bad_character"_qs << bad;
    }
    QTest::newRow("lower-case o is not fixed")
        << withCharAt(good, 9, QLatin1Char('o')) << false << u"bad_character"_qs
        << withCharAt(good, 9, QLatin1Char('O'));
    QTest::newRow("Chinese character")
        << (good.left(17) + u"中"_qs) << false << u"bad_character"_qs << (good.left(17) + u"中"_qs);
    QTest::newRow("dash") << (good.left(8) + u"-"_qs + good.mid(8)) << false << u"bad_character"_qs
                          << (good.left(8) + u"-"_qs + good.mid(8));
    QTest::newRow("letter in division code") << makeUscc(u"9111A108MA01ABCD2"_qs) << false
                                             << u"bad_character"_qs << makeUscc(u"9111A108MA01ABCD2"_qs);
    QTest::newRow("17 characters") << good.left(17) << false << u"bad_length"_qs << good.left(17);
    QTest::newRow("19 characters") << (good + u"1"_qs) << false << u"bad_length"_qs << (good + u"1"_qs);
    QTest::newRow("old 15-digit registration number")
        << u"110108012345678"_qs << false << u"bad_length"_qs << u"110108012345678"_qs;
    const QString wrongCheck = good.left(17) + otherUsccCharacter(good.at(17));
    QTest::newRow("wrong check character") << wrongCheck << false << u"bad_check_character"_qs << wrongCheck;
    const QString oneTypo =
        withCharAt(good, 12, good.at(12) == QLatin1Char('B') ? QLatin1Char('C') : QLatin1Char('B'));
    QTest::newRow("one mistyped character") << oneTypo << false << u"bad_check_character"_qs << oneTypo;
    QTest::newRow("empty") << QString() << false << u"empty"_qs << QString();
    QTest::newRow("only spaces") << u"  \u3000 "_qs << false << u"empty"_qs << QString();
}

void tst_ValidationIds::uscc()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    QFETCH(QString, normalized);
    const ValidationResult result = validateUscc(input);
    QCOMPARE(reasonKey(result.reason), reason);
    QCOMPARE(result.valid, valid);
    QCOMPARE(result.normalized, normalized);
    QVERIFY(!result.message.isEmpty());
}

void tst_ValidationIds::usccReportsExpectedCheckCharacter()
{
    const QString good = makeUscc(u"91310115MA1K3YJ84"_qs);
    const QChar wrong = otherUsccCharacter(good.at(17));
    const ValidationResult result = validateUscc(QString(good.left(17) + wrong));
    QCOMPARE(result.reason, Reason::BadCheckCharacter);
    QCOMPARE(result.details.value(u"expected"_qs).toString(), QString(good.at(17)));
    QCOMPARE(result.details.value(u"actual"_qs).toString(), QString(wrong));
    QCOMPARE(result.details.value(u"position"_qs).toInt(), 18);
    QVERIFY2(result.message.contains(good.at(17)), qPrintable(result.message));
}

void tst_ValidationIds::usccNamesRegion()
{
    const ValidationResult shanghai = validateUscc(makeUscc(u"91310115MA1K3YJ84"_qs));
    QVERIFY(shanghai.valid);
    QCOMPARE(shanghai.details.value(u"region"_qs).toString(), u"上海市"_qs);
    QCOMPARE(shanghai.details.value(u"regionEn"_qs).toString(), u"Shanghai"_qs);
    QCOMPARE(shanghai.details.value(u"divisionCode"_qs).toString(), u"310115"_qs);
    QCOMPARE(shanghai.details.value(u"registrationAuthority"_qs).toString(), u"9"_qs);
    const ValidationResult national = validateUscc(makeUscc(u"91100000100000001"_qs));
    QVERIFY(national.valid);
    QVERIFY(!national.details.contains(u"region"_qs));
}

void tst_ValidationIds::residentId_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("normalized");

    const QString beijing = u"110108"_qs;
    const QString good = makeResidentId(beijing, u"19900307"_qs, u"123"_qs);
    QTest::newRow("valid") << good << true << u"ok"_qs << good;
    const QString xSequence = sequenceGivingX(beijing, u"19851120"_qs);
    QVERIFY(!xSequence.isEmpty());
    const QString withX = makeResidentId(beijing, u"19851120"_qs, xSequence);
    QVERIFY(withX.endsWith(QLatin1Char('X')));
    QTest::newRow("X check digit") << withX << true << u"ok"_qs << withX;
    QTest::newRow("lower-case x") << withX.toLower() << true << u"ok"_qs << withX;
    QTest::newRow("spaces") << (u" "_qs + withX.left(6) + u" "_qs + withX.mid(6, 8) + u" "_qs + withX.mid(14))
                            << true << u"ok"_qs << withX;
    QTest::newRow("X written as 10") << (withX.left(17) + u"10"_qs) << false << u"bad_length"_qs
                                     << (withX.left(17) + u"10"_qs);

    for (const QString& birth : {u"20000229"_qs, u"20240229"_qs, u"19000101"_qs, u"20260615"_qs}) {
        const QString id = makeResidentId(beijing, birth, u"456"_qs);
        QTest::addRow("valid birth %s", qPrintable(birth)) << id << true << u"ok"_qs << id;
    }
    const QStringList notDates{u"19000229"_qs, u"20230229"_qs, u"19900431"_qs,
                               u"19901301"_qs, u"19900100"_qs, u"19900001"_qs};
    for (const QString& birth : notDates) {
        const QString id = makeResidentId(beijing, birth, u"456"_qs);
        QTest::addRow("not a date %s", qPrintable(birth)) << id << false << u"bad_birth_date"_qs << id;
    }
    const QString tomorrow = makeResidentId(beijing, u"20260616"_qs, u"456"_qs);
    QTest::newRow("born tomorrow") << tomorrow << false << u"birth_date_in_future"_qs << tomorrow;
    const QString nextCentury = makeResidentId(beijing, u"21010101"_qs, u"456"_qs);
    QTest::newRow("born 2101") << nextCentury << false << u"birth_date_in_future"_qs << nextCentury;
    const QString early = makeResidentId(beijing, u"18991231"_qs, u"456"_qs);
    QTest::newRow("born 1899") << early << false << u"birth_date_too_early"_qs << early;

    for (const QString& division : {u"990101"_qs, u"100000"_qs, u"660101"_qs, u"830000"_qs, u"000000"_qs}) {
        const QString id = makeResidentId(division, u"19900307"_qs, u"123"_qs);
        QTest::addRow("unknown province %s", qPrintable(division.left(2)))
            << id << false << u"unknown_province"_qs << id;
    }
    for (const QString& division : {u"710000"_qs, u"810000"_qs, u"820000"_qs, u"650102"_qs, u"540102"_qs}) {
        const QString id = makeResidentId(division, u"19900307"_qs, u"123"_qs);
        QTest::addRow("known province %s", qPrintable(division.left(2))) << id << true << u"ok"_qs << id;
    }

    const QString wrongCheck =
        good.left(17) + (good.at(17) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1'));
    QTest::newRow("wrong check digit") << wrongCheck << false << u"bad_check_character"_qs << wrongCheck;
    const QString swapped = good.left(14) + good.at(15) + good.at(14) + good.mid(16);
    QVERIFY(swapped != good);
    QTest::newRow("swapped digits") << swapped << false << u"bad_check_character"_qs << swapped;
    const QString xInside = withCharAt(good, 10, QLatin1Char('X'));
    QTest::newRow("X not at the end") << xInside << false << u"bad_character"_qs << xInside;
    QTest::newRow("letter") << withCharAt(good, 3, QLatin1Char('A')) << false << u"bad_character"_qs
                            << withCharAt(good, 3, QLatin1Char('A'));
    QTest::newRow("15-digit first generation")
        << u"110108900307123"_qs << false << u"bad_length"_qs << u"110108900307123"_qs;
    QTest::newRow("17 digits") << good.left(17) << false << u"bad_length"_qs << good.left(17);
    QTest::newRow("19 digits") << (good + u"0"_qs) << false << u"bad_length"_qs << (good + u"0"_qs);
    QTest::newRow("empty") << QString() << false << u"empty"_qs << QString();
}

void tst_ValidationIds::residentId()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    QFETCH(QString, normalized);
    const ValidationResult result = validateResidentId(input, kToday);
    QCOMPARE(reasonKey(result.reason), reason);
    QCOMPARE(result.valid, valid);
    QCOMPARE(result.normalized, normalized);
    QVERIFY(!result.message.isEmpty());
}

void tst_ValidationIds::residentIdDetails_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("birthDate");
    QTest::addColumn<QString>("sex");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("regionEn");
    QTest::newRow("Beijing man") << makeResidentId(u"110108"_qs, u"19900307"_qs, u"123"_qs)
                                 << u"1990-03-07"_qs << u"male"_qs << u"北京市"_qs << u"Beijing"_qs;
    QTest::newRow("Guangxi woman") << makeResidentId(u"450102"_qs, u"20000229"_qs, u"124"_qs)
                                   << u"2000-02-29"_qs << u"female"_qs << u"广西壮族自治区"_qs
                                   << u"Guangxi"_qs;
    QTest::newRow("Xinjiang zero digit")
        << makeResidentId(u"650102"_qs, u"19751231"_qs, u"050"_qs) << u"1975-12-31"_qs << u"female"_qs
        << u"新疆维吾尔自治区"_qs << u"Xinjiang"_qs;
}

void tst_ValidationIds::residentIdDetails()
{
    QFETCH(QString, id);
    QFETCH(QString, birthDate);
    QFETCH(QString, sex);
    QFETCH(QString, region);
    QFETCH(QString, regionEn);
    const ValidationResult result = validateResidentId(id, kToday);
    QVERIFY2(result.valid, qPrintable(result.message));
    QCOMPARE(result.details.value(u"birthDate"_qs).toString(), birthDate);
    QCOMPARE(result.details.value(u"sex"_qs).toString(), sex);
    QCOMPARE(result.details.value(u"region"_qs).toString(), region);
    QCOMPARE(result.details.value(u"regionEn"_qs).toString(), regionEn);
    QCOMPARE(result.details.value(u"divisionCode"_qs).toString(), id.left(6));
    QCOMPARE(result.details.value(u"provinceCode"_qs).toInt(), id.left(2).toInt());
}

void tst_ValidationIds::residentIdReportsExpectedCheckCharacter()
{
    const QString withX =
        makeResidentId(u"320102"_qs, u"19881010"_qs, sequenceGivingX(u"320102"_qs, u"19881010"_qs));
    const ValidationResult result = validateResidentId(QString(withX.left(17) + u"7"_qs), kToday);
    QCOMPARE(result.reason, Reason::BadCheckCharacter);
    QCOMPARE(result.details.value(u"expected"_qs).toString(), u"X"_qs);
    QCOMPARE(result.details.value(u"actual"_qs).toString(), u"7"_qs);
}

void tst_ValidationIds::provinceTable_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("zh");
    QTest::addColumn<QString>("en");
    QTest::newRow("11") << 11 << u"北京市"_qs << u"Beijing"_qs;
    QTest::newRow("15") << 15 << u"内蒙古自治区"_qs << u"Inner Mongolia"_qs;
    QTest::newRow("61") << 61 << u"陕西省"_qs << u"Shaanxi"_qs;
    QTest::newRow("65") << 65 << u"新疆维吾尔自治区"_qs << u"Xinjiang"_qs;
    QTest::newRow("71") << 71 << u"台湾省"_qs << u"Taiwan"_qs;
    QTest::newRow("81") << 81 << u"香港特别行政区"_qs << u"Hong Kong"_qs;
    QTest::newRow("82") << 82 << u"澳门特别行政区"_qs << u"Macao"_qs;
    QTest::newRow("10 unassigned") << 10 << QString() << QString();
    QTest::newRow("83 unassigned") << 83 << QString() << QString();
    QTest::newRow("0") << 0 << QString() << QString();
}

void tst_ValidationIds::provinceTable()
{
    QFETCH(int, code);
    QFETCH(QString, zh);
    QFETCH(QString, en);
    const std::optional<Province> province = provinceByCode(code);
    QCOMPARE(province.has_value(), !zh.isEmpty());
    if (province) {
        QCOMPARE(province->chineseName(), zh);
        QCOMPARE(province->englishName(), en);
    }
    QCOMPARE(provinces().size(), size_t(34));
}

void tst_ValidationIds::messagesNameThePosition()
{
    const ValidationResult uscc = validateUscc(u"91110108MA0IABCD20"_qs);
    QCOMPARE(uscc.details.value(u"position"_qs).toInt(), 12);
    QCOMPARE(uscc.details.value(u"character"_qs).toString(), u"I"_qs);
    QVERIFY2(uscc.message.contains(u"12"_qs), qPrintable(uscc.message));
    const ValidationResult id = validateResidentId(u"11010819900A071234"_qs, kToday);
    QCOMPARE(id.details.value(u"position"_qs).toInt(), 12);
    QVERIFY2(id.message.contains(u"12"_qs), qPrintable(id.message));
    QVERIFY2(!id.message.contains(u"110108"_qs), "a message must not repeat the number");
}

QTEST_GUILESS_MAIN(tst_ValidationIds)
#include "tst_validation_ids.moc"
