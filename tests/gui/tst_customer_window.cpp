// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The PIN pad emulator's customer window (offscreen): the emulator core runs in-process with the window as
// its cardholder; READ_CARD enables the card picker and a click answers it with that test card; GET_PIN
// enables the keypad and clicked digits + Enter answer with a PIN block equal to the software key store's
// under the same keys. KEY_PRESSED events carry classes and counts only. Negative rows: the keypad is dead
// without a GET_PIN, Cancel answers 05, the PC's CANCEL closes the question, disallowed entries are disabled.
#include "acquirer/crypto/SoftwareKeyStore.h"
#include "acquirer/crypto/WorkKeys.h"
#include "simulators/PadEmulatorLink.h"
#include "simulators/acquirer/TestCards.h"
#include "simulators/acquirer/api/ActivationService.h"
#include "simulators/pinpad/CustomerWindow.h"
#include "simulators/pinpad/PinPadEmulator.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::sim;
using namespace pos::test;

namespace {

enum : quint8 { LoadTmk = 0x31, LoadWorkKeys = 0x32, ReadCard = 0x33, GetPin = 0x34, Cancel = 0x39 };
const QByteArray tmk = QByteArray::fromHex("0123456789ABCDEFFEDCBA9876543210");

QByteArray f62Block()
{
    const Result<acquirer::WorkKeySet> keys = acquirer::WorkKeySet::fromClearKeys(
        WorkKeyLayout::TripleDes003, QByteArray::fromHex("11223344556677888877665544332211"),
        QByteArray::fromHex("A1A2A3A4A5A6A7A8"));
    return acquirer::buildWorkKeyBlock(KeyScheme::TripleDes, tmk, keys.value()).value();
}

QByteArray byte(int value)
{
    return QByteArray(1, static_cast<char>(value));
}

} // namespace

class tst_CustomerWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void cardAndPinComeFromTheWindow();
    void nothingIsEnabledWithoutAQuestion();
    void cancelInTheWindowAnswersCancelled_data();
    void cancelInTheWindowAnswersCancelled();
    void enterWithoutDigitsMeansNoPin();
    void cancelFromThePcClosesTheQuestion();
    void disallowedEntriesAreDisabled_data();
    void disallowedEntriesAreDisabled();

private:
    QPushButton* button(const QString& objectName) const
    {
        return m_window->findChild<QPushButton*>(objectName);
    }
    bool click(const QString& objectName)
    {
        QPushButton* target = button(objectName);
        if (!target || !target->isEnabled())
            return false;
        QTest::mouseClick(target, Qt::LeftButton);
        return true;
    }
    void askForCard(int entries = 0x07)
    {
        m_link->send(ReadCard, {{0x30, "1234"}, {0x31, byte(30)}, {0x32, byte(entries)}});
    }
    void askForPin(const QString& pan)
    {
        m_link->send(GetPin, {{0x50, pan.toLatin1()}, {0x51, byte(4)}, {0x52, byte(12)}, {0x53, byte(30)}});
    }
    bool loadKeys();

    std::unique_ptr<PinPadEmulator> m_pad;
    std::unique_ptr<CustomerWindow> m_window;
    std::unique_ptr<PadEmulatorLink> m_link;
};

void tst_CustomerWindow::init()
{
    Result<std::unique_ptr<PinPadEmulator>> pad = PinPadEmulator::create({});
    POS_VERIFY_RESULT(pad);
    m_pad = std::move(pad).value();
    m_window = std::make_unique<CustomerWindow>();
    m_pad->setCardholder(m_window.get());
    m_link = std::make_unique<PadEmulatorLink>(*m_pad);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_CustomerWindow::cleanup()
{
    m_link.reset();
    m_pad.reset();
    m_window.reset();
}

bool tst_CustomerWindow::loadKeys()
{
    const Result<QByteArray> wrapped = wrapKeyForPinPad(m_pad->publicKeyDer(), rsaOaepSha256, tmk);
    if (!wrapped)
        return false;
    m_link->send(LoadTmk, {{0x10, wrapped.value()}, {0x11, "3des"}});
    const std::optional<PadMessage> loaded = m_link->reply(LoadTmk);
    m_link->send(LoadWorkKeys, {{0x20, byte(3)}, {0x21, f62Block()}});
    const std::optional<PadMessage> keys = m_link->reply(LoadWorkKeys);
    return loaded && loaded->state == 0 && keys && keys->state == 0;
}

void tst_CustomerWindow::cardAndPinComeFromTheWindow()
{
    QVERIFY(loadKeys());
    const std::optional<TestCard> card = findTestCardByLabel(u"chip-approve"_qs);
    QVERIFY(card);

    askForCard();
    QTRY_VERIFY(m_window->findChild<QGroupBox*>(u"cardPicker"_qs)->isEnabled());
    QVERIFY(m_window->findChild<QLabel*>(u"customerAmountLabel"_qs)->text().contains(u"¥12.34"_qs));
    QVERIFY(click(u"card-chip-approve"_qs));
    const std::optional<PadMessage> read = m_link->reply(ReadCard);
    QVERIFY(read);
    QCOMPARE(read->state, quint8(0));
    QCOMPARE(read->items.value(0x40), byte(2)); // chip
    QCOMPARE(QString::fromLatin1(read->items.value(0x41)), card->pan);
    QVERIFY(!m_window->findChild<QGroupBox*>(u"cardPicker"_qs)->isEnabled());

    askForPin(card->pan);
    QTRY_VERIFY(m_window->findChild<QGroupBox*>(u"pinKeypad"_qs)->isEnabled());
    for (const QChar digit : card->pin)
        QVERIFY(click(u"pinKey"_qs + digit));
    QCOMPARE(m_window->findChild<QLabel*>(u"pinEntryLabel"_qs)->text(), QString(card->pin.size(), u'*'));
    QVERIFY(click(u"pinEnterButton"_qs));
    const std::optional<PadMessage> pin = m_link->reply(GetPin);
    QVERIFY(pin);
    QCOMPARE(pin->state, quint8(0));

    acquirer::SoftwareKeyStore reference(KeyScheme::TripleDes, tmk);
    bool installed = false;
    reference.installWorkKeys(WorkKeyLayout::TripleDes003, f62Block(), this,
                              [&installed](Result<WorkKeyCheck> check) { installed = check.hasValue(); });
    QTRY_VERIFY(installed);
    QCOMPARE(pin->items.value(0x55),
             reference.encryptPin(card->pin.toLatin1(), card->pan.toLatin1()).value());

    QList<QByteArray> keyEvents;
    for (const PadMessage& event : m_link->events()) {
        if (event.command == 0x80)
            keyEvents << event.items.value(0x90).toHex() + '/' + event.items.value(0x91).toHex();
    }
    QCOMPARE(keyEvents, (QList<QByteArray>{"01/01", "01/02", "01/03", "01/04", "01/05", "01/06", "02/06"}));
    QVERIFY(!m_window->findChild<QGroupBox*>(u"pinKeypad"_qs)->isEnabled());
}

void tst_CustomerWindow::nothingIsEnabledWithoutAQuestion()
{
    QVERIFY(!m_window->findChild<QGroupBox*>(u"cardPicker"_qs)->isEnabled());
    QVERIFY(!m_window->findChild<QGroupBox*>(u"pinKeypad"_qs)->isEnabled());
    QVERIFY(!click(u"pinKey1"_qs));
    QVERIFY(!click(u"card-magstripe-approve"_qs));
    QTest::qWait(50);
    QVERIFY(m_link->events().isEmpty());
    QVERIFY(!m_link->reply(ReadCard, 100));
}

void tst_CustomerWindow::cancelInTheWindowAnswersCancelled_data()
{
    QTest::addColumn<bool>("atPin");
    QTest::newRow("READ_CARD") << false;
    QTest::newRow("GET_PIN") << true;
}

void tst_CustomerWindow::cancelInTheWindowAnswersCancelled()
{
    QFETCH(bool, atPin);
    QVERIFY(loadKeys());
    if (atPin) {
        askForPin(u"6225880137563118"_qs);
        QTRY_VERIFY(button(u"pinCancelButton"_qs)->isEnabled());
        QVERIFY(click(u"pinKey5"_qs));
        QVERIFY(click(u"pinCancelButton"_qs));
    } else {
        askForCard();
        QTRY_VERIFY(button(u"cardCancelButton"_qs)->isEnabled());
        QVERIFY(click(u"cardCancelButton"_qs));
    }
    const std::optional<PadMessage> answer = m_link->reply(atPin ? GetPin : ReadCard);
    QVERIFY(answer);
    QCOMPARE(answer->state, quint8(5));
    QVERIFY(!answer->items.contains(0x55));
}

void tst_CustomerWindow::enterWithoutDigitsMeansNoPin()
{
    QVERIFY(loadKeys());
    askForPin(u"6225880137563118"_qs);
    QTRY_VERIFY(button(u"pinEnterButton"_qs)->isEnabled());
    QVERIFY(click(u"pinKey1"_qs));
    QVERIFY(click(u"pinClearButton"_qs));
    QVERIFY(click(u"pinEnterButton"_qs));
    const std::optional<PadMessage> answer = m_link->reply(GetPin);
    QVERIFY(answer);
    QCOMPARE(answer->state, quint8(0));
    QCOMPARE(answer->items.value(0x56), byte(1));
    QVERIFY(!answer->items.contains(0x55));
}

void tst_CustomerWindow::cancelFromThePcClosesTheQuestion()
{
    askForCard();
    QTRY_VERIFY(m_window->findChild<QGroupBox*>(u"cardPicker"_qs)->isEnabled());
    m_link->send(Cancel);
    const std::optional<PadMessage> read = m_link->reply(ReadCard);
    QVERIFY(read);
    QCOMPARE(read->state, quint8(5));
    QVERIFY(!m_window->findChild<QGroupBox*>(u"cardPicker"_qs)->isEnabled());
    QVERIFY(!click(u"card-magstripe-approve"_qs));
}

void tst_CustomerWindow::disallowedEntriesAreDisabled_data()
{
    QTest::addColumn<int>("entries");
    QTest::addColumn<QString>("card");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("swipe only: magstripe") << 0x01 << u"magstripe-approve"_qs << true;
    QTest::newRow("swipe only: chip") << 0x01 << u"chip-approve"_qs << false;
    QTest::newRow("tap only: contactless") << 0x04 << u"contactless-approve"_qs << true;
    QTest::newRow("tap only: magstripe") << 0x04 << u"magstripe-approve"_qs << false;
    QTest::newRow("insert or tap: chip") << 0x06 << u"chip-approve"_qs << true;
}

void tst_CustomerWindow::disallowedEntriesAreDisabled()
{
    QFETCH(int, entries);
    QFETCH(QString, card);
    QFETCH(bool, enabled);
    askForCard(entries);
    QTRY_VERIFY(m_window->findChild<QGroupBox*>(u"cardPicker"_qs)->isEnabled());
    QCOMPARE(button(u"card-"_qs + card)->isEnabled(), enabled);
}

QTEST_MAIN(tst_CustomerWindow)
#include "tst_customer_window.moc"
