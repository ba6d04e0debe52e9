// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Mainland mobile numbers, person and business names, and the settlement account holder name rule.
#include "core/validation/ContactDetails.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos::validation;

class tst_ValidationContact final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mobile_data();
    void mobile();
    void personName_data();
    void personName();
    void businessName_data();
    void businessName();
    void accountName_data();
    void accountName();
};

namespace {

void addColumns()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("normalized");
}

void compare(const ValidationResult& result)
{
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    QFETCH(QString, normalized);
    QCOMPARE(reasonKey(result.reason), reason);
    QCOMPARE(result.valid, valid);
    QCOMPARE(result.normalized, normalized);
    QVERIFY(!result.message.isEmpty());
}

} // namespace

void tst_ValidationContact::mobile_data()
{
    addColumns();
    const QString number = u"13812345678"_qs;
    QTest::newRow("plain") << number << true << u"ok"_qs << number;
    for (const QString& prefix : {u"13"_qs, u"14"_qs, u"15"_qs, u"16"_qs, u"17"_qs, u"18"_qs, u"19"_qs}) {
        const QString n = prefix + u"912345678"_qs;
        QTest::addRow("prefix %s", qPrintable(prefix)) << n << true << u"ok"_qs << n;
    }
    QTest::newRow("+86 and spaces") << u"+86 138 1234 5678"_qs << true << u"ok"_qs << number;
    QTest::newRow("0086 and dashes") << u"0086-138-1234-5678"_qs << true << u"ok"_qs << number;
    QTest::newRow("86 without plus") << u"8613812345678"_qs << true << u"ok"_qs << number;
    QTest::newRow("full-width") << u"１３８１２３４５６７８"_qs << true << u"ok"_qs << number;
    QTest::newRow("+852") << u"+852 9123 4567"_qs << false << u"not_mainland"_qs << u"+85291234567"_qs;
    QTest::newRow("00852") << u"0085291234567"_qs << false << u"not_mainland"_qs << u"0085291234567"_qs;
    QTest::newRow("11 digits starting 86")
        << u"86138123456"_qs << false << u"bad_prefix"_qs << u"86138123456"_qs;
    QTest::newRow("12x") << u"12812345678"_qs << false << u"bad_prefix"_qs << u"12812345678"_qs;
    QTest::newRow("10x") << u"10012345678"_qs << false << u"bad_prefix"_qs << u"10012345678"_qs;
    QTest::newRow("landline") << u"02112345678"_qs << false << u"bad_prefix"_qs << u"02112345678"_qs;
    QTest::newRow("10 digits") << u"1381234567"_qs << false << u"bad_length"_qs << u"1381234567"_qs;
    QTest::newRow("12 digits") << u"138123456789"_qs << false << u"bad_length"_qs << u"138123456789"_qs;
    QTest::newRow("letter") << u"1381234567a"_qs << false << u"bad_character"_qs << u"1381234567a"_qs;
    QTest::newRow("parenthesis") << u"(138)12345678"_qs << false << u"bad_character"_qs
                                 << u"(138)12345678"_qs;
    QTest::newRow("empty") << u" - "_qs << false << u"empty"_qs << QString();
}

void tst_ValidationContact::mobile()
{
    QFETCH(QString, input);
    compare(validateMobile(input));
}

void tst_ValidationContact::personName_data()
{
    addColumns();
    QTest::newRow("two characters") << u"张三"_qs << true << u"ok"_qs << u"张三"_qs;
    QTest::newRow("space dropped") << u" 张 三 "_qs << true << u"ok"_qs << u"张三"_qs;
    QTest::newRow("minority name") << u"阿依古丽·买买提"_qs << true << u"ok"_qs << u"阿依古丽·买买提"_qs;
    QTest::newRow("katakana middle dot")
        << u"阿依古丽・买买提"_qs << true << u"ok"_qs << u"阿依古丽·买买提"_qs;
    QTest::newRow("extension A") << u"张㐀"_qs << true << u"ok"_qs << u"张㐀"_qs;
    QTest::newRow("extension B counts as one") << u"张𠀀"_qs << true << u"ok"_qs << u"张𠀀"_qs;
    QTest::newRow("ling zero") << u"王〇"_qs << true << u"ok"_qs << u"王〇"_qs;
    QTest::newRow("30 characters") << QString(30, QChar(0x738B)) << true << u"ok"_qs
                                   << QString(30, QChar(0x738B));
    QTest::newRow("Latin") << u"John Smith"_qs << true << u"ok"_qs << u"John Smith"_qs;
    QTest::newRow("Latin spaces collapsed") << u"  John   Smith "_qs << true << u"ok"_qs << u"John Smith"_qs;
    QTest::newRow("apostrophe and hyphen")
        << u"Mary-Jane O'Neil"_qs << true << u"ok"_qs << u"Mary-Jane O'Neil"_qs;
    QTest::newRow("accented") << u"José Müller"_qs << true << u"ok"_qs << u"José Müller"_qs;
    QTest::newRow("full-width Latin") << u"Ｊｏｈｎ"_qs << true << u"ok"_qs << u"John"_qs;
    QTest::newRow("one character") << u"张"_qs << false << u"bad_length"_qs << u"张"_qs;
    QTest::newRow("31 characters") << QString(31, QChar(0x738B)) << false << u"bad_length"_qs
                                   << QString(31, QChar(0x738B));
    QTest::newRow("dot first") << u"·买买提"_qs << false << u"bad_middle_dot"_qs << u"·买买提"_qs;
    QTest::newRow("dot last") << u"买买提·"_qs << false << u"bad_middle_dot"_qs << u"买买提·"_qs;
    QTest::newRow("dot doubled") << u"阿依古丽··买买提"_qs << false << u"bad_middle_dot"_qs
                                 << u"阿依古丽··买买提"_qs;
    QTest::newRow("mixed scripts") << u"张John"_qs << false << u"mixed_scripts"_qs << u"张John"_qs;
    QTest::newRow("digit") << u"张三1"_qs << false << u"bad_character"_qs << u"张三1"_qs;
    QTest::newRow("emoji") << u"张三😀"_qs << false << u"bad_character"_qs << u"张三😀"_qs;
    QTest::newRow("hyphen in Chinese") << u"张-三"_qs << false << u"bad_character"_qs << u"张-三"_qs;
    QTest::newRow("middle dot in Latin")
        << u"John·Smith"_qs << false << u"bad_character"_qs << u"John·Smith"_qs;
    QTest::newRow("Latin starts with hyphen") << u"-John"_qs << false << u"bad_character"_qs << u"-John"_qs;
    QTest::newRow("Cyrillic") << u"Иван"_qs << false << u"bad_character"_qs << u"Иван"_qs;
    QTest::newRow("empty") << u"  "_qs << false << u"empty"_qs << QString();
}

void tst_ValidationContact::personName()
{
    QFETCH(QString, input);
    compare(validatePersonName(input));
}

void tst_ValidationContact::businessName_data()
{
    addColumns();
    QTest::newRow("company") << u"上海某某贸易有限公司"_qs << true << u"ok"_qs << u"上海某某贸易有限公司"_qs;
    QTest::newRow("half-width parentheses") << u"上海某某贸易有限公司(浦东分公司)"_qs << true << u"ok"_qs
                                            << u"上海某某贸易有限公司（浦东分公司）"_qs;
    QTest::newRow("spaces between Chinese dropped")
        << u"上海 某某  有限公司"_qs << true << u"ok"_qs << u"上海某某有限公司"_qs;
    QTest::newRow("Latin name") << u"ACME Trading Co., Ltd."_qs << true << u"ok"_qs
                                << u"ACME Trading Co., Ltd."_qs;
    QTest::newRow("shop with digits and &") << u"7&8 便利店"_qs << true << u"ok"_qs << u"7&8便利店"_qs;
    QTest::newRow("one character") << u"店"_qs << false << u"bad_length"_qs << u"店"_qs;
    QTest::newRow("101 characters") << QString(101, QChar(0x5E97)) << false << u"bad_length"_qs
                                    << QString(101, QChar(0x5E97));
    QTest::newRow("at sign") << u"某某@公司"_qs << false << u"bad_character"_qs << u"某某@公司"_qs;
    QTest::newRow("empty") << QString() << false << u"empty"_qs << QString();
}

void tst_ValidationContact::businessName()
{
    QFETCH(QString, input);
    compare(validateBusinessName(input));
}

void tst_ValidationContact::accountName_data()
{
    QTest::addColumn<QString>("accountName");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("company");
    QTest::addColumn<QString>("reason");
    QTest::newRow("company equal") << u"上海某某贸易有限公司（分公司）"_qs
                                   << u"上海某某贸易有限公司（分公司）"_qs << true << u"ok"_qs;
    QTest::newRow("company parenthesis width")
        << u"上海某某贸易有限公司(分公司)"_qs << u"上海某某贸易有限公司（分公司）"_qs << true << u"ok"_qs;
    QTest::newRow("company differs") << u"上海某某商贸有限公司"_qs << u"上海某某贸易有限公司"_qs << true
                                     << u"name_mismatch"_qs;
    QTest::newRow("person equal with space") << u"张 三"_qs << u"张三"_qs << false << u"ok"_qs;
    QTest::newRow("person Latin case") << u"john smith"_qs << u"John Smith"_qs << false << u"ok"_qs;
    QTest::newRow("person differs") << u"张三"_qs << u"李四"_qs << false << u"name_mismatch"_qs;
    QTest::newRow("account name itself invalid") << u"张"_qs << u"张"_qs << false << u"bad_length"_qs;
}

void tst_ValidationContact::accountName()
{
    QFETCH(QString, accountName);
    QFETCH(QString, expected);
    QFETCH(bool, company);
    QFETCH(QString, reason);
    const ValidationResult result = validateAccountName(
        accountName, expected, company ? AccountHolder::Company : AccountHolder::LegalRepresentative);
    QCOMPARE(reasonKey(result.reason), reason);
    QCOMPARE(result.valid, reason == u"ok"_qs);
}

QTEST_GUILESS_MAIN(tst_ValidationContact)
#include "tst_validation_contact.moc"
