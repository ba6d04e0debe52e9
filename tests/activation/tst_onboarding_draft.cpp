// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The onboarding application value object: persistence round trip, the acquirer's JSON, page rules.
#include "activation/OnboardingDraft.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::activation;

namespace {

const QDate today(2026, 11, 22);

Attachment scan(const QString& documentId)
{
    return Attachment{u"scan.png"_qs, u"image/png"_qs, 1024, QString(64, u'c'), documentId};
}

// A complete, valid corporate application.
OnboardingDraft validDraft()
{
    OnboardingDraft d;
    d.clientReference = u"6f1c1d8e-0000-4000-8000-000000000001"_qs;
    d.merchant = {u"福州测试商贸有限公司"_qs,
                  u"测试便利店"_qs,
                  PostalAddress{u"福建省"_qs, u"福州市"_qs, u"鼓楼区"_qs, u"五四路 1 号"_qs},
                  u"张三"_qs,
                  u"13800138000"_qs,
                  u"5411"_qs};
    d.licence = {u"91350100M000100Y43"_qs, u"福州测试商贸有限公司"_qs, true, QDate(), scan(u"D1"_qs)};
    d.tax = {TaxpayerType::SmallScale, u"91350100M000100Y43"_qs};
    d.legal = {u"张三"_qs,        u"110105199003071239"_qs, false,
               QDate(2036, 1, 1), scan(u"D2"_qs),           scan(u"D3"_qs)};
    d.settlement = {AccountType::Corporate, u"福州测试商贸有限公司"_qs, u"35001234567890123"_qs,
                    u"中国建设银行"_qs, u"福州五四支行"_qs};
    d.features = {Feature::Swipe, Feature::Qr};
    const QString text = u"特约商户受理协议……"_qs;
    d.agreement.version = u"2026-01"_qs;
    d.agreement.signedText = text;
    d.agreement.textSha256 = QString::fromLatin1(crypto::sha256(text.toUtf8()).value().toHex());
    d.agreement.fees = {FeeRate{u"debit"_qs, 50, 2000}, FeeRate{u"qr"_qs, 38, std::nullopt}};
    d.agreement.settlementCycle = u"T+1"_qs;
    d.agreement.signedName = u"张三"_qs;
    d.agreement.signedAtMs = 1795000000000;
    d.lastCompletedPage = int(OnboardingPage::Agreement);
    return d;
}

QStringList issueKeys(const QList<FieldIssue>& issues)
{
    QStringList keys;
    for (const FieldIssue& issue : issues)
        keys << issue.field + u':' + issue.reasonKey;
    return keys;
}

} // namespace

class tst_OnboardingDraft final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void persistenceRoundTripKeepsEveryField()
    {
        const OnboardingDraft draft = validDraft();
        const Result<OnboardingDraft> back = draftFromJson(draftToJson(draft));
        QVERIFY(back.hasValue());
        QCOMPARE(back.value(), draft);
    }

    void illTypedPersistenceNamesThePath()
    {
        QJsonObject json = draftToJson(validDraft());
        QJsonObject legal = json.value(u"legal"_qs).toObject();
        legal.insert(u"idNumber"_qs, 42);
        json.insert(u"legal"_qs, legal);
        const Result<OnboardingDraft> back = draftFromJson(json);
        QVERIFY(!back.hasValue());
        QCOMPARE(back.error().code, ErrorCode::InvalidInput);
        QVERIFY2(back.error().detail.contains(u"draft.legal.idNumber"_qs), qPrintable(back.error().detail));
    }

    void applicationJsonFollowsTheContract()
    {
        const Result<QJsonObject> json = applicationJson(validDraft());
        QVERIFY(json.hasValue());
        const QJsonObject app = json.value();
        QCOMPARE(app.value(u"licence"_qs).toObject().value(u"validUntil"_qs).toString(), u"long-term"_qs);
        QCOMPARE(app.value(u"legalRepresentative"_qs).toObject().value(u"idValidUntil"_qs).toString(),
                 u"2036-01-01"_qs);
        QCOMPARE(app.value(u"legalRepresentative"_qs).toObject().value(u"idBackDocumentId"_qs).toString(),
                 u"D3"_qs);
        QCOMPARE(app.value(u"tax"_qs).toObject().value(u"taxpayerType"_qs).toString(), u"small-scale"_qs);
        QCOMPARE(app.value(u"features"_qs).toArray(), (QJsonArray{u"swipe"_qs, u"qr"_qs}));
        QCOMPARE(app.value(u"settlement"_qs).toObject().value(u"accountType"_qs).toString(), u"corporate"_qs);
    }

    // The acquirer compares names exactly: they go out in the form the page's checks compare, so a name the
    // wizard accepted (brackets of another width, extra spaces, other letter case) is not rejected for it.
    void applicationJsonSendsNamesInTheFormTheChecksCompare_data()
    {
        QTest::addColumn<QString>("licenceName");
        QTest::addColumn<QString>("accountName");
        QTest::addColumn<QString>("legalName");
        QTest::addColumn<bool>("personal");
        QTest::addColumn<QString>("sentLicence");
        QTest::addColumn<QString>("sentAccount");
        QTest::addColumn<QString>("sentLegal");
        QTest::newRow("bracket widths")
            << u"福州测试商贸(集团)有限公司"_qs << u"福州测试商贸（集团）有限公司"_qs << u"张三"_qs << false
            << u"福州测试商贸（集团）有限公司"_qs << u"福州测试商贸（集团）有限公司"_qs << u"张三"_qs;
        QTest::newRow("latin case and spaces")
            << u"Fuzhou  Test Trading Co."_qs << u"FUZHOU TEST TRADING CO."_qs << u"张三"_qs << false
            << u"Fuzhou Test Trading Co."_qs << u"Fuzhou Test Trading Co."_qs << u"张三"_qs;
        QTest::newRow("personal account, spaced name")
            << u"福州测试商贸有限公司"_qs << u"张 三"_qs << u"张三"_qs << true << u"福州测试商贸有限公司"_qs
            << u"张三"_qs << u"张三"_qs;
        // Negative control: a different holder goes out as typed, for the acquirer to refuse.
        QTest::newRow("different holder")
            << u"福州测试商贸有限公司"_qs << u"福州另一家贸易有限公司"_qs << u"张三"_qs << false
            << u"福州测试商贸有限公司"_qs << u"福州另一家贸易有限公司"_qs << u"张三"_qs;
    }
    void applicationJsonSendsNamesInTheFormTheChecksCompare()
    {
        QFETCH(QString, licenceName);
        QFETCH(QString, accountName);
        QFETCH(QString, legalName);
        QFETCH(bool, personal);
        QFETCH(QString, sentLicence);
        QFETCH(QString, sentAccount);
        QFETCH(QString, sentLegal);
        OnboardingDraft draft = validDraft();
        draft.licence.name = licenceName;
        draft.legal.name = legalName;
        draft.settlement.type = personal ? AccountType::Personal : AccountType::Corporate;
        draft.settlement.accountName = accountName;
        const Result<QJsonObject> json = applicationJson(draft);
        QVERIFY(json.hasValue());
        QCOMPARE(json.value().value(u"licence"_qs).toObject().value(u"name"_qs).toString(), sentLicence);
        QCOMPARE(json.value().value(u"settlement"_qs).toObject().value(u"accountName"_qs).toString(),
                 sentAccount);
        QCOMPARE(json.value().value(u"legalRepresentative"_qs).toObject().value(u"name"_qs).toString(),
                 sentLegal);
        QCOMPARE(draft.licence.name, licenceName); // what the merchant typed stays in the draft
    }

    void applicationJsonNeedsUploadedDocuments()
    {
        OnboardingDraft draft = validDraft();
        draft.legal.idBack.documentId.clear();
        const Result<QJsonObject> json = applicationJson(draft);
        QVERIFY(!json.hasValue());
        QCOMPARE(json.error().code, ErrorCode::InvalidInput);
    }

    void pageRules_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QStringList>("expected");

        const auto row = [](const char* name, OnboardingPage page, const char* mutation,
                            QStringList expected) {
            QTest::newRow(name) << int(page) << QString::fromUtf8(mutation) << expected;
        };
        row("merchant valid", OnboardingPage::Merchant, "", {});
        row("mobile bad prefix", OnboardingPage::Merchant, "mobile=12800138000",
            {u"merchant.mobile:bad_prefix"_qs});
        row("mcc not in list", OnboardingPage::Merchant, "mcc=6051", {u"merchant.mcc:required"_qs});
        row("street missing", OnboardingPage::Merchant, "street=", {u"merchant.address.street:required"_qs});
        row("licence valid", OnboardingPage::Licence, "", {});
        row("uscc check char", OnboardingPage::Licence, "uscc=91350100M000100Y44",
            {u"licence.uscc:bad_check_character"_qs});
        row("licence name differs", OnboardingPage::Licence, "licenceName=别的公司",
            {u"licence.name:inconsistent"_qs});
        row("licence expired", OnboardingPage::Licence, "licenceUntil=2026-11-21",
            {u"licence.validUntil:expired"_qs});
        row("licence scan missing", OnboardingPage::Licence, "noLicenceScan",
            {u"licence.documentId:required"_qs});
        row("licence scan too large", OnboardingPage::Licence, "hugeLicenceScan",
            {u"licence.documentId:too_large"_qs});
        row("tax id differs", OnboardingPage::Tax, "taxId=91110000600037341L",
            {u"tax.taxId:inconsistent"_qs});
        row("id future birth", OnboardingPage::LegalRepresentative, "idNumber=110105202701011235",
            {u"legalRepresentative.idNumber:birth_date_in_future"_qs});
        row("corporate personal card", OnboardingPage::Settlement, "accountNumber=6222021234567890128",
            {u"settlement.accountNumber:looks_like_personal_card"_qs});
        row("personal name must be legal", OnboardingPage::Settlement, "personal",
            {u"settlement.accountName:name_mismatch"_qs});
        row("no tender", OnboardingPage::Features, "refundOnly", {u"features:no_tender"_qs});
        row("agreement unsigned", OnboardingPage::Agreement, "unsigned",
            {u"agreement.signedName:not_signed"_qs});
        row("agreement text changed", OnboardingPage::Agreement, "textChanged",
            {u"agreement.textSha256:inconsistent"_qs});
        row("review collects all", OnboardingPage::Review, "mobile=12800138000",
            {u"merchant.mobile:bad_prefix"_qs});
    }

    void pageRules()
    {
        QFETCH(int, page);
        QFETCH(QString, mutation);
        QFETCH(QStringList, expected);
        OnboardingDraft d = validDraft();
        const QString key = mutation.section(u'=', 0, 0);
        const QString value = mutation.section(u'=', 1);
        if (key == u"mobile")
            d.merchant.mobile = value;
        else if (key == u"mcc")
            d.merchant.mcc = value;
        else if (key == u"street")
            d.merchant.address.street = value;
        else if (key == u"uscc")
            d.licence.uscc = value;
        else if (key == u"licenceName")
            d.licence.name = value;
        else if (key == u"licenceUntil") {
            d.licence.longTerm = false;
            d.licence.validUntil = QDate::fromString(value, Qt::ISODate);
        } else if (key == u"noLicenceScan")
            d.licence.scan = {};
        else if (key == u"hugeLicenceScan")
            d.licence.scan.sizeBytes = 10 * 1024 * 1024 + 1;
        else if (key == u"taxId")
            d.tax.taxId = value;
        else if (key == u"idNumber")
            d.legal.idNumber = value;
        else if (key == u"accountNumber")
            d.settlement.accountNumber = value;
        else if (key == u"personal")
            d.settlement.type = AccountType::Personal, d.settlement.accountNumber = u"6222021234567890128"_qs;
        else if (key == u"refundOnly")
            d.features = {Feature::Refund};
        else if (key == u"unsigned")
            d.agreement.signedAtMs = 0;
        else if (key == u"textChanged")
            d.agreement.signedText += u"附加条款"_qs;
        else
            QVERIFY2(mutation.isEmpty(), qPrintable(mutation));
        QCOMPARE(issueKeys(validatePage(static_cast<OnboardingPage>(page), d, today)), expected);
    }

    void rejectionFieldsFindTheirPage_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("page");
        QTest::newRow("uscc") << u"licence.uscc"_qs << int(OnboardingPage::Licence);
        QTest::newRow("account name") << u"settlement.accountName"_qs << int(OnboardingPage::Settlement);
        QTest::newRow("id") << u"legalRepresentative.idNumber"_qs << int(OnboardingPage::LegalRepresentative);
        QTest::newRow("unknown") << u"somethingElse"_qs << int(OnboardingPage::Review);
    }

    void rejectionFieldsFindTheirPage()
    {
        QFETCH(QString, field);
        QFETCH(int, page);
        QCOMPARE(int(pageForField(field)), page);
    }
};

QTEST_GUILESS_MAIN(tst_OnboardingDraft)
#include "tst_onboarding_draft.moc"
