// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Discovery: stable device ids, driver priorities, and DeviceMonitor's add/remove events over a fake
// enumerator (hot-plug simulated by changed()).
#include "devices/discovery/DeviceEnumerator.h"
#include "devices/discovery/DeviceId.h"
#include "devices/discovery/DeviceMonitor.h"
#include "devices/discovery/DriverRegistry.h"
#include "devices/usb/UsbAllowList.h"
#include "support/TestSupport.h"

#include <QSignalSpy>
#include <QTest>

#include <mutex>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;

namespace {

// Returns whatever the test set last; snapshot() runs on the monitor's scan thread.
class FakeEnumerator final : public DeviceEnumerator
{
public:
    QString name() const override { return u"fake"_qs; }
    QList<DeviceCandidate> snapshot() override
    {
        const std::lock_guard lock(m_mutex);
        ++m_scans;
        return m_devices;
    }
    void set(QList<DeviceCandidate> devices, bool announce)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_devices = std::move(devices);
        }
        if (announce)
            Q_EMIT changed();
    }
    int scans()
    {
        const std::lock_guard lock(m_mutex);
        return m_scans;
    }

private:
    std::mutex m_mutex;
    QList<DeviceCandidate> m_devices;
    int m_scans = 0;
};

DeviceCandidate usb(quint16 vid,
                    quint16 pid,
                    const QString& serial,
                    const QString& path,
                    quint8 printerClass = 0x07,
                    const QString& ieee = {})
{
    DeviceCandidate candidate;
    candidate.transportKind = TransportKind::Usb;
    candidate.vendorId = vid;
    candidate.productId = pid;
    candidate.serialNumber = serial;
    candidate.portPath = path;
    candidate.printerInterfaceClass = printerClass;
    candidate.ieee1284Id = ieee;
    candidate.description = u"USB test device"_qs;
    return candidate;
}

DeviceCandidate serialPort(const QString& path)
{
    DeviceCandidate candidate;
    candidate.id = u"serial:"_qs + path;
    candidate.transportKind = TransportKind::Serial;
    candidate.portPath = path;
    return candidate;
}

DeviceCandidate tcp(const QString& hostPort)
{
    DeviceCandidate candidate;
    candidate.id = u"tcp:"_qs + hostPort;
    candidate.transportKind = TransportKind::Tcp;
    return candidate;
}

QList<DeviceCandidate> withIds(QList<DeviceCandidate> candidates)
{
    assignUsbDeviceIds(candidates);
    return candidates;
}

UsbAllowList testAllowList()
{
    return UsbAllowList(
        {UsbAllowListEntry{0x0483, 0x5743, u"Xprinter"_qs, u"XP-T58H"_qs, DeviceRole::ReceiptPrinter,
                           u"test"_qs},
         UsbAllowListEntry{0x1234, 0x0001, u"Acme"_qs, u"Pad"_qs, DeviceRole::PinPad, u"test"_qs}});
}

} // namespace

class tst_DeviceDiscovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usbIds_data();
    void usbIds();
    void usbIdsParse_data();
    void usbIdsParse();
    void identicalDevicesWithoutSerialGetDistinctIds();
    void sameDeviceKeepsItsIdAcrossScans();
    void bestDriver_data();
    void bestDriver();
    void matchesAreOrderedByPriority();
    void monitorReportsAddRemoveReAdd();
    void monitorScansOnChangedSignal();
    void monitorReportsChangedFacts();
    void monitorIsSilentAfterStop();
};

void tst_DeviceDiscovery::usbIds_data()
{
    QTest::addColumn<int>("vid");
    QTest::addColumn<int>("pid");
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("id");
    QTest::newRow("no serial") << 0x0416 << 0x5011 << QString() << QString() << u"usb:0416:5011"_qs;
    QTest::newRow("serial") << 0x0483 << 0x5743 << u"00000000051C"_qs << QString()
                            << u"usb:0483:5743:00000000051C"_qs;
    QTest::newRow("serial with separators")
        << 0x0483 << 0x5743 << u" A:B@C D "_qs << QString() << u"usb:0483:5743:A_B_C_D"_qs;
    QTest::newRow("port path") << 0x0416 << 0x5011 << QString() << u"1-1.4"_qs << u"usb:0416:5011@1-1.4"_qs;
}

void tst_DeviceDiscovery::usbIds()
{
    QFETCH(int, vid);
    QFETCH(int, pid);
    QFETCH(QString, serial);
    QFETCH(QString, path);
    QFETCH(QString, id);
    QCOMPARE(usbDeviceId(static_cast<quint16>(vid), static_cast<quint16>(pid), serial, path), id);
}

void tst_DeviceDiscovery::usbIdsParse_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QString>("path");
    QTest::newRow("plain") << u"usb:0416:5011"_qs << true << QString() << QString();
    QTest::newRow("upper-case hex") << u"usb:04B8:0E15"_qs << true << QString() << QString();
    QTest::newRow("serial") << u"usb:0483:5743:SN-1.a_b"_qs << true << u"SN-1.a_b"_qs << QString();
    QTest::newRow("path") << u"usb:0416:5011@3-1.2.4"_qs << true << QString() << u"3-1.2.4"_qs;
    QTest::newRow("serial and path") << u"usb:0416:5011:000@1-2"_qs << true << u"000"_qs << u"1-2"_qs;
    QTest::newRow("short vid") << u"usb:416:5011"_qs << false << QString() << QString();
    QTest::newRow("no pid") << u"usb:0416"_qs << false << QString() << QString();
    QTest::newRow("bad path") << u"usb:0416:5011@x"_qs << false << QString() << QString();
    QTest::newRow("space in serial") << u"usb:0416:5011:a b"_qs << false << QString() << QString();
    QTest::newRow("other scheme") << u"serial:/dev/ttyUSB0"_qs << false << QString() << QString();
}

void tst_DeviceDiscovery::usbIdsParse()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QFETCH(QString, serial);
    QFETCH(QString, path);
    const Result<UsbDeviceIdParts> parts = parseUsbDeviceId(id);
    QCOMPARE(bool(parts), valid);
    if (!valid) {
        QCOMPARE(parts.error().code, ErrorCode::InvalidInput);
        return;
    }
    QCOMPARE(parts.value().serial, serial);
    QCOMPARE(parts.value().portPath, path);
    // What usbDeviceId writes parses back to the same device.
    QCOMPARE(parseUsbDeviceId(usbDeviceId(parts.value().vendorId, parts.value().productId, serial, path))
                 .value()
                 .vendorId,
             parts.value().vendorId);
}

void tst_DeviceDiscovery::identicalDevicesWithoutSerialGetDistinctIds()
{
    const QList<DeviceCandidate> two =
        withIds({usb(0x0416, 0x5011, {}, u"1-1.2"_qs), usb(0x0416, 0x5011, {}, u"1-1.3"_qs),
                 usb(0x0483, 0x5743, u"SN1"_qs, u"1-4"_qs)});
    QCOMPARE(two.at(0).id, u"usb:0416:5011@1-1.2"_qs);
    QCOMPARE(two.at(1).id, u"usb:0416:5011@1-1.3"_qs);
    QCOMPARE(two.at(2).id, u"usb:0483:5743:SN1"_qs);
    // Cheap devices sharing one serial string are told apart the same way.
    const QList<DeviceCandidate> sameSerial = withIds({usb(0x6868, 0x0500, u"0002A0000000"_qs, u"2-1"_qs),
                                                       usb(0x6868, 0x0500, u"0002A0000000"_qs, u"2-2"_qs)});
    QCOMPARE(sameSerial.at(0).id, u"usb:6868:0500:0002A0000000@2-1"_qs);
    QCOMPARE(sameSerial.at(1).id, u"usb:6868:0500:0002A0000000@2-2"_qs);
    // Alone again: the plain id.
    QCOMPARE(withIds({usb(0x0416, 0x5011, {}, u"1-1.3"_qs)}).at(0).id, u"usb:0416:5011"_qs);
}

void tst_DeviceDiscovery::sameDeviceKeepsItsIdAcrossScans()
{
    // Same VID:PID + serial in another port (replugged elsewhere) and among other devices: same id.
    const QString first = withIds({usb(0x0483, 0x5743, u"SN1"_qs, u"1-1"_qs)}).at(0).id;
    const QList<DeviceCandidate> later =
        withIds({usb(0x0416, 0x5011, {}, u"1-2"_qs), usb(0x0483, 0x5743, u"SN1"_qs, u"3-7.1"_qs)});
    QCOMPARE(later.at(1).id, first);
    QCOMPARE(first, u"usb:0483:5743:SN1"_qs);
}

void tst_DeviceDiscovery::bestDriver_data()
{
    QTest::addColumn<DeviceCandidate>("candidate");
    QTest::addColumn<QString>("driver"); // empty: none
    QTest::addColumn<int>("priority");
    QTest::addColumn<bool>("needsUserChoice");
    QTest::addColumn<int>("role");
    const auto printer = static_cast<int>(DeviceRole::ReceiptPrinter);
    QTest::newRow("allow-listed USB printer")
        << usb(0x0483, 0x5743, {}, u"1-1"_qs) << u"escpos"_qs << 90 << false << printer;
    QTest::newRow("allow-listed pin pad") << usb(0x1234, 0x0001, {}, u"1-1"_qs, 0) << u"pinpad"_qs << 90
                                          << false << static_cast<int>(DeviceRole::PinPad);
    QTest::newRow("printer class with CMD:ESC/POS")
        << usb(0x6868, 0x0200, {}, u"1-1"_qs, 0x07, u"CMD:ESC/POS;MDL:GP-58;MFG:Gprinter;"_qs) << u"escpos"_qs
        << 80 << false << printer;
    QTest::newRow("network printer") << tcp(u"10.0.0.5:9100"_qs) << u"escpos"_qs << 60 << false << printer;
    QTest::newRow("office printer (PCL)")
        << usb(0x03f0, 0x0517, {}, u"1-1"_qs, 0x07, u"CMD:PCL,PJL;MFG:HP;"_qs) << u"escpos"_qs << 40 << true
        << printer;
    QTest::newRow("serial port") << serialPort(u"/dev/ttyUSB0"_qs) << u"pinpad"_qs << 30 << true
                                 << static_cast<int>(DeviceRole::PinPad);
    QTest::newRow("unlisted USB without printer interface")
        << usb(0x0483, 0x5a19, {}, u"1-1"_qs, 0) << QString() << 0 << false << 0;
    QTest::newRow("unlisted vendor-class device")
        << usb(0x04b8, 0x0202, {}, u"1-1"_qs, 0xff) << QString() << 0 << false << 0;
}

void tst_DeviceDiscovery::bestDriver()
{
    QFETCH(DeviceCandidate, candidate);
    QFETCH(QString, driver);
    QFETCH(int, priority);
    QFETCH(bool, needsUserChoice);
    QFETCH(int, role);
    const std::optional<DriverMatch> match = DriverRegistry::standard(testAllowList()).bestMatch(candidate);
    QCOMPARE(match.has_value(), !driver.isEmpty());
    if (!match)
        return;
    QCOMPARE(match->driver, driver);
    QCOMPARE(match->priority, priority);
    QCOMPARE(match->needsUserChoice, needsUserChoice);
    QCOMPARE(static_cast<int>(match->role), role);
}

void tst_DeviceDiscovery::matchesAreOrderedByPriority()
{
    DriverRegistry registry;
    const auto any = [](const DeviceCandidate&) { return true; };
    registry.addRule({u"low"_qs, DeviceRole::Scanner, 10, true, {}, any});
    registry.addRule({u"high"_qs, DeviceRole::ReceiptPrinter, 90, false, {}, any});
    registry.addRule(
        {u"never"_qs, DeviceRole::PinPad, 99, false, {}, [](const DeviceCandidate&) { return false; }});
    registry.addRule({u"mid-a"_qs, DeviceRole::PinPad, 50, false, {}, any});
    registry.addRule({u"mid-b"_qs, DeviceRole::PinPad, 50, false, {}, any});
    QStringList order;
    for (const DriverMatch& match : registry.matches(serialPort(u"/dev/ttyS0"_qs)))
        order << match.driver;
    QCOMPARE(order, (QStringList{u"high"_qs, u"mid-a"_qs, u"mid-b"_qs, u"low"_qs}));
    // The serial port's standard choices: PIN pad before printer before scanner.
    order.clear();
    for (const DriverMatch& match :
         DriverRegistry::standard(testAllowList()).matches(serialPort(u"/dev/ttyS0"_qs)))
        order << match.driver;
    QCOMPARE(order, (QStringList{u"pinpad"_qs, u"escpos"_qs, u"scanner"_qs}));
}

namespace {

struct MonitorFixture
{
    FakeEnumerator* fake = nullptr;
    std::unique_ptr<DeviceMonitor> monitor;

    explicit MonitorFixture(int pollIntervalMs = 60'000)
    {
        auto owned = std::make_unique<FakeEnumerator>();
        fake = owned.get();
        std::vector<std::unique_ptr<DeviceEnumerator>> enumerators;
        enumerators.push_back(std::move(owned));
        monitor =
            std::make_unique<DeviceMonitor>(std::move(enumerators), DriverRegistry::standard(testAllowList()),
                                            DeviceMonitor::Config{pollIntervalMs});
    }
};

QStringList ids(const QList<DeviceCandidate>& candidates)
{
    QStringList list;
    for (const DeviceCandidate& candidate : candidates)
        list << candidate.id;
    return list;
}

} // namespace

void tst_DeviceDiscovery::monitorReportsAddRemoveReAdd()
{
    MonitorFixture fixture;
    QSignalSpy added(fixture.monitor.get(), &DeviceMonitor::deviceAdded);
    QSignalSpy removed(fixture.monitor.get(), &DeviceMonitor::deviceRemoved);
    QSignalSpy scanned(fixture.monitor.get(), &DeviceMonitor::scanFinished);
    const DeviceCandidate printer = withIds({usb(0x0483, 0x5743, u"SN1"_qs, u"1-1"_qs)}).at(0);
    fixture.fake->set({printer, serialPort(u"/dev/ttyUSB0"_qs)}, false);
    fixture.monitor->start();
    QTRY_COMPARE(scanned.size(), 1);
    QCOMPARE(added.size(), 2);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(ids(fixture.monitor->devices()),
             (QStringList{u"serial:/dev/ttyUSB0"_qs, u"usb:0483:5743:SN1"_qs}));
    // The monitor filled in the driver.
    const DeviceCandidate reported = added.at(1).at(0).value<DeviceCandidate>();
    QCOMPARE(reported.id, u"usb:0483:5743:SN1"_qs);
    QVERIFY(reported.match.has_value());
    QCOMPARE(reported.match->priority, 90);

    fixture.fake->set({serialPort(u"/dev/ttyUSB0"_qs)}, true); // unplugged
    QTRY_COMPARE(scanned.size(), 2);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), u"usb:0483:5743:SN1"_qs);
    QCOMPARE(added.size(), 2);

    fixture.fake->set({printer, serialPort(u"/dev/ttyUSB0"_qs)}, true); // plugged back
    QTRY_COMPARE(scanned.size(), 3);
    QCOMPARE(added.size(), 3);
    QCOMPARE(added.at(2).at(0).value<DeviceCandidate>().id, u"usb:0483:5743:SN1"_qs);
    QCOMPARE(removed.size(), 1);
}

void tst_DeviceDiscovery::monitorScansOnChangedSignal()
{
    MonitorFixture fixture; // polling every minute: only changed() can trigger the next scans
    QSignalSpy scanned(fixture.monitor.get(), &DeviceMonitor::scanFinished);
    QSignalSpy added(fixture.monitor.get(), &DeviceMonitor::deviceAdded);
    fixture.monitor->start();
    QTRY_COMPARE(scanned.size(), 1);
    QCOMPARE(added.size(), 0);
    fixture.fake->set({tcp(u"127.0.0.1:9100"_qs)}, false); // no announcement: nothing happens
    QTest::qWait(100);
    QCOMPARE(scanned.size(), 1);
    fixture.fake->set({tcp(u"127.0.0.1:9100"_qs)}, true);
    QTRY_COMPARE(added.size(), 1);
    // A burst of hot-plug notifications folds into at most one scan after the running one.
    const int before = fixture.fake->scans();
    for (int i = 0; i < 20; ++i)
        Q_EMIT fixture.fake->changed();
    QTRY_VERIFY(scanned.size() >= 3);
    QTest::qWait(100);
    QVERIFY2(fixture.fake->scans() - before <= 2,
             qPrintable(QString::number(fixture.fake->scans() - before)));
}

void tst_DeviceDiscovery::monitorReportsChangedFacts()
{
    MonitorFixture fixture;
    QSignalSpy changed(fixture.monitor.get(), &DeviceMonitor::deviceChanged);
    QSignalSpy added(fixture.monitor.get(), &DeviceMonitor::deviceAdded);
    QSignalSpy removed(fixture.monitor.get(), &DeviceMonitor::deviceRemoved);
    fixture.fake->set(withIds({usb(0x6868, 0x0200, {}, u"1-1"_qs)}), false);
    fixture.monitor->start();
    QTRY_COMPARE(added.size(), 1);
    QCOMPARE(added.at(0).at(0).value<DeviceCandidate>().match->priority, 40);
    // The IEEE 1284 id became readable (udev rule installed): same id, better driver match.
    fixture.fake->set(withIds({usb(0x6868, 0x0200, {}, u"1-1"_qs, 0x07, u"CMD:ESC/POS;"_qs)}), true);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<DeviceCandidate>().match->priority, 80);
    QCOMPARE(added.size(), 1);
    QCOMPARE(removed.size(), 0);
}

void tst_DeviceDiscovery::monitorIsSilentAfterStop()
{
    MonitorFixture fixture(20); // fast polling
    QSignalSpy added(fixture.monitor.get(), &DeviceMonitor::deviceAdded);
    QSignalSpy removed(fixture.monitor.get(), &DeviceMonitor::deviceRemoved);
    fixture.fake->set({tcp(u"127.0.0.1:9100"_qs)}, false);
    fixture.monitor->start();
    QTRY_COMPARE(added.size(), 1);
    fixture.monitor->stop();
    fixture.fake->set({}, true);
    QTest::qWait(150);
    QCOMPARE(removed.size(), 0);
    // Polling notices on its own once running again.
    fixture.monitor->start();
    QTRY_COMPARE(removed.size(), 1);
}

QTEST_GUILESS_MAIN(tst_DeviceDiscovery)
#include "tst_device_discovery.moc"
