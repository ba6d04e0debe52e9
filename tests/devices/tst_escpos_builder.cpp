// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/EscPosBuilder.h"
#include "support/TestSupport.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;

using BuildStep = std::function<void(EscPosBuilder&)>;
Q_DECLARE_METATYPE(BuildStep)

class tst_EscPosBuilder final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commandBytes_data();
    void commandBytes();
    void gb18030OfCola();
    void textRows_data();
    void textRows();
    void qrCodeSequence();
    void qrCodeRejectsBadInput_data();
    void qrCodeRejectsBadInput();
    void barcodeRows_data();
    void barcodeRows();
    void rasterHeaderAndBands_data();
    void rasterHeaderAndBands();
    void rasterRejectsWrongSize();
};

void tst_EscPosBuilder::commandBytes_data()
{
    QTest::addColumn<BuildStep>("step");
    QTest::addColumn<QByteArray>("expected");
    auto row = [](const char* name, BuildStep step, const char* hex) {
        QTest::newRow(name) << step << QByteArray::fromHex(hex);
    };
    row(
        "init", [](EscPosBuilder& b) { b.initialize(); }, "1b40");
    row(
        "align left", [](EscPosBuilder& b) { b.align(EscPosBuilder::Alignment::Left); }, "1b6100");
    row(
        "align centre", [](EscPosBuilder& b) { b.align(EscPosBuilder::Alignment::Centre); }, "1b6101");
    row(
        "align right", [](EscPosBuilder& b) { b.align(EscPosBuilder::Alignment::Right); }, "1b6102");
    row(
        "bold on", [](EscPosBuilder& b) { b.bold(true); }, "1b4501");
    row(
        "bold off", [](EscPosBuilder& b) { b.bold(false); }, "1b4500");
    row(
        "underline 1", [](EscPosBuilder& b) { b.underline(1); }, "1b2d01");
    row(
        "underline clamped", [](EscPosBuilder& b) { b.underline(7); }, "1b2d02");
    row(
        "size 1x1", [](EscPosBuilder& b) { b.characterSize(1, 1); }, "1d2100");
    row(
        "size 2x2", [](EscPosBuilder& b) { b.characterSize(2, 2); }, "1d2111");
    row(
        "size double width", [](EscPosBuilder& b) { b.characterSize(2, 1); }, "1d2110");
    row(
        "size double height", [](EscPosBuilder& b) { b.characterSize(1, 2); }, "1d2101");
    row(
        "size 8x8", [](EscPosBuilder& b) { b.characterSize(8, 8); }, "1d2177");
    row(
        "chinese on", [](EscPosBuilder& b) { b.chineseMode(true); }, "1c26");
    row(
        "chinese off", [](EscPosBuilder& b) { b.chineseMode(false); }, "1c2e");
    row(
        "line feed", [](EscPosBuilder& b) { b.lineFeed(); }, "0a");
    row(
        "feed 3", [](EscPosBuilder& b) { b.feedLines(3); }, "1b6403");
    row(
        "cut full", [](EscPosBuilder& b) { b.cut(EscPosBuilder::Cut::Full); }, "1d564103");
    row(
        "cut partial", [](EscPosBuilder& b) { b.cut(EscPosBuilder::Cut::Partial, 0); }, "1d564200");
    row(
        "drawer pin 2 escpos-php timing", [](EscPosBuilder& b) { b.drawerKick(2, 120, 240); }, "1b70003c78");
    row(
        "drawer pin 5", [](EscPosBuilder& b) { b.drawerKick(5, 100, 100); }, "1b70013232");
    row(
        "barcode height", [](EscPosBuilder& b) { b.barcodeHeight(80); }, "1d6850");
    row(
        "barcode width clamped", [](EscPosBuilder& b) { b.barcodeModuleWidth(1); }, "1d7702");
    row(
        "hri below", [](EscPosBuilder& b) { b.barcodeHri(EscPosBuilder::HriPosition::Below); }, "1d4802");
}

void tst_EscPosBuilder::commandBytes()
{
    QFETCH(BuildStep, step);
    QFETCH(QByteArray, expected);
    EscPosBuilder builder;
    step(builder);
    QCOMPARE(builder.bytes().toHex(' '), expected.toHex(' '));
}

void tst_EscPosBuilder::gb18030OfCola()
{
    EscPosBuilder builder;
    POS_VERIFY_RESULT(builder.chineseText(u"可乐"_qs));
    QCOMPARE(builder.bytes(), QByteArray::fromHex("BFC9C0D6"));
}

void tst_EscPosBuilder::textRows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("chinese");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("ascii") << u"Total 7.00"_qs << false << true << QByteArray("Total 7.00");
    QTest::newRow("ascii rejects cjk") << u"可乐"_qs << false << false << QByteArray();
    QTest::newRow("ascii rejects tab") << u"a\tb"_qs << false << false << QByteArray();
    QTest::newRow("mixed in chinese mode")
        << u"可乐 x2"_qs << true << true << QByteArray::fromHex("BFC9C0D6207832");
    QTest::newRow("fullwidth colon") << u"："_qs << true << true << QByteArray::fromHex("A3BA");
    QTest::newRow("euro two-byte") << u"€"_qs << true << true << QByteArray::fromHex("A2E3");
    QTest::newRow("emoji four-byte") << u"😀"_qs << true << true << QByteArray::fromHex("9439FC36");
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << true << false << QByteArray();
}

void tst_EscPosBuilder::textRows()
{
    QFETCH(QString, text);
    QFETCH(bool, chinese);
    QFETCH(bool, ok);
    QFETCH(QByteArray, expected);
    EscPosBuilder builder;
    const Result<void> written = chinese ? builder.chineseText(text) : builder.asciiText(text);
    QCOMPARE(bool(written), ok);
    QCOMPARE(builder.bytes().toHex(' '), expected.toHex(' '));
    if (!ok)
        QCOMPARE(written.error().code, ErrorCode::InvalidInput);
}

void tst_EscPosBuilder::qrCodeSequence()
{
    EscPosBuilder builder;
    POS_VERIFY_RESULT(builder.qrCode("ABC", 6, EscPosBuilder::QrErrorCorrection::Medium));
    const QByteArray expected = QByteArray::fromHex("1d286b040031413200"     // model 2
                                                    "1d286b0300314306"       // module size 6
                                                    "1d286b0300314531"       // error correction M
                                                    "1d286b0600315030414243" // store: pL = 3 + 3
                                                    "1d286b0300315130");     // print
    QCOMPARE(builder.bytes().toHex(' '), expected.toHex(' '));
}

void tst_EscPosBuilder::qrCodeRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("moduleSize");
    QTest::newRow("empty") << QByteArray() << 6;
    QTest::newRow("too long") << QByteArray(7090, 'A') << 6;
    QTest::newRow("module 0") << QByteArray("A") << 0;
    QTest::newRow("module 17") << QByteArray("A") << 17;
}

void tst_EscPosBuilder::qrCodeRejectsBadInput()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, moduleSize);
    EscPosBuilder builder;
    QVERIFY(!builder.qrCode(payload, moduleSize, EscPosBuilder::QrErrorCorrection::Low));
    QVERIFY(builder.bytes().isEmpty());
}

void tst_EscPosBuilder::barcodeRows_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");
    const int code128 = int(EscPosBuilder::BarcodeType::Code128);
    const int ean13 = int(EscPosBuilder::BarcodeType::Ean13);
    QTest::newRow("code128") << code128 << QByteArray("S0728-0042")
                             << QByteArray(QByteArray::fromHex("1d6b490c") + QByteArray("{BS0728-0042"));
    QTest::newRow("code128 brace escaped")
        << code128 << QByteArray("a{b") << QByteArray(QByteArray::fromHex("1d6b4906") + QByteArray("{Ba{{b"));
    QTest::newRow("ean13 12 digits") << ean13 << QByteArray("690123456789")
                                     << QByteArray(QByteArray::fromHex("1d6b430c") +
                                                   QByteArray("690123456789"));
    QTest::newRow("ean13 with check digit")
        << ean13 << QByteArray("6901234567892")
        << QByteArray(QByteArray::fromHex("1d6b430d") + QByteArray("6901234567892"));
    QTest::newRow("ean13 wrong check digit") << ean13 << QByteArray("6901234567893") << QByteArray();
    QTest::newRow("ean13 letters") << ean13 << QByteArray("69012345678X") << QByteArray();
    QTest::newRow("ean13 too short") << ean13 << QByteArray("12345") << QByteArray();
    QTest::newRow("code128 empty") << code128 << QByteArray() << QByteArray();
    QTest::newRow("code128 control char") << code128 << QByteArray("a\nb") << QByteArray();
}

void tst_EscPosBuilder::barcodeRows()
{
    QFETCH(int, type);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);
    EscPosBuilder builder;
    const Result<void> written = builder.barcode(EscPosBuilder::BarcodeType(type), data);
    QCOMPARE(bool(written), !expected.isEmpty());
    QCOMPARE(builder.bytes().toHex(' '), expected.toHex(' '));
}

void tst_EscPosBuilder::rasterHeaderAndBands_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("bandRows");
    QTest::addColumn<QList<int>>("bandHeights");
    QTest::newRow("one band") << 16 << 10 << 24 << QList<int>{10};
    QTest::newRow("exact bands") << 96 << 48 << 24 << QList<int>{24, 24};
    QTest::newRow("remainder band") << 9 << 50 << 24 << QList<int>{24, 24, 2};
    QTest::newRow("tall logo 128-row bands") << 576 << 300 << 128 << QList<int>{128, 128, 44};
}

void tst_EscPosBuilder::rasterHeaderAndBands()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, bandRows);
    QFETCH(QList<int>, bandHeights);
    const int bytesPerRow = (width + 7) / 8;
    QByteArray rows(qsizetype(bytesPerRow) * height, '\0');
    for (qsizetype i = 0; i < rows.size(); ++i)
        rows[i] = char(i % 251);
    EscPosBuilder builder;
    POS_VERIFY_RESULT(builder.rasterImage(width, height, rows, bandRows));

    const QByteArray& bytes = builder.bytes();
    qsizetype offset = 0;
    qsizetype dataOffset = 0;
    for (const int band : bandHeights) {
        QByteArray header = QByteArray::fromHex("1d763000");
        header.append(char(bytesPerRow & 0xFF)).append(char(bytesPerRow >> 8));
        header.append(char(band & 0xFF)).append(char(band >> 8));
        QCOMPARE(bytes.mid(offset, 8).toHex(' '), header.toHex(' '));
        offset += 8;
        const qsizetype length = qsizetype(bytesPerRow) * band;
        QCOMPARE(bytes.mid(offset, length), rows.mid(dataOffset, length));
        offset += length;
        dataOffset += length;
    }
    QCOMPARE(offset, bytes.size());
}

void tst_EscPosBuilder::rasterRejectsWrongSize()
{
    EscPosBuilder builder;
    QVERIFY(!builder.rasterImage(16, 2, QByteArray(3, '\xFF'), 24));
    QVERIFY(!builder.rasterImage(0, 2, QByteArray(), 24));
    QVERIFY(!builder.rasterImage(8, 2, QByteArray(2, '\xFF'), 0));
    QVERIFY(builder.bytes().isEmpty());
}

QTEST_GUILESS_MAIN(tst_EscPosBuilder)
#include "tst_escpos_builder.moc"
