// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The onboarding wizard offscreen, driven through its real widgets against a scripted OnboardingFlow: inline
// validation under the fields and Next's enabled state, save-before-Next (advancing only when the save
// completes, staying with the message when it fails), masked personal data, attachments, the agreement's
// e-signature, resume, rejection reasons with Correct, and submission with progress and Cancel. With
// POS_WIZARD_SCREENSHOTS set, a screenshot of every page is written there.

#include "activation/OnboardingFlow.h"
#include "core/crypto/CryptoPrimitives.h"
#include "core/validation/BankAccounts.h"
#include "core/validation/ValidationResult.h"
#include "support/FakeOnboardingFlow.h"
#include "support/TestSupport.h"
#include "support/TypeLikeAUser.h"
#include "ui/onboarding/AttachmentPicker.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::activation;
using pos::test::FakeOnboardingFlow;

namespace {

const QDate today(2026, 6, 1);
const QString uscc = u"91440300MA5ABCDE1H"_qs;
const QString companyName = u"深圳市示例便利店有限公司"_qs;
const QString legalName = u"张三"_qs;
const QString idNumber = u"440304198506121230"_qs;
const QString cardNumber = u"6222021002123456787"_qs; // ICBC BIN 622202, Luhn-valid

Attachment scan(const QString& name, const QString& mime = u"image/png"_qs)
{
    return Attachment{name, mime, 2048, QString(64, QLatin1Char('a')), QString()};
}

AgreementOffer offer()
{
    AgreementOffer o;
    o.version = u"2026-05"_qs;
    o.text = u"商户服务协议\n1. Fees as listed.\n2. Settlement as chosen.\n3. 责任 and liabilities."_qs;
    o.fees = {FeeRate{u"debit"_qs, 50, 2000}, FeeRate{u"credit"_qs, 60, std::nullopt},
              FeeRate{u"qr"_qs, 38, std::nullopt}};
    o.settlementCycles = {u"T+1"_qs, u"D0"_qs};
    return o;
}

// Every page valid.
OnboardingDraft validDraft()
{
    OnboardingDraft d;
    d.clientReference = u"c0ffee"_qs;
    d.merchant = {
        companyName, u"示例便利店"_qs,  {u"广东省"_qs, u"深圳市"_qs, u"南山区"_qs, u"科技园路1号"_qs},
        legalName,   u"13912345678"_qs, u"5499"_qs};
    d.licence.uscc = uscc;
    d.licence.name = companyName;
    d.licence.longTerm = true;
    d.licence.scan = scan(u"licence.png"_qs);
    d.tax.taxId = uscc;
    d.legal.name = legalName;
    d.legal.idNumber = idNumber;
    d.legal.idValidUntil = QDate(2030, 1, 1);
    d.legal.idFront = scan(u"front.jpg"_qs, u"image/jpeg"_qs);
    d.legal.idBack = scan(u"back.pdf"_qs, u"application/pdf"_qs);
    d.settlement = {AccountType::Personal, legalName, cardNumber, u"中国工商银行"_qs, u"深圳南山支行"_qs};
    d.features = {Feature::Swipe, Feature::Ic, Feature::Qr};
    const AgreementOffer o = offer();
    d.agreement.version = o.version;
    d.agreement.signedText = o.text;
    d.agreement.textSha256 = QString::fromLatin1(crypto::sha256(o.text.toUtf8()).value().toHex());
    d.agreement.fees = o.fees;
    d.agreement.settlementCycle = u"T+1"_qs;
    d.agreement.signedName = legalName;
    d.agreement.signedAtMs = 1'780'000'000'000;
    d.lastCompletedPage = int(OnboardingPage::Agreement);
    return d;
}

QByteArray pngBytes()
{
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class tst_OnboardingWizard final : public QObject
{
    Q_OBJECT

private:
    void start(const OnboardingDraft& draft,
               OnboardingPage resume,
               OnboardingStatus status = OnboardingStatus::Draft,
               const QList<ReviewReason>& reasons = {})
    {
        m_flow = std::make_unique<FakeOnboardingFlow>();
        m_flow->setDraft(draft);
        m_flow->setResumePage(resume);
        m_flow->setReasons(reasons);
        m_flow->setStatus(status);
        m_wizard = std::make_unique<ui::OnboardingWizard>(*m_flow, [] { return today; });
        m_wizard->resize(900, 760);
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
        m_wizard->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_wizard.get()));
    }

    template <typename T>
    T* child(const QString& name) const
    {
        T* found = m_wizard->findChild<T*>(name);
        if (!found)
            qWarning("no child %s", qPrintable(name));
        return found;
    }

    // The message under the field, empty when its label is hidden.
    QString issue(const QString& field) const
    {
        auto* label = child<QLabel>(u"issue:"_qs + field);
        return label && label->isVisibleTo(m_wizard.get()) ? label->text() : QString();
    }

    QAbstractButton* nextButton() const { return m_wizard->button(QWizard::NextButton); }

    // Replaces the text as a user would (keys or an input method; textEdited), focusing the field first.
    void retype(const QString& name, const QString& text)
    {
        test::typeLikeAUser(child<QLineEdit>(name), text);
    }

    void leaveField() { m_wizard->button(QWizard::CancelButton)->setFocus(Qt::TabFocusReason); }

    std::unique_ptr<FakeOnboardingFlow> m_flow;
    std::unique_ptr<ui::OnboardingWizard> m_wizard;

private Q_SLOTS:
    void cleanup()
    {
        m_wizard.reset();
        m_flow.reset();
    }

    void usccIsValidatedInline_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("valid");
        QTest::newRow("valid") << uscc << true;
        QTest::newRow("lower case") << uscc.toLower() << true;
        QTest::newRow("with spaces") << (uscc.left(9) + u" "_qs + uscc.mid(9)) << true;
        QTest::newRow("wrong check character") << (uscc.left(17) + u"J"_qs) << false;
        QTest::newRow("too short") << uscc.left(12) << false;
        QTest::newRow("letter I is not in the alphabet") << (u"I"_qs + uscc.mid(1)) << false;
    }

    void usccIsValidatedInline()
    {
        QFETCH(QString, typed);
        QFETCH(bool, valid);
        start(validDraft(), OnboardingPage::Licence);
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Licence));
        QVERIFY(nextButton()->isEnabled());
        retype(u"licence.uscc"_qs, typed);
        QCOMPARE(issue(u"licence.uscc"_qs).isEmpty(), valid);
        QCOMPARE(nextButton()->isEnabled(), valid);
        if (!valid) {
            retype(u"licence.uscc"_qs, uscc);
            QCOMPARE(issue(u"licence.uscc"_qs), QString());
            QVERIFY(nextButton()->isEnabled());
        }
        QTest::mouseClick(nextButton(), Qt::LeftButton);
        QCOMPARE(m_flow->saves.size(), 1);
        QCOMPARE(m_flow->saves.first().draft.licence.uscc, uscc); // stored normalised
    }

    void emptyFieldIsQuietUntilLeft()
    {
        OnboardingDraft draft = validDraft();
        draft.merchant.contactName.clear();
        start(draft, OnboardingPage::Merchant);
        QVERIFY(!nextButton()->isEnabled());
        QCOMPARE(issue(u"merchant.contactName"_qs), QString());
        child<QLineEdit>(u"merchant.contactName"_qs)->setFocus(Qt::TabFocusReason);
        leaveField();
        QVERIFY(!issue(u"merchant.contactName"_qs).isEmpty());
    }

    void mobileIsValidatedAndNormalised_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored"); // empty: refused
        QTest::newRow("plain") << u"13912345678"_qs << u"13912345678"_qs;
        QTest::newRow("spaces") << u"139 1234 5678"_qs << u"13912345678"_qs;
        QTest::newRow("+86 and dashes") << u"+86 139-1234-5678"_qs << u"13912345678"_qs;
        QTest::newRow("bad prefix") << u"12912345678"_qs << QString();
        QTest::newRow("ten digits") << u"1391234567"_qs << QString();
        QTest::newRow("Hong Kong") << u"+852 9123 4567"_qs << QString();
    }

    void mobileIsValidatedAndNormalised()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        start(validDraft(), OnboardingPage::Merchant);
        retype(u"merchant.mobile"_qs, typed);
        QCOMPARE(issue(u"merchant.mobile"_qs).isEmpty(), !stored.isEmpty());
        QCOMPARE(nextButton()->isEnabled(), !stored.isEmpty());
        QTest::mouseClick(nextButton(), Qt::LeftButton);
        QCOMPARE(m_flow->saves.size(), stored.isEmpty() ? 0 : 1);
        if (!stored.isEmpty())
            QCOMPARE(m_flow->saves.first().draft.merchant.mobile, stored);
    }

    void accountNameMustMatchTheHolder_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("accountName");
        QTest::addColumn<bool>("valid");
        const QString corporateAccount = u"44201501100052512345"_qs;
        QTest::newRow("personal, legal representative") << int(AccountType::Personal) << legalName << true;
        QTest::newRow("personal, company name") << int(AccountType::Personal) << companyName << false;
        QTest::newRow("personal, someone else") << int(AccountType::Personal) << u"李四"_qs << false;
        QTest::newRow("corporate, company name") << int(AccountType::Corporate) << companyName << true;
        QTest::newRow("corporate, legal representative") << int(AccountType::Corporate) << legalName << false;
    }

    void accountNameMustMatchTheHolder()
    {
        QFETCH(int, type);
        QFETCH(QString, accountName);
        QFETCH(bool, valid);
        OnboardingDraft draft = validDraft();
        draft.settlement.type = AccountType(type);
        if (draft.settlement.type == AccountType::Corporate)
            draft.settlement.accountNumber = u"44201501100052512345"_qs;
        start(draft, OnboardingPage::Settlement);
        retype(u"settlement.accountName"_qs, accountName);
        const QString message = issue(u"settlement.accountName"_qs);
        QCOMPARE(message.isEmpty(), valid);
        QCOMPARE(nextButton()->isEnabled(), valid);
    }

    void cardNumberDependsOnTheAccountType_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("personal card as personal") << int(AccountType::Personal) << cardNumber << true;
        QTest::newRow("personal card in groups")
            << int(AccountType::Personal) << u"6222 0210 0212 3456 787"_qs << true;
        QTest::newRow("personal card as corporate") << int(AccountType::Corporate) << cardNumber << false;
        QTest::newRow("bad Luhn as personal")
            << int(AccountType::Personal) << u"6222021002123456788"_qs << false;
        QTest::newRow("corporate account as corporate")
            << int(AccountType::Corporate) << u"44201501100052512345"_qs << true;
    }

    void cardNumberDependsOnTheAccountType()
    {
        QFETCH(int, type);
        QFETCH(QString, number);
        QFETCH(bool, valid);
        OnboardingDraft draft = validDraft();
        draft.settlement.accountNumber.clear();
        draft.settlement.bank.clear();
        start(draft, OnboardingPage::Settlement);
        auto* combo = child<QComboBox>(u"settlement.type"_qs);
        combo->setCurrentIndex(combo->findData(type));
        if (type == int(AccountType::Corporate)) {
            retype(u"settlement.accountName"_qs, companyName);
            retype(u"settlement.bank"_qs, u"中国工商银行"_qs);
        }
        retype(u"settlement.accountNumber"_qs, number);
        QCOMPARE(issue(u"settlement.accountNumber"_qs).isEmpty(), valid);
        QCOMPARE(nextButton()->isEnabled(), valid);
        if (type == int(AccountType::Personal) && valid) {
            // The bank is suggested from the card's BIN.
            const validation::ValidationResult card = validation::validateBankCard(number);
            QVERIFY(card.details.value(u"bankKnown"_qs).toBool());
            QCOMPARE(child<QLineEdit>(u"settlement.bank"_qs)->text(),
                     card.details.value(u"bank"_qs).toString());
        }
    }

    void featuresNeedATender()
    {
        OnboardingDraft draft = validDraft();
        draft.features.clear();
        start(draft, OnboardingPage::Features);
        QVERIFY(!nextButton()->isEnabled());
        child<QCheckBox>(u"features.refund"_qs)->setChecked(true);
        QVERIFY(!issue(u"features"_qs).isEmpty());
        QVERIFY(!nextButton()->isEnabled());
        child<QCheckBox>(u"features.qr"_qs)->setChecked(true);
        QCOMPARE(issue(u"features"_qs), QString());
        QVERIFY(nextButton()->isEnabled());
        QTest::mouseClick(nextButton(), Qt::LeftButton);
        QCOMPARE(m_flow->saves.size(), 1);
        QCOMPARE(m_flow->saves.first().draft.features, (QList<Feature>{Feature::Qr, Feature::Refund}));
    }

    void nextAdvancesOnlyWhenTheSaveCompletes()
    {
        OnboardingDraft draft = validDraft();
        draft.lastCompletedPage = -1;
        start(draft, OnboardingPage::Merchant);
        retype(u"merchant.shopName"_qs, u"新招牌"_qs);
        QTest::mouseClick(nextButton(), Qt::LeftButton);
        QCOMPARE(m_flow->saves.size(), 1);
        QCOMPARE(m_flow->saves.first().page, OnboardingPage::Merchant);
        QCOMPARE(m_flow->saves.first().draft.merchant.shopName, u"新招牌"_qs);
        QCOMPARE(m_flow->saves.first().draft.lastCompletedPage, int(OnboardingPage::Merchant));
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Merchant));
        QCOMPARE(child<QLabel>(u"saveStatusLabel"_qs)->text(), u"Saving…"_qs);
        QVERIFY(!nextButton()->isEnabled());
        QTest::mouseClick(nextButton(), Qt::LeftButton); // ignored while saving
        QCOMPARE(m_flow->saves.size(), 1);
        QVERIFY(m_flow->completeSave());
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Licence));
        QCOMPARE(m_wizard->draft().merchant.shopName, u"新招牌"_qs);
    }

    void failedSaveStaysWithTheMessage()
    {
        start(validDraft(), OnboardingPage::Merchant);
        QTest::mouseClick(nextButton(), Qt::LeftButton);
        QVERIFY(m_flow->completeSave(fail(ErrorCode::StorageFull, u"The disk is full."_qs, u"ENOSPC"_qs)));
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Merchant));
        auto* label = child<QLabel>(u"saveStatusLabel"_qs);
        QVERIFY(label->isVisibleTo(m_wizard.get()));
        QCOMPARE(label->text(), u"The disk is full."_qs);
        QVERIFY(nextButton()->isEnabled());
        QTest::mouseClick(nextButton(), Qt::LeftButton); // retry
        QVERIFY(m_flow->completeSave());
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Licence));
    }

    void personalDataIsMaskedOutsideEditing_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("masked");
        QTest::newRow("ID number 3+4")
            << int(OnboardingPage::LegalRepresentative) << u"legalRepresentative.idNumber"_qs << idNumber
            << u"440***********1230"_qs;
        QTest::newRow("account number 6+4")
            << int(OnboardingPage::Settlement) << u"settlement.accountNumber"_qs << cardNumber
            << u"622202*********6787"_qs;
    }

    void personalDataIsMaskedOutsideEditing()
    {
        QFETCH(int, page);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, masked);
        start(validDraft(), OnboardingPage(page));
        leaveField();
        auto* edit = child<QLineEdit>(field);
        QVERIFY(edit);
        QCOMPARE(edit->text(), masked);
        QCOMPARE(validation::maskMiddle(value, masked.indexOf(QLatin1Char('*')),
                                        int(masked.size() - masked.lastIndexOf(QLatin1Char('*')) - 1)),
                 masked);
        edit->setFocus(Qt::TabFocusReason);
        QCOMPARE(edit->text(), value);
        leaveField();
        QCOMPARE(edit->text(), masked);
        // The clear value still reaches the draft.
        QTest::mouseClick(nextButton(), Qt::LeftButton);
        QCOMPARE(m_flow->saves.size(), 1);
        const OnboardingDraft& saved = m_flow->saves.first().draft;
        QCOMPARE(page == int(OnboardingPage::Settlement) ? saved.settlement.accountNumber
                                                         : saved.legal.idNumber,
                 value);
    }

    void summaryMasksPersonalData()
    {
        start(validDraft(), OnboardingPage::Review);
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Review));
        const QString summary = child<QTextBrowser>(u"review.summary"_qs)->toPlainText();
        QVERIFY(!summary.contains(idNumber));
        QVERIFY(!summary.contains(cardNumber));
        QVERIFY(summary.contains(u"440***********1230"_qs));
        QVERIFY(summary.contains(u"622202*********6787"_qs));
        QVERIFY(summary.contains(companyName));
    }

    void attachmentRefusalIsShown()
    {
        OnboardingDraft draft = validDraft();
        draft.licence.scan = {};
        start(draft, OnboardingPage::Licence);
        QVERIFY(!nextButton()->isEnabled());
        m_flow->bytesCalls.clear(); // the stored ID front's thumbnail: not this test's
        auto* picker = m_wizard->findChild<ui::AttachmentPicker*>(u"licence.documentId"_qs);
        QVERIFY(picker);
        picker->pickFile(u"/tmp/licence.gif"_qs);
        QCOMPARE(m_flow->attaches.size(), 1);
        QCOMPARE(m_flow->attaches.first().kind, AttachmentKind::Licence);
        QCOMPARE(m_flow->attaches.first().filePath, u"/tmp/licence.gif"_qs);
        QVERIFY(m_flow->completeAttach(
            fail(ErrorCode::InvalidInput, u"Only JPEG, PNG or PDF files can be attached."_qs, u"gif"_qs)));
        auto* message = child<QLabel>(u"licence.documentId.message"_qs);
        QVERIFY(message->isVisibleTo(m_wizard.get()));
        QCOMPARE(message->text(), u"Only JPEG, PNG or PDF files can be attached."_qs);
        QVERIFY(!nextButton()->isEnabled());

        picker->pickFile(u"/tmp/licence.png"_qs);
        QVERIFY(m_flow->completeAttach(scan(u"licence.png"_qs)));
        QVERIFY(!message->isVisibleTo(m_wizard.get()));
        QVERIFY(child<QLabel>(u"licence.documentId.info"_qs)->text().contains(u"licence.png"_qs));
        QCOMPARE(m_flow->bytesCalls.size(), 1);
        QVERIFY(m_flow->completeBytes(pngBytes()));
        auto* thumbnail = child<QLabel>(u"licence.documentId.thumbnail"_qs);
        QTRY_COMPARE(thumbnail->property("kind").toString(), u"image"_qs); // decoded off the GUI thread
        QVERIFY(!thumbnail->pixmap().isNull());
        QVERIFY(nextButton()->isEnabled());
    }

    void storedAttachmentThumbnailLoadsThroughTheFlow()
    {
        start(validDraft(), OnboardingPage::LegalRepresentative);
        // The front (JPEG) asks for its bytes; the back is a PDF and shows an icon without bytes.
        QCOMPARE(m_flow->bytesCalls.size(), 2); // licence PNG and ID front JPEG
        QCOMPARE(
            child<QLabel>(u"legalRepresentative.idBackDocumentId.thumbnail"_qs)->property("kind").toString(),
            u"pdf"_qs);
        QVERIFY(
            child<QLabel>(u"legalRepresentative.idBackDocumentId.info"_qs)->text().contains(u"back.pdf"_qs));
        QVERIFY(m_flow->completeBytes(pngBytes()));
        QVERIFY(m_flow->completeBytes(pngBytes()));
        QTRY_COMPARE(
            child<QLabel>(u"legalRepresentative.idFrontDocumentId.thumbnail"_qs)->property("kind").toString(),
            u"image"_qs);
    }

    void agreementIsFetchedAndSignedOverTheShownText()
    {
        OnboardingDraft draft = validDraft();
        draft.agreement = {};
        draft.lastCompletedPage = int(OnboardingPage::Features);
        start(draft, OnboardingPage::Agreement);
        QCOMPARE(m_flow->agreementRequests, 1);
        QVERIFY(!nextButton()->isEnabled());
        QVERIFY(m_flow->completeAgreement(offer()));
        auto* text = child<QTextBrowser>(u"agreement.text"_qs);
        QVERIFY(text->isReadOnly());
        QCOMPARE(text->toPlainText(), offer().text);
        auto* cycle = child<QComboBox>(u"agreement.settlementCycle"_qs);
        QCOMPARE(cycle->count(), 2);
        cycle->setCurrentIndex(1);
        retype(u"agreement.signedName"_qs, legalName);
        auto* agreed = child<QCheckBox>(u"agreement.agreed"_qs);
        agreed->setChecked(true);
        QVERIFY(nextButton()->isEnabled());
        QTest::mouseClick(nextButton(), Qt::LeftButton);
        QCOMPARE(m_flow->saves.size(), 1);
        const AgreementSignature signature = m_flow->saves.first().draft.agreement;
        QVERIFY(signature.isSigned());
        QCOMPARE(signature.textSha256,
                 QString::fromLatin1(crypto::sha256(text->toPlainText().toUtf8()).value().toHex()));
        QCOMPARE(signature.signedText, text->toPlainText());
        QCOMPARE(signature.version, offer().version);
        QCOMPARE(signature.fees, offer().fees);
        QCOMPARE(signature.settlementCycle, u"D0"_qs);
        QCOMPARE(signature.signedName, legalName);
    }

    void changingTheNameClearsTheSignature()
    {
        start(validDraft(), OnboardingPage::Agreement);
        QVERIFY(m_flow->completeAgreement(offer()));
        auto* agreed = child<QCheckBox>(u"agreement.agreed"_qs);
        QVERIFY(agreed->isChecked()); // the stored signature is over this very offer
        QVERIFY(nextButton()->isEnabled());
        retype(u"agreement.signedName"_qs, legalName); // re-typed: a change of the name
        QVERIFY(!agreed->isChecked());
        QVERIFY(!nextButton()->isEnabled());
    }

    void changedOfferClearsTheSignature()
    {
        start(validDraft(), OnboardingPage::Agreement);
        AgreementOffer changed = offer();
        changed.text += u"\n4. A new clause."_qs;
        QVERIFY(m_flow->completeAgreement(changed));
        QVERIFY(!child<QCheckBox>(u"agreement.agreed"_qs)->isChecked());
        QVERIFY(!nextButton()->isEnabled());
    }

    void resumesAtTheFlowsPageWithFieldsFilled()
    {
        OnboardingDraft draft = validDraft();
        draft.lastCompletedPage = int(OnboardingPage::LegalRepresentative);
        start(draft, OnboardingPage::Settlement);
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Settlement));
        QCOMPARE(m_flow->saves.size(), 0); // fast-forwarding does not save
        QCOMPARE(child<QLineEdit>(u"settlement.accountName"_qs)->text(), legalName);
        QCOMPARE(child<QLineEdit>(u"settlement.branch"_qs)->text(), u"深圳南山支行"_qs);
        QCOMPARE(child<QLineEdit>(u"merchant.mobile"_qs)->text(), u"13912345678"_qs);
        QCOMPARE(child<QLineEdit>(u"licence.uscc"_qs)->text(), uscc);
        QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::LegalRepresentative));
    }

    void taxIdIsPrefilledFromTheUscc()
    {
        OnboardingDraft draft = validDraft();
        draft.tax.taxId.clear();
        start(draft, OnboardingPage::Tax);
        QCOMPARE(child<QLineEdit>(u"tax.taxId"_qs)->text(), uscc);
        QVERIFY(nextButton()->isEnabled());
        retype(u"tax.taxId"_qs, u"91350100M000100Y43"_qs); // valid, but another company's
        QVERIFY(!issue(u"tax.taxId"_qs).isEmpty());
        QVERIFY(!nextButton()->isEnabled());
    }

    void rejectionReasonIsShownAndCorrectJumpsToIt()
    {
        const ReviewReason reason{u"ACCOUNT_NAME_MISMATCH"_qs, u"settlement.accountName"_qs,
                                  u"The account name does not match the bank's records."_qs,
                                  OnboardingPage::Settlement};
        start(validDraft(), OnboardingPage::Review, OnboardingStatus::Rejected, {reason});
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Review));
        QVERIFY(child<QLabel>(u"review.status"_qs)->text().contains(u"Rejected"_qs));
        auto* submit = child<QPushButton>(u"review.submit"_qs);
        QVERIFY(submit->isEnabled());
        auto* correct = child<QPushButton>(u"review.correct:settlement.accountName"_qs);
        QVERIFY(correct);
        QTest::mouseClick(correct, Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Settlement));
        QCOMPARE(issue(u"settlement.accountName"_qs), reason.message);
        auto* name = child<QLineEdit>(u"settlement.accountName"_qs);
        QVERIFY(name->isEnabled());
        retype(u"settlement.accountName"_qs, legalName);
        QCOMPARE(issue(u"settlement.accountName"_qs), QString());
        QTest::mouseClick(nextButton(), Qt::LeftButton);
        QVERIFY(m_flow->completeSave());
        m_wizard->goToPage(OnboardingPage::Review);
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Review));
        QTest::mouseClick(submit, Qt::LeftButton); // resubmits
        QCOMPARE(m_flow->submitCalls, 1);
    }

    void submitShowsProgressAndCancels()
    {
        start(validDraft(), OnboardingPage::Review);
        auto* submit = child<QPushButton>(u"review.submit"_qs);
        QVERIFY(submit->isEnabled());
        QTest::mouseClick(submit, Qt::LeftButton);
        QCOMPARE(m_flow->submitCalls, 1);
        QVERIFY(!submit->isEnabled());
        auto* bar = child<QProgressBar>(u"review.progress"_qs);
        QVERIFY(bar->isVisibleTo(m_wizard.get()));
        m_flow->setStatus(OnboardingStatus::Submitting);
        Q_EMIT m_flow->progress(2, 5, u"Uploading the business licence…"_qs);
        QCOMPARE(bar->maximum(), 5);
        QCOMPARE(bar->value(), 2);
        QCOMPARE(child<QLabel>(u"review.step"_qs)->text(), u"Uploading the business licence…"_qs);
        QVERIFY(!child<QLineEdit>(u"merchant.mobile"_qs)->isEnabled()); // read-only while submitting
        auto* cancel = child<QPushButton>(u"review.cancel"_qs);
        QVERIFY(cancel->isVisibleTo(m_wizard.get()));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(m_flow->cancelCalls, 1);
    }

    void submittedApplicationIsReadOnly()
    {
        start(validDraft(), OnboardingPage::Review, OnboardingStatus::UnderReview);
        QVERIFY(child<QLabel>(u"review.status"_qs)->text().contains(u"reviewing"_qs));
        QVERIFY(!child<QPushButton>(u"review.submit"_qs)->isVisibleTo(m_wizard.get()));
        QVERIFY(!child<QLineEdit>(u"licence.uscc"_qs)->isEnabled());
        QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Agreement));
        QTest::mouseClick(nextButton(), Qt::LeftButton); // no save while with the acquirer
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Review));
        QCOMPARE(m_flow->saves.size(), 0);
        m_flow->setStatus(OnboardingStatus::Approved);
        QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
        m_flow->setStatus(OnboardingStatus::Rejected);
        QVERIFY(child<QLineEdit>(u"licence.uscc"_qs)->isEnabled());
    }

    void failedSubmissionShowsTheMessage()
    {
        start(validDraft(), OnboardingPage::Review);
        QTest::mouseClick(child<QPushButton>(u"review.submit"_qs), Qt::LeftButton);
        Q_EMIT m_flow->failed(u"The acquirer cannot be reached."_qs);
        QCOMPARE(child<QLabel>(u"review.message"_qs)->text(), u"The acquirer cannot be reached."_qs);
        QVERIFY(child<QPushButton>(u"review.submit"_qs)->isEnabled());
        QVERIFY(!child<QPushButton>(u"review.cancel"_qs)->isVisibleTo(m_wizard.get()));
    }

    // Walks every page (read-only, so Next does not save) and grabs it; saved when POS_WIZARD_SCREENSHOTS is
    // set.
    void screenshotOfEveryPage()
    {
        const QString dir = qEnvironmentVariable("POS_WIZARD_SCREENSHOTS");
        if (!dir.isEmpty())
            QVERIFY(QDir().mkpath(dir));
        start(validDraft(), OnboardingPage::Merchant);
        int shots = 0;
        for (int id = 0; id < onboardingPageCount; ++id) {
            QCOMPARE(m_wizard->currentId(), id);
            if (id == int(OnboardingPage::Agreement))
                QVERIFY(m_flow->completeAgreement(offer()));
            while (m_flow->completeBytes(pngBytes())) {
            }
            QApplication::processEvents();
            const QPixmap shot = m_wizard->grab();
            QVERIFY(!shot.isNull());
            if (!dir.isEmpty()) {
                const QString name =
                    QStringLiteral("%1-%2.png").arg(id).arg(onboardingPageKey(OnboardingPage(id)));
                QVERIFY(shot.save(QDir(dir).filePath(name)));
            }
            ++shots;
            if (id + 1 < onboardingPageCount) {
                QTest::mouseClick(nextButton(), Qt::LeftButton);
                QVERIFY(m_flow->completeSave());
            }
        }
        QCOMPARE(shots, onboardingPageCount);
    }
};

QTEST_MAIN(tst_OnboardingWizard)
#include "tst_onboarding_wizard.moc"
