// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// USB descriptor parsing from captured bytes and the choice of the printer interface.
#include "UsbDescriptorCaptures.h"
#include "devices/usb/UsbDescriptors.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;

class tst_UsbDescriptors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deviceDescriptor_data();
    void deviceDescriptor();
    void malformedDeviceDescriptor_data();
    void malformedDeviceDescriptor();
    void configurationLayout_data();
    void configurationLayout();
    void malformedConfiguration_data();
    void malformedConfiguration();
    void printerInterface_data();
    void printerInterface();
    void noPrinterInterface_data();
    void noPrinterInterface();
};

void tst_UsbDescriptors::deviceDescriptor_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("vendorId");
    QTest::addColumn<int>("productId");
    QTest::addColumn<int>("deviceClass");
    QTest::addColumn<int>("serialIndex");
    QTest::newRow("Xprinter XP-T58H") << test::xprinterDevice() << 0x0483 << 0x5743 << 0x00 << 3;
    QTest::newRow("Epson vendor class") << test::epsonVendorClassDevice() << 0x04b8 << 0x0202 << 0x00 << 3;
    QTest::newRow("DeTong composite") << test::compositeDevice() << 0x0483 << 0x5a19 << 0xef << 3;
}

void tst_UsbDescriptors::deviceDescriptor()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, vendorId);
    QFETCH(int, productId);
    QFETCH(int, deviceClass);
    QFETCH(int, serialIndex);
    const Result<UsbDeviceDescriptor> device = parseUsbDeviceDescriptor(bytes);
    POS_VERIFY_RESULT(device);
    QCOMPARE(device.value().vendorId, vendorId);
    QCOMPARE(device.value().productId, productId);
    QCOMPARE(device.value().deviceClass, deviceClass);
    QCOMPARE(device.value().serialNumberIndex, serialIndex);
    QCOMPARE(device.value().configurationCount, 1);
}

void tst_UsbDescriptors::malformedDeviceDescriptor_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("detail");
    QTest::newRow("empty") << QByteArray() << u"has 0 bytes"_qs;
    QTest::newRow("17 bytes") << test::xprinterDevice().first(17) << u"has 17 bytes"_qs;
    QByteArray wrongType = test::xprinterDevice();
    wrongType[1] = 0x02;
    QTest::newRow("configuration type") << wrongType << u"type 2"_qs;
    QByteArray wrongLength = test::xprinterDevice();
    wrongLength[0] = 0x09;
    QTest::newRow("bLength 9") << wrongLength << u"bLength 9"_qs;
}

void tst_UsbDescriptors::malformedDeviceDescriptor()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, detail);
    const Result<UsbDeviceDescriptor> device = parseUsbDeviceDescriptor(bytes);
    QVERIFY(!device);
    QCOMPARE(device.error().code, ErrorCode::InvalidInput);
    QVERIFY2(device.error().detail.contains(detail), qPrintable(device.error().detail));
}

void tst_UsbDescriptors::configurationLayout_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("layout"); // interface/alt:class.sub.proto[endpoint addresses and types]
    QTest::newRow("Xprinter") << test::xprinterConfiguration() << u"0/0:07.01.02[02b 81b]"_qs;
    QTest::newRow("Epson vendor class")
        << test::epsonVendorClassConfiguration() << u"0/0:ff.ff.00[01b 82b]"_qs;
    QTest::newRow("composite printer + HID")
        << test::compositeConfiguration() << u"0/0:07.01.01[81b 01b] 1/0:03.00.00[82i 02i]"_qs;
    QTest::newRow("HID then printer alt settings")
        << test::hidThenAltSettingsConfiguration()
        << u"0/0:03.01.01[83i] 1/0:07.01.01[02b] 1/1:07.01.02[02b 84b] 1/2:07.01.03[]"_qs;
    // Bytes after wTotalLength (a reader that asked for more) are not part of the configuration.
    QTest::newRow("trailing bytes ignored")
        << test::xprinterConfiguration() + test::hexBytes("09 04 01 00 00 07 01 02 00")
        << u"0/0:07.01.02[02b 81b]"_qs;
}

void tst_UsbDescriptors::configurationLayout()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, layout);
    const Result<UsbConfiguration> configuration = parseUsbConfigurationDescriptor(bytes);
    POS_VERIFY_RESULT(configuration);
    QStringList parts;
    for (const UsbInterface& interface : configuration.value().interfaces) {
        QStringList endpoints;
        for (const UsbEndpoint& endpoint : interface.endpoints) {
            const char type = endpoint.transferType() == UsbTransferType::Bulk        ? 'b'
                              : endpoint.transferType() == UsbTransferType::Interrupt ? 'i'
                                                                                      : '?';
            endpoints << u"%1%2"_qs.arg(endpoint.address, 2, 16, QLatin1Char('0')).arg(QLatin1Char(type));
        }
        parts << u"%1/%2:%3.%4.%5[%6]"_qs.arg(interface.number)
                     .arg(interface.alternateSetting)
                     .arg(interface.interfaceClass, 2, 16, QLatin1Char('0'))
                     .arg(interface.interfaceSubClass, 2, 16, QLatin1Char('0'))
                     .arg(interface.interfaceProtocol, 2, 16, QLatin1Char('0'))
                     .arg(endpoints.join(u' '));
    }
    QCOMPARE(parts.join(u' '), layout);
    QCOMPARE(configuration.value().value, 1);
}

void tst_UsbDescriptors::malformedConfiguration_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("detail");
    const QByteArray xprinter = test::xprinterConfiguration();
    QTest::newRow("empty") << QByteArray() << u"has 0 bytes"_qs;
    QTest::newRow("header only, claims 32") << xprinter.first(9) << u"truncated: wTotalLength 32, only 9"_qs;
    QTest::newRow("cut inside an endpoint") << xprinter.first(25) << u"truncated"_qs;
    QByteArray shortTotal = xprinter;
    shortTotal[2] = 28; // the blob says it ends inside the last endpoint
    QTest::newRow("wTotalLength inside a descriptor") << shortTotal << u"runs past wTotalLength"_qs;
    QByteArray zeroLength = xprinter;
    zeroLength[9] = 0x00;
    QTest::newRow("bLength 0 (would loop)") << zeroLength << u"bLength 0 at offset 9"_qs;
    QTest::newRow("endpoint before any interface")
        << test::hexBytes("09 02 10 00 01 01 00 c0 10 07 05 02 02 40 00 00") << u"endpoint outside"_qs;
    QTest::newRow("interface misses an endpoint")
        << test::hexBytes("09 02 19 00 01 01 00 c0 10 09 04 00 00 02 07 01 02 00 07 05 02 02 40 00 00")
        << u"misses 1 endpoint"_qs;
    QTest::newRow("device descriptor inside")
        << test::hexBytes("09 02 1b 00 01 01 00 c0 10 12 01 00 02 00 00 00 40 83 04 43 57 00 02 01 02 03 01")
        << u"descriptor type 1 inside"_qs;
    QTest::newRow("not a configuration") << test::xprinterDevice() << u"type 1"_qs;
}

void tst_UsbDescriptors::malformedConfiguration()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, detail);
    const Result<UsbConfiguration> configuration = parseUsbConfigurationDescriptor(bytes);
    QVERIFY(!configuration);
    QCOMPARE(configuration.error().code, ErrorCode::InvalidInput);
    QVERIFY2(configuration.error().detail.contains(detail), qPrintable(configuration.error().detail));
    QVERIFY(!configuration.error().userMessage.isEmpty());
}

void tst_UsbDescriptors::printerInterface_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("allowListed");
    QTest::addColumn<int>("interfaceNumber");
    QTest::addColumn<int>("alternateSetting");
    QTest::addColumn<int>("interfaceClass");
    QTest::addColumn<int>("bulkOut");
    QTest::addColumn<int>("bulkIn"); // -1: none
    QTest::newRow("printer class, not listed")
        << test::xprinterConfiguration() << false << 0 << 0 << 0x07 << 0x02 << 0x81;
    QTest::newRow("printer class, listed")
        << test::xprinterConfiguration() << true << 0 << 0 << 0x07 << 0x02 << 0x81;
    QTest::newRow("vendor class, listed")
        << test::epsonVendorClassConfiguration() << true << 0 << 0 << 0xff << 0x01 << 0x82;
    QTest::newRow("composite: the printer, not the HID")
        << test::compositeConfiguration() << false << 0 << 0 << 0x07 << 0x01 << 0x81;
    QTest::newRow("bidirectional alternate setting preferred")
        << test::hidThenAltSettingsConfiguration() << false << 1 << 1 << 0x07 << 0x02 << 0x84;
    // Unidirectional only: no bulk IN, so no status replies.
    QTest::newRow("unidirectional printer")
        << test::hexBytes("09 02 19 00 01 01 00 c0 10 09 04 00 00 01 07 01 01 00 07 05 01 02 40 00 00")
        << false << 0 << 0 << 0x07 << 0x01 << -1;
}

void tst_UsbDescriptors::printerInterface()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, allowListed);
    QFETCH(int, interfaceNumber);
    QFETCH(int, alternateSetting);
    QFETCH(int, interfaceClass);
    QFETCH(int, bulkOut);
    QFETCH(int, bulkIn);
    const Result<UsbConfiguration> configuration = parseUsbConfigurationDescriptor(bytes);
    POS_VERIFY_RESULT(configuration);
    const Result<UsbPrinterInterface> chosen = choosePrinterInterface(configuration.value(), allowListed);
    POS_VERIFY_RESULT(chosen);
    QCOMPARE(chosen.value().interfaceNumber, interfaceNumber);
    QCOMPARE(chosen.value().alternateSetting, alternateSetting);
    QCOMPARE(chosen.value().interfaceClass, interfaceClass);
    QCOMPARE(chosen.value().bulkOut, bulkOut);
    QCOMPARE(chosen.value().bulkIn.has_value() ? int(*chosen.value().bulkIn) : -1, bulkIn);
}

void tst_UsbDescriptors::noPrinterInterface_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("allowListed");
    QTest::newRow("vendor class, not listed") << test::epsonVendorClassConfiguration() << false;
    QTest::newRow("HID keyboard only")
        << test::hexBytes("09 02 22 00 01 01 00 a0 32 09 04 00 00 01 03 01 01 00 09 21 11 01 00 01 22 3f 00"
                          " 07 05 81 03 08 00 0a")
        << true;
    QTest::newRow("IPP over USB only")
        << test::hexBytes("09 02 20 00 01 01 00 c0 01 09 04 00 00 02 07 01 04 00 07 05 01 02 00 02 00"
                          " 07 05 82 02 00 02 00")
        << false;
    QTest::newRow("printer class without bulk OUT")
        << test::hexBytes("09 02 19 00 01 01 00 c0 10 09 04 00 00 01 07 01 02 00 07 05 81 02 40 00 00")
        << false;
}

void tst_UsbDescriptors::noPrinterInterface()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, allowListed);
    const Result<UsbConfiguration> configuration = parseUsbConfigurationDescriptor(bytes);
    POS_VERIFY_RESULT(configuration);
    const Result<UsbPrinterInterface> chosen = choosePrinterInterface(configuration.value(), allowListed);
    QVERIFY(!chosen);
    QCOMPARE(chosen.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(tst_UsbDescriptors)
#include "tst_usb_descriptors.moc"
