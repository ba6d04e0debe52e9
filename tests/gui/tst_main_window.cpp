// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/TerminalStatus.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"
#include "ui/pages/Page.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace pos;
using namespace pos::ui;

Q_DECLARE_METATYPE(pos::ui::PageId)

class tst_MainWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void navigationReachesEveryPage_data();
    void navigationReachesEveryPage();
    void statusBarShowsEveryState_data();
    void statusBarShowsEveryState();
    void statusBarColoursStates();
    void demoBadgeFollowsDemoMode();
    void windowTextsAreTranslated_data();
    void windowTextsAreTranslated();
    void settingsComboSwitchesLanguageLive();
    void tendersNeedActivation();
    void goToActivationNavigates();
    void touchTargetsAreAtLeast44Pixels_data();
    void touchTargetsAreAtLeast44Pixels();
    void pagesFitWithoutHorizontalScrolling_data();
    void pagesFitWithoutHorizontalScrolling();

private:
    QLabel* statusLabel(const QString& objectName) const;

    std::unique_ptr<TerminalStatus> m_status;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    applyTheme(*qApp);
}

void tst_MainWindow::init()
{
    m_status = std::make_unique<TerminalStatus>();
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en")).hasValue());
    m_window =
        std::make_unique<MainWindow>(m_status.get(), m_languages.get(),
                                     ShellInfo{QStringLiteral("0.0-test"), QStringLiteral("/tmp/pos-test"),
                                               QStringLiteral("/tmp/pos-test/logs/pos.log"), false});
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_languages.reset();
    m_status.reset();
}

QLabel* tst_MainWindow::statusLabel(const QString& objectName) const
{
    return m_window->statusBar()->findChild<QLabel*>(objectName);
}

void tst_MainWindow::navigationReachesEveryPage_data()
{
    QTest::addColumn<PageId>("page");
    for (PageId page : allPages())
        QTest::newRow(qPrintable(pageKey(page))) << page;
}

void tst_MainWindow::navigationReachesEveryPage()
{
    QFETCH(PageId, page);
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigationList"));
    QVERIFY(navigation);
    QListWidgetItem* item = nullptr;
    for (int row = 0; row < navigation->count(); ++row) {
        if (navigation->item(row)->data(Qt::UserRole).toString() == pageKey(page))
            item = navigation->item(row);
    }
    QVERIFY(item);
    const QRect rect = navigation->visualItemRect(item);
    QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(m_window->currentPage(), page);
    auto* stack = m_window->findChild<QStackedWidget*>(QStringLiteral("pageStack"));
    auto* scroller = qobject_cast<QScrollArea*>(stack->currentWidget());
    QVERIFY(scroller);
    QCOMPARE(scroller->widget(), m_window->page(page));
    QVERIFY(m_window->page(page)->isVisible());
}

void tst_MainWindow::statusBarShowsEveryState_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("expectedBefore");
    QTest::addColumn<QString>("expectedAfter");
    QTest::newRow("activation") << u"activationStatusLabel"_qs << u"Activation: Not onboarded"_qs
                                << u"Activation: Activated"_qs;
    QTest::newRow("acquirer") << u"acquirerStatusLabel"_qs << u"Acquirer: Not configured"_qs
                              << u"Acquirer: Online"_qs;
    QTest::newRow("printer") << u"printerStatusLabel"_qs << u"Receipt printer: Not configured"_qs
                             << u"Receipt printer: Ready"_qs;
    QTest::newRow("pin pad") << u"pinPadStatusLabel"_qs << u"PIN pad: Not configured"_qs
                             << u"PIN pad: Fault"_qs;
    QTest::newRow("scanner") << u"scannerStatusLabel"_qs << u"Scanner: Not configured"_qs
                             << u"Scanner: Disconnected"_qs;
    QTest::newRow("unsynced") << u"unsyncedStatusLabel"_qs << u"Unsynced: —"_qs << u"Unsynced: 7"_qs;
}

void tst_MainWindow::statusBarShowsEveryState()
{
    QFETCH(QString, label);
    QFETCH(QString, expectedBefore);
    QFETCH(QString, expectedAfter);
    QLabel* widget = statusLabel(label);
    QVERIFY(widget);
    QVERIFY(widget->isVisible());
    QCOMPARE(widget->text(), expectedBefore);
    m_status->setActivation(ActivationState::Activated);
    m_status->setAcquirerLink(LinkState::Online, QStringLiteral("tcp:127.0.0.1:1"));
    m_status->setDevice(DeviceRole::ReceiptPrinter,
                        {DeviceState::Ready, QStringLiteral("tcp:127.0.0.1:2"), {}});
    m_status->setDevice(DeviceRole::PinPad,
                        {DeviceState::Fault, QStringLiteral("serial:/dev/ttyS0"), QStringLiteral("x")});
    m_status->setDevice(DeviceRole::Scanner,
                        {DeviceState::Disconnected, QStringLiteral("serial:/dev/ttyS1"), {}});
    m_status->setUnsyncedCount(7);
    QCOMPARE(widget->text(), expectedAfter);
}

void tst_MainWindow::statusBarColoursStates()
{
    QLabel* acquirer = statusLabel(QStringLiteral("acquirerStatusLabel"));
    QCOMPARE(acquirer->property("state").toString(), QStringLiteral("unknown"));
    m_status->setAcquirerLink(LinkState::Offline);
    QCOMPARE(acquirer->property("state").toString(), QStringLiteral("error"));
    m_status->setAcquirerLink(LinkState::Online);
    QCOMPARE(acquirer->property("state").toString(), QStringLiteral("ok"));
}

void tst_MainWindow::demoBadgeFollowsDemoMode()
{
    QLabel* badge = statusLabel(QStringLiteral("demoBadgeLabel"));
    QVERIFY(badge);
    QVERIFY(!badge->isVisible());
    m_status->setDemoMode(true);
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->text(), QStringLiteral("DEMO"));
}

void tst_MainWindow::windowTextsAreTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("windowTitle");
    QTest::addColumn<QString>("firstNavigationItem");
    QTest::addColumn<QString>("activationLabel");
    QTest::addColumn<QString>("settingsTitle");
    QTest::newRow("zh_CN") << u"zh_CN"_qs << u"商户收银台"_qs << u"收银"_qs << u"激活：未进件"_qs
                           << u"设置"_qs;
    QTest::newRow("en") << u"en"_qs << u"Merchant POS"_qs << u"Sell"_qs << u"Activation: Not onboarded"_qs
                        << u"Settings"_qs;
}

void tst_MainWindow::windowTextsAreTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, windowTitle);
    QFETCH(QString, firstNavigationItem);
    QFETCH(QString, activationLabel);
    QFETCH(QString, settingsTitle);
    QVERIFY(m_languages
                ->setLanguage(QStringLiteral("zh_CN") == language ? QStringLiteral("en")
                                                                  : QStringLiteral("zh_CN"))
                .hasValue());
    QVERIFY(m_languages->setLanguage(language).hasValue());
    QTRY_COMPARE(m_window->windowTitle(), windowTitle); // LanguageChange events are posted
    QCOMPARE(m_window->findChild<QListWidget*>(QStringLiteral("navigationList"))->item(0)->text(),
             firstNavigationItem);
    QCOMPARE(statusLabel(QStringLiteral("activationStatusLabel"))->text(), activationLabel);
    QCOMPARE(m_window->page(PageId::Settings)->title(), settingsTitle);
}

void tst_MainWindow::settingsComboSwitchesLanguageLive()
{
    m_window->showPage(PageId::Settings);
    auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("languageComboBox"));
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("en"));
    const int chinese = combo->findData(QStringLiteral("zh_CN"));
    QVERIFY(chinese >= 0);
    combo->setFocus();
    while (combo->currentIndex() != chinese)
        QTest::keyClick(combo, combo->currentIndex() < chinese ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(m_languages->language(), QStringLiteral("zh_CN"));
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("商户收银台"));
}

void tst_MainWindow::tendersNeedActivation()
{
    auto* cash = m_window->findChild<QPushButton*>(QStringLiteral("payCashPushButton"));
    auto* card = m_window->findChild<QPushButton*>(QStringLiteral("payCardPushButton"));
    QVERIFY(cash && card);
    QVERIFY(!cash->isEnabled());
    QVERIFY(!card->isEnabled());
    m_status->setActivation(ActivationState::Activated);
    QVERIFY(cash->isEnabled());
    QVERIFY(!card->isEnabled()); // only cash until the acquirer enables the card tenders
    m_status->setEnabledTenders({u"cash"_qs, u"swipe"_qs});
    QVERIFY(card->isEnabled());
}

void tst_MainWindow::goToActivationNavigates()
{
    auto* button = m_window->findChild<QPushButton*>(QStringLiteral("goToActivationPushButton"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), PageId::Activation);
}

void tst_MainWindow::touchTargetsAreAtLeast44Pixels_data()
{
    navigationReachesEveryPage_data();
}

void tst_MainWindow::touchTargetsAreAtLeast44Pixels()
{
    QFETCH(PageId, page);
    m_window->showPage(page);
    QCoreApplication::processEvents();
    int checked = 0;
    const auto buttons = m_window->page(page)->findChildren<QPushButton*>();
    for (QPushButton* button : buttons) {
        if (!button->isVisible())
            continue;
        QVERIFY2(button->height() >= 44, qPrintable(button->objectName()));
        ++checked;
    }
    for (QComboBox* combo : m_window->page(page)->findChildren<QComboBox*>()) {
        QVERIFY2(combo->height() >= 44, qPrintable(combo->objectName()));
        ++checked;
    }
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigationList"));
    QVERIFY(navigation->visualItemRect(navigation->item(0)).height() >= 44);
    if (page == PageId::Sell || page == PageId::Settings || page == PageId::Activation)
        QVERIFY(checked > 0);
}

void tst_MainWindow::pagesFitWithoutHorizontalScrolling_data()
{
    navigationReachesEveryPage_data();
}

void tst_MainWindow::pagesFitWithoutHorizontalScrolling()
{
    QFETCH(PageId, page);
    m_window->resize(1024, 768);
    m_window->showPage(page);
    QCoreApplication::processEvents();
    QCOMPARE(m_window->size(), QSize(1024, 768));
    auto* scroller = qobject_cast<QScrollArea*>(
        m_window->findChild<QStackedWidget*>(QStringLiteral("pageStack"))->currentWidget());
    QVERIFY(scroller);
    QVERIFY(!scroller->horizontalScrollBar()->isVisible());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_main_window.moc"
