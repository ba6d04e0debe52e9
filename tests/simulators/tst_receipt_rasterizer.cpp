// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/printer/BarcodeModules.h"
#include "simulators/printer/EscPosDecoder.h"
#include "simulators/printer/ReceiptRasterizer.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QFontDatabase>
#include <QTest>

using namespace Qt::StringLiterals;
using pos::sim::RasterizedReceipt;
using pos::sim::ReceiptRasterizer;

// The printer emulator's renderer (simulators/printer/ReceiptRasterizer.h) over the golden receipts and small
// hand-made streams. Runs with a QGuiApplication on the offscreen platform.
namespace {

QByteArray readGolden(const QString& name)
{
    QFile file(QStringLiteral(POS_TEST_DATA_DIR "/receipts/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool black(const QImage& image, int x, int y)
{
    return qGray(image.pixel(x, y)) < 128;
}

int blackPixels(const QImage& image, const QRect& area)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            count += black(image, x, y) ? 1 : 0;
    }
    return count;
}

// Modules of the symbol drawn in area that differ from the matrix libqrencode makes for payload.
int qrMismatches(const QImage& image, const QRect& area, const QByteArray& payload, int ecc)
{
    const std::optional<pos::sim::QrMatrix> matrix = pos::sim::qrMatrix(payload, ecc);
    if (!matrix || area.width() % matrix->size != 0)
        return -1;
    const int module = area.width() / matrix->size;
    int mismatches = 0;
    for (int row = 0; row < matrix->size; ++row) {
        for (int column = 0; column < matrix->size; ++column) {
            const bool drawn = black(image, area.left() + column * module + module / 2,
                                     area.top() + row * module + module / 2);
            mismatches += drawn != matrix->dark(column, row) ? 1 : 0;
        }
    }
    return mismatches;
}

RasterizedReceipt render(const QByteArray& bytes, int dots = ReceiptRasterizer::dots58mm)
{
    const pos::Result<RasterizedReceipt> rendered = ReceiptRasterizer(dots).render(bytes);
    return rendered ? rendered.value() : RasterizedReceipt{};
}

} // namespace

class tst_ReceiptRasterizer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fontIsInstalled();
    void goldenRendersToPaperWidth_data();
    void goldenRendersToPaperWidth();
    void goldenTextEqualsDecodedLines_data();
    void goldenTextEqualsDecodedLines();
    void goldenQrModulesMatchPayload_data();
    void goldenQrModulesMatchPayload();
    void alignmentMovesText_data();
    void alignmentMovesText();
    void sizeScalesCells_data();
    void sizeScalesCells();
    void wideCharactersTakeTwoCells();
    void rasterImageIsDrawnDotForDot();
    void barcodesAreDrawnAsBars_data();
    void barcodesAreDrawnAsBars();
    void brokenInputRendersUpToTheError();
    void profileNames_data();
    void profileNames();
};

void tst_ReceiptRasterizer::fontIsInstalled()
{
    QVERIFY2(QFontDatabase::families().contains(ReceiptRasterizer::fontFamily()),
             "fonts-wqy-microhei (scripts/lib/deps.sh) is missing");
}

void tst_ReceiptRasterizer::goldenRendersToPaperWidth_data()
{
    QTest::addColumn<QString>("golden");
    QTest::addColumn<int>("dots");
    QTest::newRow("58mm") << u"sample-58mm.bin"_qs << ReceiptRasterizer::dots58mm;
    QTest::newRow("80mm") << u"sample-80mm.bin"_qs << ReceiptRasterizer::dots80mm;
}

void tst_ReceiptRasterizer::goldenRendersToPaperWidth()
{
    QFETCH(QString, golden);
    QFETCH(int, dots);
    const RasterizedReceipt receipt = render(readGolden(golden), dots);
    QCOMPARE(receipt.decodeError, QString());
    QCOMPARE(receipt.image.width(), dots);
    QVERIFY(receipt.image.height() > 31 * 30); // 31 text lines of at least 30 dots, plus logo, QR, barcode
    // Not blank, not black: thermal receipts are mostly white.
    const int inked = blackPixels(receipt.image, receipt.image.rect());
    QVERIFY(inked > 5000);
    QVERIFY(inked < receipt.image.width() * receipt.image.height() / 4);
    QCOMPARE(receipt.qrAreas.size(), 1);
    QCOMPARE(receipt.barcodeAreas.size(), 1);
    QVERIFY(receipt.image.rect().contains(receipt.barcodeAreas.constFirst()));
}

void tst_ReceiptRasterizer::goldenTextEqualsDecodedLines_data()
{
    goldenRendersToPaperWidth_data();
}

// The text output is the decoder's lines plus one placeholder line per image, symbol and cut.
void tst_ReceiptRasterizer::goldenTextEqualsDecodedLines()
{
    QFETCH(QString, golden);
    QFETCH(int, dots);
    const QByteArray bytes = readGolden(golden);
    const RasterizedReceipt receipt = render(bytes, dots);
    QStringList text;
    QStringList placeholders;
    for (const QString& line : receipt.textLines)
        (line.startsWith(u'[') ? placeholders : text).append(line);
    QCOMPARE(text, pos::sim::decodeEscPos(bytes).lines());
    QCOMPARE(placeholders, (QStringList{u"[IMAGE 96x48]"_qs, u"[QR: https://pos.example.cn/r/S0728-0042]"_qs,
                                        u"[CODE128: S0728-0042]"_qs, u"[CUT]"_qs}));
}

void tst_ReceiptRasterizer::goldenQrModulesMatchPayload_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("matches");
    QTest::newRow("the stored payload") << "https://pos.example.cn/r/S0728-0042"_ba << true;
    // Negative control: another payload of the same length gives the same symbol size but other modules.
    QTest::newRow("another payload") << "https://pos.example.cn/r/S0728-0043"_ba << false;
}

void tst_ReceiptRasterizer::goldenQrModulesMatchPayload()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, matches);
    const RasterizedReceipt receipt = render(readGolden(u"sample-58mm.bin"_qs));
    QCOMPARE(receipt.qrAreas.size(), 1);
    const int mismatches = qrMismatches(receipt.image, receipt.qrAreas.constFirst(), payload, 49);
    QVERIFY(mismatches >= 0);
    QCOMPARE(mismatches == 0, matches);
}

void tst_ReceiptRasterizer::alignmentMovesText_data()
{
    QTest::addColumn<char>("alignment");
    QTest::addColumn<int>("minLeft");
    QTest::addColumn<int>("maxLeft");
    // "AB" is 24 dots wide on 384: left at 0, centred at 180, right-aligned at 360 (glyphs start inside
    // cells).
    QTest::newRow("left") << '\0' << 0 << 12;
    QTest::newRow("centre") << '\1' << 180 << 192;
    QTest::newRow("right") << '\2' << 360 << 372;
}

void tst_ReceiptRasterizer::alignmentMovesText()
{
    QFETCH(char, alignment);
    QFETCH(int, minLeft);
    QFETCH(int, maxLeft);
    const RasterizedReceipt receipt = render("\x1b\x61"_ba + alignment + "AB\n"_ba);
    int left = -1;
    for (int x = 0; x < receipt.image.width() && left < 0; ++x) {
        if (blackPixels(receipt.image, QRect(x, 0, 1, receipt.image.height())) > 0)
            left = x;
    }
    QVERIFY2(left >= minLeft && left <= maxLeft, qPrintable(QString::number(left)));
    QCOMPARE(receipt.textLines, QStringList{u"AB"_qs});
}

void tst_ReceiptRasterizer::sizeScalesCells_data()
{
    QTest::addColumn<QByteArray>("mode");
    QTest::addColumn<int>("height");
    QTest::newRow("normal") << QByteArray() << 30;
    QTest::newRow("GS ! double height") << "\x1d!\x01"_ba << 54;
    QTest::newRow("GS ! 3x3") << "\x1d!\x22"_ba << 78;
    QTest::newRow("ESC ! double height") << "\x1b!\x10"_ba << 54;
}

void tst_ReceiptRasterizer::sizeScalesCells()
{
    QFETCH(QByteArray, mode);
    QFETCH(int, height);
    QCOMPARE(render(mode + "W\n"_ba).image.height(), height);
}

void tst_ReceiptRasterizer::wideCharactersTakeTwoCells()
{
    // 16 Chinese characters fill a 58 mm line (32 cells); the 17th wraps.
    QByteArray line = "\x1c&"_ba;
    for (int i = 0; i < 17; ++i)
        line += "\xbf\xc9"_ba;
    const RasterizedReceipt receipt = render(line + "\n"_ba);
    QCOMPARE(receipt.textLines, (QStringList{QString(16, QChar(u'可')), u"可"_qs}));
    const RasterizedReceipt ascii = render(QByteArray(33, 'x') + "\n"_ba);
    QCOMPARE(ascii.textLines, (QStringList{QString(32, u'x'), u"x"_qs}));
}

void tst_ReceiptRasterizer::rasterImageIsDrawnDotForDot()
{
    // 16 x 2 dots: row 0 = 1000 0000 0000 0001, row 1 all black.
    const RasterizedReceipt receipt = render("\x1dv0\x00\x02\x00\x02\x00\x80\x01\xff\xff"_ba);
    QCOMPARE(receipt.image.height(), 2);
    QVERIFY(black(receipt.image, 0, 0));
    QVERIFY(!black(receipt.image, 1, 0));
    QVERIFY(black(receipt.image, 15, 0));
    QVERIFY(!black(receipt.image, 16, 0));
    QCOMPARE(blackPixels(receipt.image, QRect(0, 1, 384, 1)), 16);
    QCOMPARE(receipt.textLines, QStringList{u"[IMAGE 16x2]"_qs});
}

void tst_ReceiptRasterizer::barcodesAreDrawnAsBars_data()
{
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QString>("placeholder");
    QTest::addColumn<int>("modules");
    // CODE128: start + 3 data + check = 5 x 11 modules, stop 13. EAN-13: 95 modules.
    QTest::newRow("CODE128") << "\x1dkI\x05{BAB1"_ba << u"[CODE128: AB1]"_qs << 5 * 11 + 13;
    QTest::newRow("EAN13 check digit computed") << "\x1dkC\x0c"
                                                   "400638133393"_ba
                                                << u"[EAN13: 4006381333931]"_qs << 95;
}

void tst_ReceiptRasterizer::barcodesAreDrawnAsBars()
{
    QFETCH(QByteArray, command);
    QFETCH(QString, placeholder);
    QFETCH(int, modules);
    const RasterizedReceipt receipt = render("\x1dh\x28\x1dw\x02"_ba + command);
    QCOMPARE(receipt.textLines, QStringList{placeholder});
    QCOMPARE(receipt.barcodeAreas.size(), 1);
    QCOMPARE(receipt.barcodeAreas.constFirst().width(), modules * 2);
    QCOMPARE(receipt.barcodeAreas.constFirst().height(), 40);
    // Bars start black at the left edge of the symbol and run the full height.
    const QRect area = receipt.barcodeAreas.constFirst();
    QCOMPARE(blackPixels(receipt.image, QRect(area.left(), area.top(), 1, area.height())), area.height());
}

void tst_ReceiptRasterizer::brokenInputRendersUpToTheError()
{
    const RasterizedReceipt receipt = render("First\n\x1bZ\nnever\n"_ba);
    QVERIFY(receipt.decodeError.startsWith(u"unknown command"_qs));
    QCOMPARE(receipt.textLines, QStringList{u"First"_qs});
    QCOMPARE(receipt.image.height(), 30);
}

void tst_ReceiptRasterizer::profileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("dots");
    QTest::newRow("58mm") << u"58mm"_qs << 384;
    QTest::newRow("80mm") << u"80mm"_qs << 576;
    QTest::newRow("unknown") << u"76mm"_qs << -1;
}

void tst_ReceiptRasterizer::profileNames()
{
    QFETCH(QString, name);
    QFETCH(int, dots);
    QCOMPARE(ReceiptRasterizer::paperDotsFor(name).value_or(-1), dots);
}

QTEST_MAIN(tst_ReceiptRasterizer)
#include "tst_receipt_rasterizer.moc"
