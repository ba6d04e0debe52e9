// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The application-wide scan filter with real widgets: the main window shows another page (Reports) with a
// focused QLineEdit; key events with controlled timestamps are sent where the platform sends them (the
// window), and the filter decides whether they are a scan (the sale page lists the code, the field gets
// nothing, not even the releases) or a person typing (the field gets exactly the keys, in order). The
// negative control runs the same scan without the filter installed: the field receives it.
#include "core/TerminalStatus.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/ScanEventFilter.h"
#include "ui/pages/Page.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QStandardPaths>
#include <QTest>
#include <QWindow>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::ui;

namespace {

// Records the key events that reach the watched widget: "+x" for a press typing x, "-x" for its release.
class KeyRecorder final : public QObject
{
public:
    QStringList seen;

    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::KeyPress || event->type() == QEvent::KeyRelease) {
            const auto* key = static_cast<QKeyEvent*>(event);
            const QString name = key->key() == Qt::Key_Return ? u"<Return>"_qs : key->text();
            seen << (event->type() == QEvent::KeyPress ? u"+"_qs : u"-"_qs) + name;
        }
        return false;
    }
};

} // namespace

class tst_ScanEventFilter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void scanLandsInTheSaleNotInTheFocusedField();
    void keysTypedByAPersonReachTheFocusedField_data();
    void keysTypedByAPersonReachTheFocusedField();
    void typingThenAScanKeepsBothApart();
    void withoutTheFilterTheFieldGetsTheScan();

private:
    // Press and release of one key at timeMs (the release 3 ms later), sent to the window as the
    // platform does.
    void type(const QString& text, qint64 timeMs, int key = 0);
    void typeAll(const QString& text, qint64 startMs, qint64 spacingMs);
    QStringList scannedItems() const;
    QStringList expectedRecord(const QString& text, bool withReturn = false) const;

    std::unique_ptr<TerminalStatus> m_status;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ScanEventFilter> m_filter;
    QLineEdit* m_field = nullptr;
    KeyRecorder m_recorder;
};

void tst_ScanEventFilter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ScanEventFilter::init()
{
    m_status = std::make_unique<TerminalStatus>();
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(u"en"_qs).hasValue());
    m_window = std::make_unique<MainWindow>(
        m_status.get(), m_languages.get(),
        ShellInfo{u"0.0-test"_qs, u"/tmp/pos-test"_qs, u"/tmp/pos-test/logs/pos.log"_qs, false});
    m_window->resize(1280, 800);
    m_window->showPage(PageId::Reports);
    Page* reports = m_window->page(PageId::Reports);
    m_field = new QLineEdit(reports);
    m_field->setObjectName(u"otherPageLineEdit"_qs);
    reports->layout()->addWidget(m_field);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_field->setFocus();
    QTRY_VERIFY(m_field->hasFocus());
    m_recorder.seen.clear();
    m_field->installEventFilter(&m_recorder);

    m_filter = std::make_unique<ScanEventFilter>();
    connect(m_filter.get(), &ScanEventFilter::scanned, m_window.get(), &MainWindow::addScannedCode);
    qApp->installEventFilter(m_filter.get());
}

void tst_ScanEventFilter::cleanup()
{
    m_filter.reset();
    m_window.reset();
    m_languages.reset();
    m_status.reset();
}

void tst_ScanEventFilter::type(const QString& text, qint64 timeMs, int key)
{
    QWindow* window = m_window->windowHandle();
    const int code = key != 0 ? key : text.at(0).toUpper().unicode();
    QKeyEvent press(QEvent::KeyPress, code, Qt::NoModifier, text);
    press.setTimestamp(static_cast<quint64>(timeMs));
    QCoreApplication::sendEvent(window, &press);
    QKeyEvent release(QEvent::KeyRelease, code, Qt::NoModifier, text);
    release.setTimestamp(static_cast<quint64>(timeMs + 3));
    QCoreApplication::sendEvent(window, &release);
}

void tst_ScanEventFilter::typeAll(const QString& text, qint64 startMs, qint64 spacingMs)
{
    for (qsizetype i = 0; i < text.size(); ++i)
        type(text.mid(i, 1), startMs + i * spacingMs);
}

QStringList tst_ScanEventFilter::scannedItems() const
{
    auto* list = m_window->page(PageId::Sell)->findChild<QListWidget*>(u"scannedItemsList"_qs);
    QStringList items;
    for (int row = 0; list && row < list->count(); ++row)
        items << list->item(row)->text();
    return items;
}

QStringList tst_ScanEventFilter::expectedRecord(const QString& text, bool withReturn) const
{
    QStringList record;
    for (const QChar c : text)
        record << u"+"_qs + c << u"-"_qs + c;
    if (withReturn)
        record << u"+<Return>"_qs << u"-<Return>"_qs;
    return record;
}

void tst_ScanEventFilter::scanLandsInTheSaleNotInTheFocusedField()
{
    typeAll(u"6901234567892"_qs, 10'000, 8);
    type(u"\r"_qs, 10'000 + 13 * 8, Qt::Key_Return);

    QCOMPARE(scannedItems(), QStringList{u"6901234567892"_qs});
    QCOMPARE(m_field->text(), QString());
    QCOMPARE(m_recorder.seen, QStringList());
    QCOMPARE(m_window->currentPage(), PageId::Reports);
    QVERIFY(m_field->hasFocus());
}

void tst_ScanEventFilter::keysTypedByAPersonReachTheFocusedField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("spacingMs");
    QTest::addColumn<bool>("enter");

    QTest::newRow("slow typing, 150 ms apart") << u"hello"_qs << 150 << false;
    QTest::newRow("slow digits then Enter") << u"12345678"_qs << 150 << true;
    QTest::newRow("just over the gap, 40 ms apart") << u"quick"_qs << 40 << false;
    QTest::newRow("a fast burst without terminator") << u"ABC123"_qs << 5 << false;
    QTest::newRow("two letters typed quickly, then Enter") << u"ok"_qs << 20 << true;
}

void tst_ScanEventFilter::keysTypedByAPersonReachTheFocusedField()
{
    QFETCH(QString, text);
    QFETCH(int, spacingMs);
    QFETCH(bool, enter);
    typeAll(text, 50'000, spacingMs);
    if (enter)
        type(u"\r"_qs, 50'000 + text.size() * spacingMs, Qt::Key_Return);

    QTRY_COMPARE(m_field->text(), text);
    QTRY_COMPARE(m_recorder.seen, expectedRecord(text, enter));
    QCOMPARE(scannedItems(), QStringList());
}

void tst_ScanEventFilter::typingThenAScanKeepsBothApart()
{
    typeAll(u"ab"_qs, 20'000, 200);
    typeAll(u"12345"_qs, 20'600, 6);
    type(u"\r"_qs, 20'630, Qt::Key_Return);
    typeAll(u"c"_qs, 21'000, 200);

    QTRY_COMPARE(m_field->text(), u"abc"_qs);
    QCOMPARE(m_recorder.seen, expectedRecord(u"abc"_qs));
    QCOMPARE(scannedItems(), QStringList{u"12345"_qs});
}

void tst_ScanEventFilter::withoutTheFilterTheFieldGetsTheScan()
{
    qApp->removeEventFilter(m_filter.get());
    typeAll(u"6901234567892"_qs, 10'000, 8);
    type(u"\r"_qs, 10'000 + 13 * 8, Qt::Key_Return);

    QCOMPARE(m_field->text(), u"6901234567892"_qs);
    QCOMPARE(m_recorder.seen, expectedRecord(u"6901234567892"_qs, true));
    QCOMPARE(scannedItems(), QStringList());
}

QTEST_MAIN(tst_ScanEventFilter)
#include "tst_scan_event_filter.moc"
