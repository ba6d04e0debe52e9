// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The merchant's whole journey offscreen, driven only through the widgets, with everything real but the
// display: the acquirer simulator process (onboarding API and card host), the PIN pad emulator process over a
// pty with a scripted cardholder, a ledger file, the OnboardingService under a personal-data key from a
// FileKeyVault, and the ActivationService with the card engine and link. One story in ordered stages sharing
// the members (a stage refuses to run when an earlier one failed):
//   1. the Activation page opens the onboarding wizard;
//   2. every wizard page is filled through its widgets (scans through the file dialog, the agreement fetched
//      from the acquirer and signed), with a legal representative's ID number the wizard accepts but the
//      acquirer refuses, and the account name in another bracket form than the licence's name;
//   3. the acquirer rejects for the ID only: the reason on the review page, "Correct" leads to its field;
//   4. the corrected application is submitted again and approved, still one application at the acquirer;
//   5. the page receives the activation code, activates, the first swipe with an expired card is declined
//      (54), the second card with its PIN activates the terminal: terms shown, one slip, one approval.
// With POS_JOURNEY_SCREENSHOTS set, a screenshot of every stage is written there.
#include "activation/AcquirerAgreement.h"
#include "activation/NetworkCheck.h"
#include "activation/OnboardingService.h"
#include "activation/PersonalDataKey.h"
#include "core/TerminalStatus.h"
#include "simulators/acquirer/api/AcquirerAgreement.h"
#include "storage/LedgerOnboardingStore.h"
#include "support/ActivationRig.h"
#include "support/CardLinkFixture.h"
#include "support/TypeLikeAUser.h"
#include "ui/Theme.h"
#include "ui/onboarding/OnboardingWizard.h"
#include "ui/pages/ActivationPage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QImage>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::activation;
using namespace pos::test;
using pos::ui::ActivationPage;
using pos::ui::OnboardingWizard;

namespace {

// The merchant: a valid application whose legal representative's ID number, valid to the wizard, is one the
// acquirer refuses (the simulator's blacklist); corrected, it is approved.
const QString uscc = u"91350100M000100Y43"_qs;
const QString licenceName = u"福州测试商贸(集团)有限公司"_qs; // as typed on the licence page
// The same company in the licence's bracket form: the wizard accepts it, and the application carries both
// names in one form, so the acquirer (which compares exactly) accepts it too.
const QString accountNameWithOtherBrackets = u"福州测试商贸（集团）有限公司"_qs;
const QString legalName = u"张三"_qs;
const QString refusedIdNumber = u"11010519491231002X"_qs;
const QString idNumber = u"110105199003071239"_qs;
const QString corporateAccount = u"35001234567890123"_qs;

// The pad's cardholder: an expired card first (declined 54), then the approving card; each card's own PIN.
const QString cardholderScript = u"card expired\npin 123456\ncard magstripe-approve\npin 123456\n"_qs;

constexpr int reviewDelayMs = 300;
constexpr int waitMs = 30000;

} // namespace

// A helper's failed QVERIFY returns from the helper only: the stage stops with it.
#define JOURNEY_STEP(call)                                                                                   \
    do {                                                                                                     \
        call;                                                                                                \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

class tst_MerchantOnboardingJourney final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CardLinkFixture m_host;
    std::unique_ptr<QProcess> m_pad;
    QString m_padPty;
    std::unique_ptr<ActivationTerminal> m_terminal;
    std::unique_ptr<storage::LedgerOnboardingStore> m_onboardingStore;
    std::unique_ptr<acquirer::OnboardingClient> m_onboardingClient;
    std::unique_ptr<OnboardingService> m_onboarding;
    std::unique_ptr<NetworkCheck> m_networkCheck;
    TerminalStatus m_terminalStatus;
    std::unique_ptr<ActivationPage> m_page;
    QPointer<OnboardingWizard> m_wizard;
    int m_stagesDone = 0; // stages that passed, in order
    int m_screenshot = 0;

    // --- finding and driving widgets ---

    template <typename T>
    static T* child(QObject* root, const QString& name)
    {
        return root ? root->findChild<T*>(name) : nullptr;
    }

    static bool shown(QWidget* widget) { return widget && widget->isVisible(); }

    QAbstractButton* wizardButton(QWizard::WizardButton which) const { return m_wizard->button(which); }

    // The message under a wizard field, empty while its label is hidden.
    QString issue(const QString& field) const
    {
        auto* label = child<QLabel>(m_wizard, u"issue:"_qs + field);
        return label && label->isVisibleTo(m_wizard) ? label->text() : QString();
    }

    void type(const QString& field, const QString& text)
    {
        test::typeLikeAUser(child<QLineEdit>(m_wizard, field), text);
    }

    void tick(const QString& name)
    {
        auto* box = child<QCheckBox>(m_wizard, name);
        QVERIFY2(box && box->isEnabled(), qPrintable(name));
        if (box->isChecked())
            return;
        box->setFocus(Qt::TabFocusReason);
        QTest::keyClick(box, Qt::Key_Space);
        QVERIFY2(box->isChecked(), qPrintable(name));
    }

    void choose(const QString& comboName, const QVariant& data)
    {
        auto* combo = child<QComboBox>(m_wizard, comboName);
        QVERIFY2(combo, qPrintable(comboName));
        const int index = combo->findData(data);
        QVERIFY2(index >= 0, qPrintable(comboName));
        combo->setCurrentIndex(index);
    }

    static void click(QWidget* root, const QString& name)
    {
        auto* button = child<QAbstractButton>(root, name);
        QVERIFY2(button, qPrintable(name));
        QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(name));
        QTest::mouseClick(button, Qt::LeftButton);
    }

    // A scan through the picker's own path: "Choose…", the file dialog, the path typed, Enter; then waits
    // until the service accepted it (the picker shows the file's name).
    void attachThroughTheDialog(const QString& picker, const QString& path)
    {
        JOURNEY_STEP(click(m_wizard, picker + u".choose"_qs));
        QFileDialog* dialog = nullptr;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         dialog = child<QFileDialog>(m_wizard, {});
                         return shown(dialog);
                     },
                     5000),
                 qPrintable(picker));
        auto* fileName = child<QLineEdit>(dialog, u"fileNameEdit"_qs);
        QVERIFY2(fileName, "the file dialog has no file name field");
        // Pasted: typing a '/' makes the dialog's completer take over the field.
        fileName->setFocus(Qt::TabFocusReason);
        fileName->setText(path);
        QTest::keyClick(fileName, Qt::Key_Return);
        auto* info = child<QLabel>(m_wizard, picker + u".info"_qs);
        QVERIFY2(QTest::qWaitFor([&] { return info && info->text().contains(QFileInfo(path).fileName()); },
                                 waitMs),
                 qPrintable(picker + u": "_qs +
                            (child<QLabel>(m_wizard, picker + u".message"_qs)
                                 ? child<QLabel>(m_wizard, picker + u".message"_qs)->text()
                                 : QString())));
    }

    // Next, once it is enabled, then waits for the save and the following page.
    void next(OnboardingPage expected)
    {
        QAbstractButton* button = wizardButton(QWizard::NextButton);
        const int current = m_wizard->currentId();
        QVERIFY2(QTest::qWaitFor([&] { return button->isVisible() && button->isEnabled(); }, waitMs),
                 qPrintable(u"Next stays disabled on page %1: %2"_qs.arg(current).arg(pageIssues())));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY2(QTest::qWaitFor([&] { return m_wizard->currentId() == int(expected); }, waitMs),
                 qPrintable(u"page %1 did not advance to %2: %3"_qs.arg(current)
                                .arg(int(expected))
                                .arg(child<QLabel>(m_wizard, u"saveStatusLabel"_qs)
                                         ? child<QLabel>(m_wizard, u"saveStatusLabel"_qs)->text()
                                         : QString())));
    }

    // Every visible field message of the current page (for failure messages).
    QString pageIssues() const
    {
        QStringList out;
        for (QLabel* label : m_wizard->currentPage()->findChildren<QLabel*>()) {
            if (label->objectName().startsWith(u"issue:"_qs) && label->isVisibleTo(m_wizard) &&
                !label->text().isEmpty())
                out << label->objectName() + u" = "_qs + label->text();
        }
        return out.join(u"; "_qs);
    }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    QString writeScan(const QString& name, const QColor& colour)
    {
        QImage image(320, 200, QImage::Format_RGB32);
        image.fill(colour);
        const QString path = m_dir.filePath(name);
        return image.save(path, "PNG") ? path : QString();
    }

    int completedSteps() const
    {
        auto* list = child<QListWidget>(m_page.get(), u"activationStepsList"_qs);
        int done = 0;
        for (int i = 0; list && i < list->count(); ++i)
            done += list->item(i)->data(Qt::UserRole).toBool();
        return done;
    }

    QWidget* pageCard(const QString& name) const
    {
        for (QFrame* frame : m_page->findChildren<QFrame*>(u"pageCard"_qs)) {
            if (frame->property("cardName").toString() == name)
                return frame;
        }
        return nullptr;
    }

    QList<QJsonObject> hostRows(const QString& table) const
    {
        QList<QJsonObject> rows;
        for (const QJsonValue& row : m_host.hostDump().value(table).toArray())
            rows.append(row.toObject());
        return rows;
    }

    int activationsInState(const QString& tid, const QString& state) const
    {
        int count = 0;
        for (const QJsonObject& row : hostRows(u"activations"_qs))
            count += row.value(u"tid"_qs).toString() == tid && row.value(u"state"_qs).toString() == state;
        return count;
    }

    void screenshot(QWidget* widget, const QString& stage)
    {
        const QString dir = qEnvironmentVariable("POS_JOURNEY_SCREENSHOTS");
        if (dir.isEmpty() || !widget)
            return;
        QVERIFY(QDir().mkpath(dir));
        QApplication::processEvents();
        const QString file =
            QDir(dir).filePath(u"%1-%2.png"_qs.arg(++m_screenshot, 2, 10, QLatin1Char('0')).arg(stage));
        QVERIFY2(widget->grab().save(file, "PNG"), qPrintable(file));
    }

    // Each stage continues the story of the one before.
    void requireStage(int stage)
    {
        QVERIFY2(m_stagesDone == stage - 1,
                 qPrintable(u"stage %1 needs stage %2, which failed"_qs.arg(stage).arg(stage - 1)));
    }

    // The tenders the merchant asked for, as the app hands them to activation (app/AcquirerSetup.cpp).
    static QStringList requestedTenders(const OnboardingDraft& draft)
    {
        QStringList tenders;
        for (Feature feature : draft.features) {
            if (isTender(feature))
                tenders << featureWire(feature);
        }
        return tenders;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyTheme(*qApp);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_host.startSimulator({u"--review-delay-ms"_qs, QString::number(reviewDelayMs)}));
        m_pad = startScriptedPad(m_dir, cardholderScript, &m_padPty);
        QVERIFY2(m_pad, "the PIN pad emulator did not start");
        m_terminal = makeActivationTerminal(m_host, m_dir.filePath(u"terminal.db"_qs), m_padPty);
        QVERIFY2(m_terminal, "the activation service did not start");

        FileKeyVault vault(m_dir.filePath(u"keys"_qs));
        Result<QByteArray> key = vault.loadOrCreateKey();
        POS_VERIFY_RESULT(key);
        // The onboarding service shares the terminal's ledger and API client, as in the app.
        m_onboardingStore = std::make_unique<storage::LedgerOnboardingStore>(*m_terminal->ledger);
        m_onboardingClient = std::make_unique<acquirer::OnboardingClient>(*m_terminal->api);
        OnboardingServiceConfig config;
        config.pollIntervalMs = 100;
        config.maxPollIntervalMs = 400;
        m_onboarding = std::make_unique<OnboardingService>(
            *m_onboardingStore, std::move(key).value(), *m_onboardingClient,
            acquirerAgreementSource(*m_onboardingClient), config);
        POS_VERIFY_RESULT(await<void>([&](auto done) { m_onboarding->start(done); }));
        QCOMPARE(m_onboarding->status(), OnboardingStatus::Draft);

        const QList<QSslCertificate> ca = acquirer::loadPinnedCa(m_host.caPath()).value();
        const QUrl api(m_host.apiUrl());
        const QList<NetworkEndpoint> endpoints{
            {u"Onboarding and QR service"_qs, api.host(), quint16(api.port()), ca, {}},
            {u"Card payments host"_qs, u"127.0.0.1"_qs, m_host.hostPort(), ca, {}}};
        m_networkCheck = std::make_unique<NetworkCheck>(NetworkCheck::Config{});
        m_page = std::make_unique<ActivationPage>(&m_terminalStatus);
        m_page->attach(m_onboarding.get(), m_terminal->service.get(),
                       [this, endpoints](std::function<void(NetworkReport)> done) {
                           m_networkCheck->run(endpoints, std::move(done));
                       });
        m_page->resize(1100, 1400);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanupTestCase()
    {
        m_page.reset(); // and the wizard it owns
        m_networkCheck.reset();
        m_onboarding.reset();
        m_onboardingClient.reset();
        m_onboardingStore.reset();
        m_terminal.reset();
        m_pad.reset();
        m_host.stopSimulator();
    }

    void stage1_pageOpensTheWizard()
    {
        JOURNEY_STEP(requireStage(1));
        auto* open = child<QPushButton>(m_page.get(), u"onboarding.open"_qs);
        QVERIFY(open);
        QCOMPARE(open->text(), u"Start onboarding"_qs);
        QCOMPARE(completedSteps(), 0);
        QVERIFY2(!shown(pageCard(u"terminalActivationCard"_qs)), "activation offered before approval");
        JOURNEY_STEP(screenshot(m_page.get(), u"page-new"_qs));

        JOURNEY_STEP(click(m_page.get(), u"onboarding.open"_qs));
        m_wizard = m_page->findChild<OnboardingWizard*>(u"onboardingWizard"_qs);
        QVERIFY2(m_wizard, "the page's onboarding button opened no wizard");
        m_wizard->resize(960, 820);
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard));
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Merchant));
        ++m_stagesDone;
    }

    void stage2_everyPageIsFilledThroughTheWidgets()
    {
        JOURNEY_STEP(requireStage(2));
        // Negative control: an empty required page cannot be left; nothing is saved.
        QAbstractButton* nextButton = wizardButton(QWizard::NextButton);
        QVERIFY2(!nextButton->isEnabled(), "Next is enabled on the empty merchant page");
        QTest::mouseClick(nextButton, Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::Merchant));
        QCOMPARE(m_onboarding->draft().lastCompletedPage, -1);

        JOURNEY_STEP(type(u"merchant.registeredName"_qs, licenceName));
        JOURNEY_STEP(type(u"merchant.shopName"_qs, u"测试便利店"_qs));
        JOURNEY_STEP(type(u"merchant.address.province"_qs, u"福建省"_qs));
        JOURNEY_STEP(type(u"merchant.address.city"_qs, u"福州市"_qs));
        JOURNEY_STEP(type(u"merchant.address.district"_qs, u"鼓楼区"_qs));
        JOURNEY_STEP(type(u"merchant.address.street"_qs, u"五四路 1 号"_qs));
        JOURNEY_STEP(type(u"merchant.contactName"_qs, legalName));
        JOURNEY_STEP(type(u"merchant.mobile"_qs, u"138 0013 8000"_qs));
        JOURNEY_STEP(choose(u"merchant.mcc"_qs, u"5411"_qs));
        JOURNEY_STEP(screenshot(m_wizard, u"wizard-merchant"_qs));
        JOURNEY_STEP(next(OnboardingPage::Licence));
        QCOMPARE(m_onboarding->draft().merchant.mobile, u"13800138000"_qs); // saved, normalised

        JOURNEY_STEP(type(u"licence.uscc"_qs, uscc));
        JOURNEY_STEP(type(u"licence.name"_qs, licenceName));
        JOURNEY_STEP(tick(u"licence.longTerm"_qs));
        const QString licenceScan = writeScan(u"licence.png"_qs, Qt::darkCyan);
        QVERIFY(!licenceScan.isEmpty());
        JOURNEY_STEP(attachThroughTheDialog(u"licence.documentId"_qs, licenceScan));
        JOURNEY_STEP(screenshot(m_wizard, u"wizard-licence"_qs));
        JOURNEY_STEP(next(OnboardingPage::Tax));

        QCOMPARE(child<QLineEdit>(m_wizard, u"tax.taxId"_qs)->text(), uscc); // prefilled from the licence
        JOURNEY_STEP(next(OnboardingPage::LegalRepresentative));

        JOURNEY_STEP(type(u"legalRepresentative.name"_qs, legalName));
        JOURNEY_STEP(type(u"legalRepresentative.idNumber"_qs, refusedIdNumber));
        JOURNEY_STEP(tick(u"legalRepresentative.idLongTerm"_qs));
        const QString front = writeScan(u"id-front.png"_qs, Qt::darkYellow);
        const QString back =
            writeFile(u"id-back.pdf"_qs, QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"));
        QVERIFY(!front.isEmpty() && !back.isEmpty());
        JOURNEY_STEP(attachThroughTheDialog(u"legalRepresentative.idFrontDocumentId"_qs, front));
        JOURNEY_STEP(attachThroughTheDialog(u"legalRepresentative.idBackDocumentId"_qs, back));
        JOURNEY_STEP(screenshot(m_wizard, u"wizard-legal-representative"_qs));
        JOURNEY_STEP(next(OnboardingPage::Settlement));

        JOURNEY_STEP(choose(u"settlement.type"_qs, int(AccountType::Corporate)));
        // The wizard's own check: a corporate account in the legal representative's name is refused here.
        JOURNEY_STEP(type(u"settlement.accountName"_qs, legalName));
        QVERIFY2(!issue(u"settlement.accountName"_qs).isEmpty(), "a wrong account name was not flagged");
        QVERIFY(!nextButton->isEnabled());
        // The licence's name with full-width brackets: the same name to the wizard and, as sent, to the
        // acquirer.
        JOURNEY_STEP(type(u"settlement.accountName"_qs, accountNameWithOtherBrackets));
        JOURNEY_STEP(type(u"settlement.accountNumber"_qs, corporateAccount));
        JOURNEY_STEP(type(u"settlement.bank"_qs, u"中国建设银行"_qs));
        JOURNEY_STEP(type(u"settlement.branch"_qs, u"福州五四支行"_qs));
        QCOMPARE(issue(u"settlement.accountName"_qs), QString());
        JOURNEY_STEP(screenshot(m_wizard, u"wizard-settlement"_qs));
        JOURNEY_STEP(next(OnboardingPage::Features));

        for (const QString& feature : {u"features.swipe"_qs, u"features.ic"_qs, u"features.qr"_qs})
            JOURNEY_STEP(tick(feature));
        JOURNEY_STEP(next(OnboardingPage::Agreement));

        // The agreement as the acquirer serves it.
        auto* text = child<QTextBrowser>(m_wizard, u"agreement.text"_qs);
        QVERIFY(text);
        QVERIFY2(QTest::qWaitFor([&] { return !text->toPlainText().isEmpty(); }, waitMs),
                 qPrintable(child<QLabel>(m_wizard, u"agreement.loadStatus"_qs)->text()));
        QCOMPARE(text->toPlainText(), sim::currentAgreement().text);
        auto* cycle = child<QComboBox>(m_wizard, u"agreement.settlementCycle"_qs);
        QVERIFY(cycle && cycle->count() > 0);
        cycle->setCurrentIndex(0);
        JOURNEY_STEP(type(u"agreement.signedName"_qs, legalName));
        JOURNEY_STEP(tick(u"agreement.agreed"_qs));
        JOURNEY_STEP(screenshot(m_wizard, u"wizard-agreement"_qs));
        JOURNEY_STEP(next(OnboardingPage::Review));

        const QString summary = child<QTextBrowser>(m_wizard, u"review.summary"_qs)->toPlainText();
        QVERIFY2(summary.contains(accountNameWithOtherBrackets), qPrintable(summary));
        QVERIFY2(!summary.contains(corporateAccount), "the review shows the full account number");
        QCOMPARE(m_onboarding->draft().lastCompletedPage, int(OnboardingPage::Agreement));
        QVERIFY(m_onboarding->draft().agreement.isSigned());
        ++m_stagesDone;
    }

    void stage3_rejectionShowsTheReasonAndCorrectLeadsToTheField()
    {
        JOURNEY_STEP(requireStage(3));
        JOURNEY_STEP(screenshot(m_wizard, u"wizard-review"_qs));
        JOURNEY_STEP(click(m_wizard, u"review.submit"_qs));
        auto* status = child<QLabel>(m_wizard, u"review.status"_qs);
        QVERIFY2(
            QTest::qWaitFor([&] { return status->text().contains(u"Rejected"_qs); }, waitMs),
            qPrintable(status->text() + u" / "_qs + child<QLabel>(m_wizard, u"review.message"_qs)->text()));
        QCOMPARE(m_onboarding->status(), OnboardingStatus::Rejected);

        const QList<ReviewReason> reasons = m_onboarding->reasons();
        QCOMPARE(reasons.size(), 1);
        QCOMPARE(reasons.first().code, u"ID_BLACKLISTED"_qs); // not the account name's bracket form
        // New rows of a visible layout are shown from the event loop.
        QLabel* reason = nullptr;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         reason = child<QLabel>(m_wizard, u"review.reason:legalRepresentative.idNumber"_qs);
                         return shown(reason);
                     },
                     5000),
                 "the acquirer's reason is not on the review page");
        QCOMPARE(reason->text(), u"The legal representative cannot be accepted."_qs);
        auto* pageReasons = child<QLabel>(m_page.get(), u"onboarding.reasons"_qs);
        QVERIFY2(QTest::qWaitFor([&] { return shown(pageReasons); }, 5000) &&
                     pageReasons->text().contains(reason->text()),
                 "the Activation page does not show the reason");
        QCOMPARE(child<QPushButton>(m_page.get(), u"onboarding.open"_qs)->text(),
                 u"Correct the application"_qs);
        QCOMPARE(child<QPushButton>(m_wizard, u"review.submit"_qs)->text(), u"Submit again"_qs);
        const QList<QJsonObject> applications = hostRows(u"applications"_qs);
        QCOMPARE(applications.size(), 1);
        QCOMPARE(applications.first().value(u"status"_qs).toString(), u"rejected"_qs);
        JOURNEY_STEP(screenshot(m_wizard, u"wizard-rejected"_qs));

        JOURNEY_STEP(click(m_wizard, u"review.correct:legalRepresentative.idNumber"_qs));
        QCOMPARE(m_wizard->currentId(), int(OnboardingPage::LegalRepresentative));
        QCOMPARE(issue(u"legalRepresentative.idNumber"_qs), reason->text());
        QVERIFY(child<QLineEdit>(m_wizard, u"legalRepresentative.idNumber"_qs)->isEnabled());
        JOURNEY_STEP(screenshot(m_wizard, u"wizard-correct"_qs));
        ++m_stagesDone;
    }

    void stage4_correctedApplicationIsApproved()
    {
        JOURNEY_STEP(requireStage(4));
        JOURNEY_STEP(type(u"legalRepresentative.idNumber"_qs, idNumber));
        QCOMPARE(issue(u"legalRepresentative.idNumber"_qs), QString());
        JOURNEY_STEP(next(OnboardingPage::Settlement));
        JOURNEY_STEP(next(OnboardingPage::Features));
        JOURNEY_STEP(next(OnboardingPage::Agreement));
        JOURNEY_STEP(next(OnboardingPage::Review));
        QCOMPARE(m_onboarding->draft().legal.idNumber, idNumber);
        QCOMPARE(m_onboarding->draft().settlement.accountName, accountNameWithOtherBrackets); // as typed

        JOURNEY_STEP(click(m_wizard, u"review.submit"_qs));
        auto* status = child<QLabel>(m_wizard, u"review.status"_qs);
        QVERIFY2(
            QTest::qWaitFor([&] { return status->text().contains(u"Approved"_qs); }, waitMs),
            qPrintable(status->text() + u" / "_qs + child<QLabel>(m_wizard, u"review.message"_qs)->text()));
        QCOMPARE(m_onboarding->status(), OnboardingStatus::Approved);
        QVERIFY(!shown(child<QLabel>(m_wizard, u"review.reason:legalRepresentative.idNumber"_qs)));
        QVERIFY(wizardButton(QWizard::FinishButton)->isEnabled());
        JOURNEY_STEP(screenshot(m_wizard, u"wizard-approved"_qs));

        // One application at the acquirer, corrected in place, and one merchant.
        const QList<QJsonObject> applications = hostRows(u"applications"_qs);
        QCOMPARE(applications.size(), 1);
        QCOMPARE(applications.first().value(u"status"_qs).toString(), u"approved"_qs);
        QCOMPARE(applications.first().value(u"client_reference"_qs).toString(),
                 m_onboarding->draft().clientReference);
        const QList<QJsonObject> merchants = hostRows(u"merchants"_qs);
        QCOMPARE(merchants.size(), 1);
        QCOMPARE(merchants.first().value(u"merchant_id"_qs).toString(), m_onboarding->approvedMerchantId());
        ++m_stagesDone;
    }

    void stage5_firstSwipeDeclinedThenApproved()
    {
        JOURNEY_STEP(requireStage(5));
        m_terminal->service->setRequestedTenders(requestedTenders(m_onboarding->draft()));
        QTest::mouseClick(wizardButton(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY2(QTest::qWaitFor([&] { return !m_wizard || !m_wizard->isVisible(); }, 5000),
                 "Finish did not close the wizard");

        // The page takes the activation code of the approved application.
        const Result<QString> code = await<QString>([&](auto done) { m_onboarding->activationCode(done); });
        POS_VERIFY_RESULT(code);
        QVERIFY(shown(pageCard(u"terminalActivationCard"_qs)));
        auto* codeField = child<QLineEdit>(m_page.get(), u"activation.code"_qs);
        QVERIFY(codeField);
        QTRY_COMPARE(codeField->text(), code.value());
        QCOMPARE(completedSteps(), 2);
        QVERIFY(child<QLabel>(m_page.get(), u"onboarding.status"_qs)->text().contains(u"approved"_qs));

        JOURNEY_STEP(click(m_page.get(), u"activation.networkCheck"_qs));
        auto* network = child<QLabel>(m_page.get(), u"activation.networkSummary"_qs);
        QVERIFY2(QTest::qWaitFor([&] { return network->property("state").toString() == u"ok"_qs; }, waitMs),
                 qPrintable(network->text()));
        JOURNEY_STEP(screenshot(m_page.get(), u"page-approved"_qs));

        JOURNEY_STEP(click(m_page.get(), u"activation.activate"_qs));
        auto* error = child<QLabel>(m_page.get(), u"activation.error"_qs);
        auto* firstSwipe = child<QPushButton>(m_page.get(), u"activation.firstSwipe"_qs);
        QVERIFY2(QTest::qWaitFor([&] { return shown(firstSwipe) && firstSwipe->isEnabled(); }, waitMs),
                 qPrintable(error->text()));
        QCOMPARE(completedSteps(), 5);
        const QString tid = m_terminal->service->record().terminalId;
        QVERIFY(!tid.isEmpty());
        JOURNEY_STEP(screenshot(m_page.get(), u"page-first-swipe"_qs));

        // The expired card: declined with 54, said plainly, another card may be tried.
        JOURNEY_STEP(click(m_page.get(), u"activation.firstSwipe"_qs));
        auto* declined = child<QLabel>(m_page.get(), u"activation.declined"_qs);
        QVERIFY2(QTest::qWaitFor([&] { return shown(declined); }, waitMs), qPrintable(error->text()));
        QVERIFY2(declined->text().contains(u"expired"_qs), qPrintable(declined->text()));
        QVERIFY2(QTest::qWaitFor([&] { return firstSwipe->isEnabled(); }, 5000), "no second try offered");
        QVERIFY(!shown(child<QWidget>(m_page.get(), u"activation.testSale"_qs)));
        QVERIFY(!m_terminal->service->isActivated());
        QCOMPARE(m_terminal->slips.size(), 0);
        QCOMPARE(activationsInState(tid, u"approved"_qs), 0); // negative control
        JOURNEY_STEP(screenshot(m_page.get(), u"page-declined"_qs));

        // The approving card with its PIN.
        JOURNEY_STEP(click(m_page.get(), u"activation.firstSwipe"_qs));
        QVERIFY(!shown(declined));
        auto* testSale = child<QPushButton>(m_page.get(), u"activation.testSale"_qs);
        QVERIFY2(QTest::qWaitFor([&] { return shown(testSale); }, waitMs),
                 qPrintable(error->text() + u" / "_qs + declined->text()));
        QVERIFY(m_terminal->service->isActivated());
        QCOMPARE(completedSteps(), 6);
        const TerminalActivation& record = m_terminal->service->record();
        QCOMPARE(record.merchantId, m_onboarding->approvedMerchantId());
        QVERIFY(child<QLabel>(m_page.get(), u"activation.terminalId"_qs)->text().contains(tid));
        const QString limits = child<QLabel>(m_page.get(), u"activation.limits"_qs)->text();
        QVERIFY2(limits.contains(Money::fromFen(record.singleLimitFen).toDisplayString()),
                 qPrintable(limits));
        QVERIFY2(limits.contains(Money::fromFen(record.dailyLimitFen).toDisplayString()), qPrintable(limits));
        auto* fees = child<QTableWidget>(m_page.get(), u"activation.fees"_qs);
        QVERIFY(fees && fees->rowCount() > 0);
        QVERIFY(fees->item(0, 1)->text().endsWith(QLatin1Char('%')));
        QTRY_COMPARE(m_terminal->slips.size(), 1);
        QCOMPARE(activationsInState(tid, u"approved"_qs), 1);
        QCOMPARE(hostRows(u"activations"_qs).size(), 1); // one row per terminal
        JOURNEY_STEP(screenshot(m_page.get(), u"page-activated"_qs));
        ++m_stagesDone;
    }
};

QTEST_MAIN(tst_MerchantOnboardingJourney)
#include "tst_merchant_onboarding_journey.moc"
