// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/PrinterProfiles.h"
#include "devices/escpos/ReceiptRenderer.h"
#include "devices/escpos/SampleReceipt.h"
#include "support/EscPosTokenizer.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;
using pos::test::EscPosStream;
using pos::test::tokenizeEscPos;

namespace {

PrinterProfile profileNamed(const QString& id)
{
    const std::optional<PrinterProfile> profile = PrinterProfiles::find(id);
    if (!profile)
        qFatal("no printer profile %s", qPrintable(id));
    return *profile;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The text lines of the sample on 58 mm paper (32 columns), as a person reading the receipt sees them.
const QStringList expected58mmLines = {
    u"好又多便利店"_qs,
    u"Haoyouduo Convenience Store"_qs,
    u"深圳市南山区科技园路88号"_qs,
    u"电话 Tel: 0755-8888 6666"_qs,
    u"--------------------------------"_qs,
    u"单号 Sale No.         S0728-0042"_qs,
    u"日期 Date       2026-07-28 14:35"_qs,
    u"收银员 Cashier           张三 01"_qs,
    u"--------------------------------"_qs,
    u"商品 Item  数量x单价 Qty x Price"_qs,
    u"可口可乐 Coca-Cola 330ml    7.00"_qs,
    u"2x3.50"_qs,
    u"农夫山泉 550ml 1x2.00       2.00"_qs,
    u"Lay's 乐事薯片原味 70g      8.50"_qs,
    u"1x8.50"_qs,
    u"进口特级初榨橄榄油礼盒装  128.00"_qs,
    u"Extra Virgin Olive Oil Gift Box"_qs,
    u"1L 1x128.00"_qs,
    u"全麦面包 Bread 3x5.00      15.00"_qs,
    u"--------------------------------"_qs,
    u"合计 Total (8 pcs)        160.50"_qs,
    u"优惠 Discount              -5.50"_qs,
    u"应付 Amount due           155.00"_qs,
    u"银联卡 UnionPay           155.00"_qs,
    u"卡号 Card       622848******1234"_qs,
    u"参考号 RRN          260728123456"_qs,
    u"授权码 Auth               A1B2C3"_qs,
    u"--------------------------------"_qs,
    u"扫码开发票 Scan for e-invoice"_qs,
    u"谢谢惠顾，欢迎再次光临！"_qs,
    u"Thank you, please come again!"_qs,
};

} // namespace

class tst_ReceiptRenderer final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void profilesLoadFromResource();
    void profilesRejectMalformedJson_data();
    void profilesRejectMalformedJson();
    void goldenFilesMatch_data();
    void goldenFilesMatch();
    void goldenFilesDecodeToLayout_data();
    void goldenFilesDecodeToLayout();
    void golden58mmDecodesToExpectedText();
    void modesChangeOnlyWhenNeeded();
    void profileWithoutQrGetsNoQrCommand();
    void profileWithoutChineseModePrintsQuestionMarks();
    void fourByteCharactersNeedProfileSupport();
    void logoWiderThanPaperFails();
    void cutDegradesByProfile_data();
    void cutDegradesByProfile();
    void tokenizerRejectsBrokenStreams_data();
    void tokenizerRejectsBrokenStreams();
};

void tst_ReceiptRenderer::profilesLoadFromResource()
{
    const QList<PrinterProfile>& profiles = PrinterProfiles::all();
    QVERIFY(profiles.size() >= 8);
    const PrinterProfile p58 = profileNamed(u"generic-58mm"_qs);
    QCOMPARE(p58.columnsFontA, 32);
    QCOMPARE(p58.dotsPerLine, 384);
    QVERIFY(p58.chineseMode);
    QCOMPARE(profileNamed(u"generic-80mm"_qs).columnsFontA, 48);
    QCOMPARE(profileNamed(u"generic-80mm-42"_qs).columnsFontA, 42);
    const PrinterProfile zj = profileNamed(u"zj-5870"_qs);
    QVERIFY(!zj.qrCode);
    QVERIFY(zj.source.startsWith(u"escpos-printer-db:"_qs));
    QCOMPARE(profileNamed(u"tm-t70ii-ch"_qs).codePages.value(16), u"CP1252"_qs);
    QVERIFY(!PrinterProfiles::find(u"no-such-printer"_qs));
}

void tst_ReceiptRenderer::profilesRejectMalformedJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("[");
    QTest::newRow("empty list") << QByteArray(R"({"profiles":[]})");
    QTest::newRow("missing columns") << QByteArray(
        R"({"profiles":[{"id":"x","name":"x","source":"pos","paperWidthMm":58,"dotsPerLine":384,)"
        R"("chineseMode":true,"qrCode":true,"rasterImage":true}]})");
    QTest::newRow("zero dots") << QByteArray(
        R"({"profiles":[{"id":"x","name":"x","source":"pos","paperWidthMm":58,"dotsPerLine":0,"columnsFontA":32,)"
        R"("chineseMode":true,"qrCode":true,"rasterImage":true}]})");
}

void tst_ReceiptRenderer::profilesRejectMalformedJson()
{
    QFETCH(QByteArray, json);
    const auto parsed = PrinterProfiles::parse(json);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
}

void tst_ReceiptRenderer::goldenFilesMatch_data()
{
    QTest::addColumn<QString>("profileId");
    QTest::addColumn<QString>("golden");
    QTest::newRow("58mm") << u"generic-58mm"_qs << u"sample-58mm.bin"_qs;
    QTest::newRow("80mm") << u"generic-80mm"_qs << u"sample-80mm.bin"_qs;
}

// On a mismatch the new bytes go to <build>/tests/receipts-actual/ for inspection; regenerate the golden
// files as tests/data/receipts/README.md describes once the change is intended.
void tst_ReceiptRenderer::goldenFilesMatch()
{
    QFETCH(QString, profileId);
    QFETCH(QString, golden);
    const Result<RenderedReceipt> rendered = ReceiptRenderer(profileNamed(profileId)).render(sampleReceipt());
    POS_VERIFY_RESULT(rendered);
    const QByteArray expected = readFile(QStringLiteral(POS_TEST_DATA_DIR "/receipts/") + golden);
    QVERIFY2(!expected.isEmpty(), qPrintable(golden));
    if (rendered.value().bytes != expected) {
        const QString dir = QStringLiteral(POS_BINARY_DIR "/tests/receipts-actual");
        QDir().mkpath(dir);
        QFile out(dir + QLatin1Char('/') + golden);
        if (out.open(QIODevice::WriteOnly))
            out.write(rendered.value().bytes);
        QFAIL(qPrintable(
            u"rendered bytes differ from %1 (%2 vs %3 bytes); actual output written to %4"_qs.arg(golden)
                .arg(rendered.value().bytes.size())
                .arg(expected.size())
                .arg(out.fileName())));
    }
}

void tst_ReceiptRenderer::goldenFilesDecodeToLayout_data()
{
    goldenFilesMatch_data();
}

// The independent tokenizer reads back exactly the lines the renderer laid out, and every command is known.
void tst_ReceiptRenderer::goldenFilesDecodeToLayout()
{
    QFETCH(QString, profileId);
    QFETCH(QString, golden);
    const EscPosStream stream =
        tokenizeEscPos(readFile(QStringLiteral(POS_TEST_DATA_DIR "/receipts/") + golden));
    QVERIFY2(stream.error.isEmpty(), qPrintable(stream.error));
    const Result<RenderedReceipt> rendered = ReceiptRenderer(profileNamed(profileId)).render(sampleReceipt());
    POS_VERIFY_RESULT(rendered);
    QCOMPARE(stream.lines, rendered.value().textLines);
    QCOMPARE(stream.commandNames().first(), u"ESC @"_qs);
    QCOMPARE(stream.count(u"FS &"_qs), 1);
    QCOMPARE(stream.count(u"FS ."_qs), 1);
    QCOMPARE(stream.count(u"GS ( k"_qs), 5);
    QCOMPARE(stream.count(u"GS k"_qs), 1);
    QCOMPARE(stream.count(u"GS V"_qs), 1);
    QCOMPARE(stream.count(u"GS v 0"_qs), 2); // 48-row logo in 24-row bands
    const QString allText = stream.lines.join(QLatin1Char('\n'));
    QVERIFY(allText.contains(u"622848******1234"_qs));
    QVERIFY(!allText.contains(u"6228480000001234"_qs));
}

void tst_ReceiptRenderer::golden58mmDecodesToExpectedText()
{
    const EscPosStream stream =
        tokenizeEscPos(readFile(QStringLiteral(POS_TEST_DATA_DIR "/receipts/sample-58mm.bin")));
    QVERIFY2(stream.error.isEmpty(), qPrintable(stream.error));
    QCOMPARE(stream.lines, expected58mmLines);
}

// Minimal bytes: each mode command appears only where the value changes.
void tst_ReceiptRenderer::modesChangeOnlyWhenNeeded()
{
    receipt::ReceiptDocument document;
    for (int i = 0; i < 5; ++i)
        document.text(u"可乐 %1"_qs.arg(i)).text(u"Cola"_qs);
    const Result<RenderedReceipt> rendered =
        ReceiptRenderer(profileNamed(u"generic-58mm"_qs)).render(document);
    POS_VERIFY_RESULT(rendered);
    const EscPosStream stream = tokenizeEscPos(rendered.value().bytes);
    QVERIFY(stream.error.isEmpty());
    QCOMPARE(stream.commandNames(),
             (QStringList{u"ESC @"_qs, u"FS &"_qs, u"LF"_qs, u"LF"_qs, u"LF"_qs, u"LF"_qs, u"LF"_qs, u"LF"_qs,
                          u"LF"_qs, u"LF"_qs, u"LF"_qs, u"LF"_qs, u"FS ."_qs}));
}

void tst_ReceiptRenderer::profileWithoutQrGetsNoQrCommand()
{
    const PrinterProfile zj = profileNamed(u"zj-5870"_qs);
    QVERIFY(!zj.qrCode && !zj.barcodeB);
    const Result<RenderedReceipt> rendered = ReceiptRenderer(zj).render(sampleReceipt());
    POS_VERIFY_RESULT(rendered);
    const EscPosStream stream = tokenizeEscPos(rendered.value().bytes);
    QVERIFY2(stream.error.isEmpty(), qPrintable(stream.error));
    QCOMPARE(stream.count(u"GS ( k"_qs), 0);
    QCOMPARE(stream.count(u"GS k"_qs), 0);
    QCOMPARE(stream.count(u"GS V"_qs), 0); // no cutter: feed to tear off instead
    QCOMPARE(stream.commands.last().name, u"FS ."_qs);
    QVERIFY(stream.lines.join(QString()).contains(u"https://pos.example.cn/r/S0728-0042"_qs)); // wrapped
    QVERIFY(stream.lines.contains(u"S0728-0042"_qs));

    // Negative control: the same document on a QR-capable profile does carry GS ( k.
    const Result<RenderedReceipt> withQr =
        ReceiptRenderer(profileNamed(u"generic-58mm"_qs)).render(sampleReceipt());
    POS_VERIFY_RESULT(withQr);
    QVERIFY(tokenizeEscPos(withQr.value().bytes).count(u"GS ( k"_qs) > 0);
}

void tst_ReceiptRenderer::profileWithoutChineseModePrintsQuestionMarks()
{
    receipt::ReceiptDocument document;
    document.text(u"可乐 Cola"_qs);
    const Result<RenderedReceipt> rendered = ReceiptRenderer(profileNamed(u"tm-t88v"_qs)).render(document);
    POS_VERIFY_RESULT(rendered);
    QCOMPARE(rendered.value().bytes, QByteArray("\x1b@?? Cola\n"));
}

void tst_ReceiptRenderer::fourByteCharactersNeedProfileSupport()
{
    receipt::ReceiptDocument document;
    document.text(u"𠀀可"_qs);
    const Result<RenderedReceipt> narrow = ReceiptRenderer(profileNamed(u"generic-58mm"_qs)).render(document);
    POS_VERIFY_RESULT(narrow);
    QCOMPARE(narrow.value().bytes.toHex(' '), QByteArray::fromHex("1b401c263fbfc90a1c2e").toHex(' '));
    const Result<RenderedReceipt> wide = ReceiptRenderer(profileNamed(u"tm-t70ii-ch"_qs)).render(document);
    POS_VERIFY_RESULT(wide);
    QCOMPARE(wide.value().bytes.size(), narrow.value().bytes.size() + 3);
}

void tst_ReceiptRenderer::logoWiderThanPaperFails()
{
    receipt::ReceiptDocument document;
    document.logo(400, 1, QByteArray(50, '\xFF'));
    const Result<RenderedReceipt> on58 = ReceiptRenderer(profileNamed(u"generic-58mm"_qs)).render(document);
    QVERIFY(!on58);
    QCOMPARE(on58.error().code, ErrorCode::InvalidInput);
    POS_VERIFY_RESULT(ReceiptRenderer(profileNamed(u"generic-80mm"_qs)).render(document));
}

void tst_ReceiptRenderer::cutDegradesByProfile_data()
{
    QTest::addColumn<QString>("profileId");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("tail");
    const int full = int(receipt::CutKind::Full);
    const int partial = int(receipt::CutKind::Partial);
    QTest::newRow("full on full") << u"generic-80mm"_qs << full << QByteArray::fromHex("1d564103");
    QTest::newRow("partial on full") << u"generic-80mm"_qs << partial << QByteArray::fromHex("1d564203");
    QTest::newRow("full degrades to partial")
        << u"generic-58mm"_qs << full << QByteArray::fromHex("1d564203");
    QTest::newRow("no cutter feeds") << u"pos-5890"_qs << full << QByteArray::fromHex("1b6404");
}

void tst_ReceiptRenderer::cutDegradesByProfile()
{
    QFETCH(QString, profileId);
    QFETCH(int, kind);
    QFETCH(QByteArray, tail);
    receipt::ReceiptDocument document;
    document.cut(receipt::CutKind(kind));
    const Result<RenderedReceipt> rendered = ReceiptRenderer(profileNamed(profileId)).render(document);
    POS_VERIFY_RESULT(rendered);
    QCOMPARE(rendered.value().bytes.toHex(' '), QByteArray(QByteArray("\x1b@") + tail).toHex(' '));
}

void tst_ReceiptRenderer::tokenizerRejectsBrokenStreams_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("truncated raster") << QByteArray::fromHex("1d7630000100050080");
    QTest::newRow("unknown escape") << QByteArray::fromHex("1b7a01");
    QTest::newRow("high byte outside chinese mode") << QByteArray::fromHex("bfc90a");
    QTest::newRow("truncated qr store") << QByteArray::fromHex("1d286b0a00315030");
}

void tst_ReceiptRenderer::tokenizerRejectsBrokenStreams()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!tokenizeEscPos(bytes).error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ReceiptRenderer)
#include "tst_receipt_renderer.moc"
