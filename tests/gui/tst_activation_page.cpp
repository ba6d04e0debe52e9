// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The Activation page offscreen, driven only through its widgets: a scripted onboarding flow (approved, with
// the activation code the real simulator issued) and a REAL ActivationService against the acquirer simulator
// process, the PIN pad emulator process over a pty (scripted cardholder: a wrong PIN first), a real ledger
// and the card engine. Also: a wrong code shows the acquirer's explanation, the network check's summary,
// the onboarding status and wizard button, unavailable parts, and the Sell page's per-tender gates.
#include "acquirer/api/ActivationClient.h"
#include "acquirer/api/OnboardingClient.h"
#include "acquirer/engine/CardEngine.h"
#include "acquirer/link/AcquirerLink.h"
#include "activation/ActivationService.h"
#include "activation/CardLinkAdapter.h"
#include "activation/OnboardingTestDraft.h"
#include "devices/pinpad/PinPadDriver.h"
#include "devices/transport/ByteTransport.h"
#include "storage/LedgerActivationStore.h"
#include "storage/LedgerCardJournal.h"
#include "storage/LedgerService.h"
#include "support/ActivationRig.h"
#include "support/CardLinkFixture.h"
#include "support/FakeOnboardingFlow.h"
#include "ui/Theme.h"
#include "ui/onboarding/OnboardingWizard.h"
#include "ui/pages/ActivationPage.h"
#include "ui/pages/SellPage.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using namespace pos::activation;
using namespace pos::test;
using pos::ui::ActivationPage;

namespace {

using Terminal = ActivationTerminal;

NetworkReport report(NetworkStage reached, qint64 tcpMs, const QString& diagnosis)
{
    EndpointResult result;
    result.endpoint.label = u"Card host"_qs;
    result.endpoint.host = u"127.0.0.1"_qs;
    result.reached = reached;
    result.dnsMs = 1;
    result.tcpMs = tcpMs;
    result.tlsMs = 10;
    result.diagnosis = diagnosis;
    return NetworkReport{{result}};
}

} // namespace

class tst_ActivationPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_padProcess;
    QString m_padPty;

    bool startPad(const QString& script)
    {
        m_padProcess = startScriptedPad(m_dir, script, &m_padPty);
        return m_padProcess != nullptr;
    }

    // An approved application's activation code from the simulator's onboarding API.
    static QString approvedCode(CardLinkFixture& host) { return approvedActivationCode(host); }

    std::unique_ptr<Terminal> makeTerminal(CardLinkFixture& host)
    {
        return makeActivationTerminal(host, m_dir.filePath(u"terminal.db"_qs), m_padPty);
    }

    template <typename T>
    static T* child(QWidget& root, const QString& name)
    {
        return root.findChild<T*>(name);
    }

    // A page card by the name given to Page::addCard (its objectName is the theme's "pageCard").
    static QWidget* card(QWidget& page, const QString& name)
    {
        for (QFrame* frame : page.findChildren<QFrame*>(u"pageCard"_qs)) {
            if (frame->property("cardName").toString() == name)
                return frame;
        }
        return nullptr;
    }

    static void click(QWidget& root, const QString& name)
    {
        auto* button = child<QPushButton>(root, name);
        QVERIFY2(button, qPrintable(name));
        QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(name));
        QTest::mouseClick(button, Qt::LeftButton);
    }

    static int completedSteps(QWidget& root)
    {
        auto* list = child<QListWidget>(root, u"activationStepsList"_qs);
        int done = 0;
        for (int i = 0; i < list->count(); ++i)
            done += list->item(i)->data(Qt::UserRole).toBool();
        return done;
    }

    static void showPage(QWidget& page)
    {
        page.resize(1100, 1400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyTheme(*qApp);
    }
    void init()
    {
        for (const QString& suffix : {u""_qs, u"-wal"_qs, u"-shm"_qs})
            QFile::remove(m_dir.filePath(u"terminal.db"_qs + suffix));
    }
    void cleanup() { m_padProcess.reset(); }

    void approvedOnboardingActivatesThroughTheWidgets()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs}));
        const QString code = approvedCode(host);
        QCOMPARE(code.size(), 8);
        QVERIFY(startPad(u"card magstripe-approve\npin 9999\n"_qs)); // a wrong PIN first, then the right one
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);

        FakeOnboardingFlow flow;
        flow.setStatus(OnboardingStatus::Approved);
        flow.setActivationCode(code);
        TerminalStatus status;
        ActivationPage page(&status);
        page.attach(&flow, t->service.get(), {});
        showPage(page);
        QSignalSpy testSale(&page, &ActivationPage::testSaleRequested);

        auto* codeField = child<QLineEdit>(page, u"activation.code"_qs);
        QVERIFY(codeField);
        QTRY_COMPARE(codeField->text(), code);
        QCOMPARE(completedSteps(page), 2);
        QVERIFY(!child<QPushButton>(page, u"activation.firstSwipe"_qs)->isVisible());

        click(page, u"activation.activate"_qs);
        QVERIFY(child<QLabel>(page, u"activation.busy"_qs)->isVisible());
        QVERIFY(QRegularExpression(u"^\\d\\d:\\d\\d$"_qs)
                    .match(child<QLabel>(page, u"activation.elapsed"_qs)->text())
                    .hasMatch());
        QVERIFY(!child<QPushButton>(page, u"activation.activate"_qs)->isEnabled());
        auto* firstSwipe = child<QPushButton>(page, u"activation.firstSwipe"_qs);
        QVERIFY2(QTest::qWaitFor([&] { return firstSwipe->isVisible() && firstSwipe->isEnabled(); }, 30000),
                 qPrintable(child<QLabel>(page, u"activation.error"_qs)->text()));
        QCOMPARE(completedSteps(page), 5);
        QVERIFY(child<QLabel>(page, u"activation.firstSwipeHint"_qs)->text().contains(u"PIN pad"_qs));

        click(page, u"activation.firstSwipe"_qs);
        QVERIFY(QTest::qWaitFor(
            [&] { return child<QPushButton>(page, u"activation.cancel"_qs)->isVisible(); }, 10000));
        auto* declined = child<QLabel>(page, u"activation.declined"_qs);
        QVERIFY(QTest::qWaitFor([&] { return declined->isVisible(); }, 30000));
        QVERIFY2(declined->text().contains(u"PIN"_qs), qPrintable(declined->text()));
        QVERIFY(firstSwipe->isEnabled()); // another card may be tried
        QVERIFY(!child<QWidget>(page, u"activation.testSale"_qs)->isVisible());

        click(page, u"activation.firstSwipe"_qs);
        QVERIFY(!declined->isVisible());
        auto* testSaleButton = child<QPushButton>(page, u"activation.testSale"_qs);
        QVERIFY2(QTest::qWaitFor([&] { return testSaleButton->isVisible(); }, 30000),
                 qPrintable(child<QLabel>(page, u"activation.error"_qs)->text()));
        QCOMPARE(completedSteps(page), 6);
        QVERIFY(!firstSwipe->isVisible());
        const TerminalActivation& record = t->service->record();
        QVERIFY(child<QLabel>(page, u"activation.terminalId"_qs)->text().contains(record.terminalId));
        QVERIFY(child<QLabel>(page, u"activation.merchantId"_qs)->text().contains(record.merchantId));
        const QString limits = child<QLabel>(page, u"activation.limits"_qs)->text();
        QVERIFY2(limits.contains(Money::fromFen(record.singleLimitFen).toDisplayString()),
                 qPrintable(limits));
        QVERIFY2(limits.contains(Money::fromFen(record.dailyLimitFen).toDisplayString()), qPrintable(limits));
        auto* fees = child<QTableWidget>(page, u"activation.fees"_qs);
        QVERIFY(fees->rowCount() > 0);
        QCOMPARE(fees->item(0, 0)->text().isEmpty(), false);
        QVERIFY(fees->item(0, 1)->text().endsWith(QLatin1Char('%')));

        QTest::mouseClick(testSaleButton, Qt::LeftButton);
        QCOMPARE(testSale.size(), 1);
    }

    void wrongCodeShowsTheAcquirersExplanation()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({}));
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        FakeOnboardingFlow flow;
        flow.setStatus(OnboardingStatus::Approved);
        TerminalStatus status;
        ActivationPage page(&status);
        page.attach(&flow, t->service.get(), {});
        showPage(page);

        auto* codeField = child<QLineEdit>(page, u"activation.code"_qs);
        QTRY_COMPARE(flow.activationCodeRequests, 1);
        QCOMPARE(codeField->text(), QString()); // nothing to prefill
        codeField->setFocus();
        QTest::keyClicks(codeField, u"ABCD-EFGH"_qs);
        click(page, u"activation.activate"_qs);
        auto* error = child<QLabel>(page, u"activation.error"_qs);
        QVERIFY(QTest::qWaitFor([&] { return error->isVisible(); }, 20000));
        QVERIFY2(error->text().contains(u"activation code"_qs), qPrintable(error->text()));
        QVERIFY(child<QPushButton>(page, u"activation.activate"_qs)->isEnabled());
        QVERIFY(!child<QWidget>(page, u"activation.busy"_qs)->isVisible());
        QCOMPARE(completedSteps(page) < 3, true);
    }

    // An unreachable acquirer: the page says when the next try is due and offers Cancel during the pause.
    void retryPauseShowsItsCountdownAndCancel()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({}));
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeActivationTerminal(
            host, m_dir.filePath(u"terminal.db"_qs), m_padPty, u"https://127.0.0.1:1/"_qs, {},
            [](ActivationService::Config& config) { config.retryDelaysMs = {5000}; });
        QVERIFY(t);
        FakeOnboardingFlow flow;
        flow.setStatus(OnboardingStatus::Approved);
        TerminalStatus status;
        ActivationPage page(&status);
        page.attach(&flow, t->service.get(), {});
        showPage(page);

        auto* codeField = child<QLineEdit>(page, u"activation.code"_qs);
        codeField->setFocus();
        QTest::keyClicks(codeField, u"ABCDEFGH"_qs);
        click(page, u"activation.activate"_qs);
        auto* cancel = child<QPushButton>(page, u"activation.cancel"_qs);
        auto* busy = child<QLabel>(page, u"activation.busy"_qs);
        QVERIFY(QTest::qWaitFor([&] { return busy->text().contains(u"Trying again"_qs); }, 20000));
        QVERIFY2(busy->text().contains(u"Trying again in 5 s (retry 1 of 1)"_qs), qPrintable(busy->text()));
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        auto* error = child<QLabel>(page, u"activation.error"_qs);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"Try again"_qs), qPrintable(error->text()));
        QVERIFY(!cancel->isVisible());
        QVERIFY(child<QPushButton>(page, u"activation.retry"_qs)->isVisible());
        QCOMPARE(t->service->step(), ActivationStep::Registering);
    }

    void networkCheckShowsTheSummary_data()
    {
        QTest::addColumn<NetworkReport>("report");
        QTest::addColumn<QString>("tone");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ok") << report(NetworkStage::Done, 20, {}) << u"ok"_qs << u"reachable"_qs;
        QTest::newRow("slow") << report(NetworkStage::Done, 2000, u"The connection is slow (2010 ms)."_qs)
                              << u"warn"_qs << u"slow (2010 ms)"_qs;
        QTest::newRow("unreachable") << report(NetworkStage::Tcp, -1,
                                               u"The acquirer refused the connection."_qs)
                                     << u"error"_qs << u"refused the connection"_qs;
    }
    void networkCheckShowsTheSummary()
    {
        QFETCH(NetworkReport, report);
        QFETCH(QString, tone);
        QFETCH(QString, expected);
        TerminalStatus status;
        FakeOnboardingFlow flow;
        flow.setStatus(OnboardingStatus::Approved);
        ActivationPage page(&status);
        std::function<void(NetworkReport)> pending;
        int runs = 0;
        page.attach(&flow, nullptr, [&](std::function<void(NetworkReport)> done) {
            ++runs;
            pending = std::move(done);
        });
        showPage(page);
        click(page, u"activation.networkCheck"_qs);
        QCOMPARE(runs, 1);
        QVERIFY(!child<QPushButton>(page, u"activation.networkCheck"_qs)->isEnabled()); // no second run
        pending(report);
        auto* summary = child<QLabel>(page, u"activation.networkSummary"_qs);
        QVERIFY(summary->isVisible());
        QVERIFY2(summary->text().contains(expected), qPrintable(summary->text()));
        QCOMPARE(summary->property("state").toString(), tone);
        QVERIFY(child<QPushButton>(page, u"activation.networkCheck"_qs)->isEnabled());
    }

    void onboardingButtonFollowsTheStatus_data()
    {
        QTest::addColumn<OnboardingStatus>("status");
        QTest::addColumn<OnboardingPage>("resumePage");
        QTest::addColumn<QString>("button");
        QTest::addColumn<bool>("refreshVisible");
        QTest::addColumn<int>("steps");
        QTest::newRow("new") << OnboardingStatus::Draft << OnboardingPage::Merchant << u"Start onboarding"_qs
                             << false << 0;
        QTest::newRow("draft") << OnboardingStatus::Draft << OnboardingPage::Tax << u"Continue onboarding"_qs
                               << false << 0;
        QTest::newRow("submitted") << OnboardingStatus::Submitted << OnboardingPage::Review
                                   << u"View the application"_qs << true << 1;
        QTest::newRow("under review") << OnboardingStatus::UnderReview << OnboardingPage::Review
                                      << u"View the application"_qs << true << 1;
        QTest::newRow("rejected") << OnboardingStatus::Rejected << OnboardingPage::Review
                                  << u"Correct the application"_qs << false << 0;
        QTest::newRow("approved") << OnboardingStatus::Approved << OnboardingPage::Review
                                  << u"View the application"_qs << false << 2;
    }
    void onboardingButtonFollowsTheStatus()
    {
        QFETCH(OnboardingStatus, status);
        QFETCH(OnboardingPage, resumePage);
        QFETCH(QString, button);
        QFETCH(bool, refreshVisible);
        QFETCH(int, steps);
        TerminalStatus terminal;
        FakeOnboardingFlow flow;
        flow.setResumePage(resumePage);
        flow.setReasons(
            {ReviewReason{u"ACCOUNT_NAME_MISMATCH"_qs, u"settlement.accountName"_qs,
                          u"The account name differs from the licence."_qs, OnboardingPage::Settlement}});
        flow.setStatus(status);
        ActivationPage page(&terminal);
        page.attach(&flow, nullptr, {});
        showPage(page);
        QCOMPARE(child<QPushButton>(page, u"onboarding.open"_qs)->text(), button);
        QCOMPARE(child<QPushButton>(page, u"onboarding.refresh"_qs)->isVisible(), refreshVisible);
        QCOMPARE(completedSteps(page), steps);
        auto* reasons = child<QLabel>(page, u"onboarding.reasons"_qs);
        QCOMPARE(reasons->isVisible(), status == OnboardingStatus::Rejected);
        if (status == OnboardingStatus::Rejected)
            QVERIFY(reasons->text().contains(u"differs from the licence"_qs));
        QCOMPARE(card(page, u"terminalActivationCard"_qs)->isVisible(), status == OnboardingStatus::Approved);
        if (refreshVisible) {
            click(page, u"onboarding.refresh"_qs);
            QCOMPARE(flow.refreshCalls, 1);
        }
    }

    void wizardOpensNonModalAndIsReused()
    {
        TerminalStatus terminal;
        FakeOnboardingFlow flow;
        ActivationPage page(&terminal);
        page.attach(&flow, nullptr, {});
        showPage(page);
        click(page, u"onboarding.open"_qs);
        auto* wizard = page.findChild<ui::OnboardingWizard*>(u"onboardingWizard"_qs);
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        QVERIFY(wizard->isWindow());
        QVERIFY(!wizard->isModal());
        click(page, u"onboarding.open"_qs);
        QCOMPARE(page.findChildren<ui::OnboardingWizard*>().size(), 1);
        flow.setStatus(OnboardingStatus::UnderReview);
        QCOMPARE(child<QPushButton>(page, u"onboarding.open"_qs)->text(), u"View the application"_qs);
    }

    void unattachedPartsSayUnavailable()
    {
        TerminalStatus terminal;
        ActivationPage page(&terminal);
        page.attach(nullptr, nullptr, {});
        showPage(page);
        QVERIFY(child<QLabel>(page, u"onboarding.status"_qs)->text().contains(u"unavailable"_qs));
        QVERIFY(!child<QPushButton>(page, u"onboarding.open"_qs)->isEnabled());
        QVERIFY(child<QLabel>(page, u"activation.unavailable"_qs)->isVisible());
        QVERIFY(!child<QPushButton>(page, u"activation.networkCheck"_qs)->isVisible());
        QVERIFY(!child<QLabel>(page, u"onboarding.message"_qs)->isVisible()); // no reason known
    }

    // Why the services are missing (e.g. settings.ini [acquirer] is wrong) is shown until a flow attaches.
    void unavailableReasonIsShownUntilServicesAttach()
    {
        TerminalStatus terminal;
        ActivationPage page(&terminal);
        page.attach(nullptr, nullptr, {});
        page.setUnavailableReason(u"settings.ini [acquirer] has no apiUrl."_qs);
        showPage(page);
        auto* message = child<QLabel>(page, u"onboarding.message"_qs);
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), u"settings.ini [acquirer] has no apiUrl."_qs);
        FakeOnboardingFlow flow;
        page.attach(&flow, nullptr, {});
        QVERIFY(!message->text().contains(u"apiUrl"_qs));
        QVERIFY(child<QPushButton>(page, u"onboarding.open"_qs)->isEnabled());
    }

    void sellPageGatesEachTender_data()
    {
        QTest::addColumn<bool>("activated");
        QTest::addColumn<QStringList>("tenders");
        QTest::addColumn<bool>("cash");
        QTest::addColumn<bool>("card");
        QTest::addColumn<bool>("qr");
        QTest::newRow("not activated, all tenders")
            << false << QStringList{u"cash"_qs, u"swipe"_qs, u"qr"_qs} << false << false << false;
        QTest::newRow("activated, cash only") << true << QStringList{u"cash"_qs} << true << false << false;
        QTest::newRow("activated, swipe")
            << true << QStringList{u"cash"_qs, u"swipe"_qs} << true << true << false;
        QTest::newRow("activated, ic") << true << QStringList{u"cash"_qs, u"ic"_qs} << true << true << false;
        QTest::newRow("activated, contactless")
            << true << QStringList{u"cash"_qs, u"contactless"_qs} << true << true << false;
        QTest::newRow("activated, qr") << true << QStringList{u"cash"_qs, u"qr"_qs} << true << false << true;
        QTest::newRow("activated, all")
            << true << QStringList{u"cash"_qs, u"swipe"_qs, u"ic"_qs, u"qr"_qs} << true << true << true;
        QTest::newRow("activated, unknown tender")
            << true << QStringList{u"cash"_qs, u"cheque"_qs} << true << false << false;
    }
    void sellPageGatesEachTender()
    {
        QFETCH(bool, activated);
        QFETCH(QStringList, tenders);
        QFETCH(bool, cash);
        QFETCH(bool, card);
        QFETCH(bool, qr);
        TerminalStatus terminal;
        QCOMPARE(terminal.enabledTenders(), QStringList{u"cash"_qs});
        QSignalSpy changed(&terminal, &TerminalStatus::enabledTendersChanged);
        ui::SellPage page(&terminal);
        showPage(page);
        terminal.setEnabledTenders(tenders);
        terminal.setEnabledTenders(tenders);
        QCOMPARE(changed.size(), tenders == QStringList{u"cash"_qs} ? 0 : 1);
        if (activated)
            terminal.setActivation(ActivationState::Activated);
        auto* cashButton = child<QPushButton>(page, u"payCashPushButton"_qs);
        auto* cardButton = child<QPushButton>(page, u"payCardPushButton"_qs);
        auto* qrButton = child<QPushButton>(page, u"payQrPushButton"_qs);
        QCOMPARE(cashButton->isEnabled(), cash);
        QCOMPARE(cardButton->isEnabled(), card);
        QCOMPARE(qrButton->isEnabled(), qr);
        for (QPushButton* button : {cashButton, cardButton, qrButton})
            QCOMPARE(button->toolTip().isEmpty(), button->isEnabled()); // a disabled tender says why
        auto* notice = child<QLabel>(page, u"tenderNoticeLabel"_qs);
        QCOMPARE(notice->isVisible(), activated && (!card || !qr));
        if (activated && !card)
            QVERIFY(notice->text().contains(u"card payments"_qs));
    }
};

QTEST_MAIN(tst_ActivationPage)
#include "tst_activation_page.moc"
