// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Real USB: opens the first printer-class or allow-listed USB device attached to this machine through
// UsbTransport and asks it for its status (DLE EOT 1). Skips (QSKIP, with the reason) when no such device is
// attached, libusb is unavailable, or the device cannot be opened for lack of access (install
// packaging/linux/70-merchant-pos.rules). Nothing is printed: only the real-time status query is sent.
#include "devices/discovery/DeviceEnumerator.h"
#include "devices/transport/ByteTransport.h"
#include "devices/transport/UsbTransport.h"
#include "support/TestSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;

class tst_UsbReal final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensAndAnswersStatus();
    void unknownDeviceIsLost();

private:
    std::optional<DeviceCandidate> m_printer;
    bool m_libusb = false;
};

void tst_UsbReal::initTestCase()
{
    UsbEnumerator enumerator;
    m_libusb = enumerator.available();
    for (const DeviceCandidate& candidate : enumerator.snapshot()) {
        if (candidate.printerInterfaceClass != 0) {
            m_printer = candidate;
            break;
        }
    }
    if (m_printer)
        qInfo().noquote() << "testing" << m_printer->id << m_printer->description << m_printer->ieee1284Id;
}

void tst_UsbReal::opensAndAnswersStatus()
{
    if (!m_libusb)
        QSKIP("libusb cannot be initialised here (no usbfs)");
    if (!m_printer)
        QSKIP("no printer-class or allow-listed USB printer attached");
    Result<std::unique_ptr<ByteTransport>> opened = ByteTransport::open(m_printer->id);
    POS_VERIFY_RESULT(opened);
    ByteTransport& transport = *opened.value();
    QSignalSpy ready(&transport, &ByteTransport::ready);
    QSignalSpy lost(&transport, &ByteTransport::lost);
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() + lost.size() > 0, 5000);
    if (!lost.isEmpty()) {
        const QString reason = lost.at(0).at(0).toString();
        if (reason.contains(u"LIBUSB_ERROR_ACCESS"_qs) || reason.contains(u"LIBUSB_ERROR_BUSY"_qs))
            QSKIP(qPrintable(u"%1 cannot be opened: %2"_qs.arg(m_printer->id, reason)));
        QFAIL(qPrintable(u"%1 lost: %2"_qs.arg(m_printer->id, reason)));
    }
    QVERIFY(transport.isUsable());
    auto* usb = qobject_cast<UsbTransport*>(&transport);
    QVERIFY(usb != nullptr);
    if (!usb->printerInterface().bulkIn)
        QSKIP("unidirectional printer: no status replies to check");
    QSignalSpy bytes(&transport, &ByteTransport::bytesArrived);
    QVERIFY(transport.write(QByteArray::fromHex("100401"))); // DLE EOT 1: printer status
    QTRY_VERIFY_WITH_TIMEOUT(!bytes.isEmpty(), 3000);
    const auto status = static_cast<quint8>(bytes.at(0).at(0).toByteArray().at(0));
    // Fixed pattern 0xx1xx10 of every DLE EOT reply (docs: devices.md §1.1).
    QCOMPARE(status & 0x93, 0x12);
    transport.close();
    QVERIFY(!transport.isUsable());
}

void tst_UsbReal::unknownDeviceIsLost()
{
    if (!m_libusb)
        QSKIP("libusb cannot be initialised here (no usbfs)");
    // A VID:PID no device has (0000 is reserved): the transport opens, then reports lost().
    Result<std::unique_ptr<ByteTransport>> opened = ByteTransport::open(u"usb:0000:0000:NOSUCHSERIAL"_qs);
    POS_VERIFY_RESULT(opened);
    QSignalSpy ready(opened.value().get(), &ByteTransport::ready);
    QSignalSpy lost(opened.value().get(), &ByteTransport::lost);
    QTRY_COMPARE(lost.size(), 1);
    QCOMPARE(ready.size(), 0);
    QVERIFY(!opened.value()->isUsable());
    QVERIFY(!opened.value()->write("x"));
}

QTEST_GUILESS_MAIN(tst_UsbReal)
#include "tst_usb_real.moc"
