// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// pos-tool validate as a process: exit codes (0 valid, 1 invalid, 2 usage), the JSON object's fields for a
// valid and an invalid value of every kind, text output, and that card numbers are printed masked. Valid
// numbers are generated here with independently computed check characters.
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos::test;

namespace {

QString makeUscc(const QString& first17)
{
    const QString alphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY"_qs;
    int sum = 0;
    int weight = 1;
    for (QChar c : first17) {
        sum += static_cast<int>(alphabet.indexOf(c)) * weight;
        weight = weight * 3 % 31;
    }
    return first17 + alphabet.at((31 - sum % 31) % 31);
}

QString makeResidentId(const QString& first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17.at(i).unicode() - u'0') * weights[i];
    return first17 + u"10X98765432"_qs.at(sum % 11);
}

QString makeCard(const QString& prefix, int length)
{
    QString body = prefix;
    while (body.size() < length - 1)
        body.append(QChar(static_cast<char16_t>(u'0' + body.size() % 10)));
    for (int check = 0; check < 10; ++check) {
        const QString number = body + QChar(u'0' + check);
        int sum = 0;
        for (qsizetype i = 0; i < number.size(); ++i) {
            int d = number.at(number.size() - 1 - i).unicode() - u'0';
            if (i % 2 == 1)
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        if (sum % 10 == 0)
            return number;
    }
    return {};
}

} // namespace

class tst_PosToolValidate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonAnswer_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("fieldValue");

        const QString uscc = makeUscc(u"91440300MA5DQ8RU3"_qs);
        QTest::newRow("uscc valid") << QStringList{u"uscc"_qs, uscc.toLower()} << 0 << u"ok"_qs
                                    << u"regionEn"_qs << u"Guangdong"_qs;
        QTest::newRow("uscc with O") << QStringList{u"uscc"_qs, u"91440300MA5DQ8RUO0"_qs} << 1
                                     << u"bad_character"_qs << u"position"_qs << u"17"_qs;

        const QString id = makeResidentId(u"44030520000229123"_qs);
        QTest::newRow("id valid") << QStringList{u"id"_qs, id, u"--today"_qs, u"2026-06-15"_qs} << 0
                                  << u"ok"_qs << u"birthDate"_qs << u"2000-02-29"_qs;
        QTest::newRow("id future birth") << QStringList{u"id"_qs, id, u"--today"_qs, u"2000-02-28"_qs} << 1
                                         << u"birth_date_in_future"_qs << u"birthDate"_qs << u"2000-02-29"_qs;
        const QString unknownProvince = makeResidentId(u"99030519900101123"_qs);
        QTest::newRow("id unknown province") << QStringList{u"id"_qs, unknownProvince} << 1
                                             << u"unknown_province"_qs << u"provinceCode"_qs << u"99"_qs;

        const QString card = makeCard(u"622575"_qs, 16);
        QTest::newRow("bankcard valid, groups of four")
            << QStringList{u"bankcard"_qs, card.left(4), card.mid(4, 4), card.mid(8, 4), card.mid(12)} << 0
            << u"ok"_qs << u"bankCode"_qs << u"CMB"_qs;
        QString badLuhn = card;
        badLuhn.back() = QChar(u'0' + (badLuhn.back().unicode() - u'0' + 1) % 10);
        QTest::newRow("bankcard Luhn")
            << QStringList{u"bankcard"_qs, badLuhn} << 1 << u"luhn_failure"_qs << u"masked"_qs << u"true"_qs;

        QTest::newRow("account valid") << QStringList{u"account"_qs, u"0200004509200123456"_qs} << 0
                                       << u"ok"_qs << u"length"_qs << u"19"_qs;
        QTest::newRow("account is a personal card")
            << QStringList{u"account"_qs, makeCard(u"622202"_qs, 19)} << 1 << u"looks_like_personal_card"_qs
            << u"bankCode"_qs << u"ICBC"_qs;

        QTest::newRow("mobile valid") << QStringList{u"mobile"_qs, u"+86 139-1234-5678"_qs} << 0 << u"ok"_qs
                                      << u"normalized"_qs << u"13912345678"_qs;
        QTest::newRow("mobile 12x") << QStringList{u"mobile"_qs, u"12912345678"_qs} << 1 << u"bad_prefix"_qs
                                    << u"normalized"_qs << u"12912345678"_qs;

        QTest::newRow("name valid") << QStringList{u"name"_qs, u"阿依古丽·买买提"_qs} << 0 << u"ok"_qs
                                    << u"script"_qs << u"han"_qs;
        QTest::newRow("name mixed") << QStringList{u"name"_qs, u"张John"_qs} << 1 << u"mixed_scripts"_qs
                                    << u"normalized"_qs << u"张John"_qs;
        QTest::newRow("business name valid")
            << QStringList{u"business-name"_qs, u"深圳某某科技有限公司(南山分公司)"_qs} << 0 << u"ok"_qs
            << u"normalized"_qs << u"深圳某某科技有限公司（南山分公司）"_qs;
    }
    void jsonAnswer()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, reason);
        QFETCH(QString, field);
        QFETCH(QString, fieldValue);
        const RunResult run = runProcess(builtExecutable(u"pos-tool"_qs),
                                         QStringList{u"validate"_qs} + args + QStringList{u"--json"_qs},
                                         std::chrono::seconds(30));
        QCOMPARE(run.exitCode, exitCode);
        const QJsonObject answer = QJsonDocument::fromJson(run.standardOutput.trimmed()).object();
        QCOMPARE(answer.value(u"valid"_qs).toBool(!exitCode), exitCode == 0);
        QCOMPARE(answer.value(u"reason"_qs).toString(), reason);
        QCOMPARE(answer.value(u"kind"_qs).toString(), args.first());
        QVERIFY(!answer.value(u"message"_qs).toString().isEmpty());
        QVERIFY(answer.contains(u"normalized"_qs));
        QCOMPARE(answer.value(field).toVariant().toString(), fieldValue);
    }

    void cardNumbersArePrintedMasked_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("value");
        QTest::newRow("bankcard") << u"bankcard"_qs << makeCard(u"622848"_qs, 19);
        QTest::newRow("account") << u"account"_qs << makeCard(u"622848"_qs, 19);
        QTest::newRow("id") << u"id"_qs << makeResidentId(u"11010819900307123"_qs);
    }
    void cardNumbersArePrintedMasked()
    {
        QFETCH(QString, kind);
        QFETCH(QString, value);
        for (const bool json : {true, false}) {
            QStringList args{u"validate"_qs, kind, value};
            if (json)
                args.append(u"--json"_qs);
            const RunResult run = runProcess(builtExecutable(u"pos-tool"_qs), args, std::chrono::seconds(30));
            QVERIFY(run.exitCode == 0 || run.exitCode == 1);
            QVERIFY2(!run.standardOutput.contains(value.toLatin1()), run.standardOutput.constData());
            QVERIFY2(run.standardOutput.contains(QString(value.left(6) + u"*"_qs).toLatin1()),
                     run.standardOutput.constData());
        }
    }

    void textAnswer()
    {
        const RunResult run =
            runProcess(builtExecutable(u"pos-tool"_qs), {u"validate"_qs, u"mobile"_qs, u"1381234567"_qs},
                       std::chrono::seconds(30));
        QCOMPARE(run.exitCode, 1);
        const QString out = QString::fromUtf8(run.standardOutput);
        QVERIFY2(out.contains(u"valid: no\n"_qs), qPrintable(out));
        QVERIFY2(out.contains(u"reason: bad_length\n"_qs), qPrintable(out));
        QVERIFY2(out.contains(u"expectedLength: 11\n"_qs), qPrintable(out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("nothing") << QStringList{};
        QTest::newRow("no value") << QStringList{u"uscc"_qs};
        QTest::newRow("unknown kind") << QStringList{u"passport"_qs, u"E12345678"_qs};
        QTest::newRow("bad --today") << QStringList{u"id"_qs, u"110108199003071234"_qs, u"--today"_qs,
                                                    u"soon"_qs};
        QTest::newRow("unknown option") << QStringList{u"mobile"_qs, u"13812345678"_qs, u"--fast"_qs};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        const RunResult run = runProcess(builtExecutable(u"pos-tool"_qs),
                                         QStringList{u"validate"_qs} + args + QStringList{u"--json"_qs},
                                         std::chrono::seconds(30));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.standardOutput.isEmpty());
        QVERIFY(!run.standardError.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_PosToolValidate)
#include "tst_pos_tool_validate.moc"
