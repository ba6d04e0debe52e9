// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The onboarding review's own check functions: GB 32100-2015 unified social credit codes and GB 11643-1999
// citizen identity numbers. The valid values were computed separately from the standards' formulas (a short
// script, not this code); each invalid row changes one thing of a valid one.
#include "simulators/acquirer/api/ChineseIdentifiers.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::sim;
using namespace Qt::StringLiterals;

class tst_ChineseIdentifiers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksUscc_data();
    void checksUscc();
    void computesUsccCheckCharacter();
    void checksResidentId_data();
    void checksResidentId();
    void computesResidentIdCheckCharacter();
};

void tst_ChineseIdentifiers::checksUscc_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");
    QTest::newRow("brief example") << u"91350100M000100Y43"_qs << true;
    QTest::newRow("letter check character") << u"91440300MA5ABCDE0E"_qs << true;
    QTest::newRow("public institution") << u"12100000400000000W"_qs << true;
    QTest::newRow("X inside") << u"9144030071526726XG"_qs << true;
    QTest::newRow("wrong check digit") << u"91350100M000100Y44"_qs << false;
    QTest::newRow("two characters swapped") << u"93150100M000100Y43"_qs << false;
    QTest::newRow("lower case") << u"91440300ma5abcde0e"_qs << false;
    QTest::newRow("letter I not in alphabet") << u"91440300MI5ABCDE0E"_qs << false;
    QTest::newRow("letter O as check") << u"12100000400000000O"_qs << false;
    QTest::newRow("17 characters") << u"91350100M000100Y4"_qs << false;
    QTest::newRow("19 characters") << u"91350100M000100Y430"_qs << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_ChineseIdentifiers::checksUscc()
{
    QFETCH(QString, code);
    QFETCH(bool, valid);
    QCOMPARE(isValidUscc(code), valid);
}

void tst_ChineseIdentifiers::computesUsccCheckCharacter()
{
    QCOMPARE(usccCheckCharacter(u"91350100M000100Y4"), QLatin1Char('3'));
    QCOMPARE(usccCheckCharacter(u"12100000400000000"), QLatin1Char('W'));
    QCOMPARE(usccCheckCharacter(u"1210000040000000I"), QChar());
    QCOMPARE(usccCheckCharacter(u"121"), QChar());
}

void tst_ChineseIdentifiers::checksResidentId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("digit check") << u"440308199003071235"_qs << true;
    QTest::newRow("X check (the blacklisted one)") << u"11010519491231002X"_qs << true;
    QTest::newRow("X check") << u"32010619851231456X"_qs << true;
    QTest::newRow("29 February 2000") << u"110105200002290013"_qs << true;
    QTest::newRow("wrong check digit") << u"440308199003071236"_qs << false;
    QTest::newRow("lower-case x") << u"11010519491231002x"_qs << false;
    QTest::newRow("29 February 1999, check right") << u"110105199902290013"_qs << false;
    QTest::newRow("born in 3000, check right") << u"110105300001010014"_qs << false;
    QTest::newRow("letter inside") << u"4403081990030712A5"_qs << false;
    QTest::newRow("15-digit old format") << u"440308900307123"_qs << false;
}

void tst_ChineseIdentifiers::checksResidentId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(isValidResidentId(id, QDate(2026, 11, 22)), valid);
}

void tst_ChineseIdentifiers::computesResidentIdCheckCharacter()
{
    QCOMPARE(residentIdCheckCharacter(u"11010519491231002"), QLatin1Char('X'));
    QCOMPARE(residentIdCheckCharacter(u"44030819900307123"), QLatin1Char('5'));
    QCOMPARE(residentIdCheckCharacter(u"4403081990030712"), QChar());
}

QTEST_GUILESS_MAIN(tst_ChineseIdentifiers)
#include "tst_chinese_identifiers.moc"
