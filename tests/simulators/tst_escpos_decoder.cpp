// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/printer/EscPosDecoder.h"
#include "support/EscPosTokenizer.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using pos::sim::decodeEscPos;
using pos::sim::EscPosDecoded;
using pos::sim::EscPosItem;
using pos::sim::EscPosSpan;

// The printer emulator's decoder (simulators/printer/EscPosDecoder.h) over the golden receipts, hand-made
// streams and broken input. The golden rows are cross-checked against the golden tests' independent
// tokenizer.
namespace {

QByteArray readGolden(const QString& name)
{
    QFile file(QStringLiteral(POS_TEST_DATA_DIR "/receipts/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const EscPosItem* firstCommand(const EscPosDecoded& decoded, const QString& mnemonic)
{
    for (const EscPosItem& item : decoded.items) {
        if (item.isCommand(mnemonic))
            return &item;
    }
    return nullptr;
}

} // namespace

class tst_EscPosDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenReceiptDecodes_data();
    void goldenReceiptDecodes();
    void goldenAgreesWithTokenizer_data();
    void goldenAgreesWithTokenizer();
    void goldenQrPayload();
    void mixedChineseAndAscii_data();
    void mixedChineseAndAscii();
    void commandParameters_data();
    void commandParameters();
    void brokenInputIsReported_data();
    void brokenInputIsReported();
    void measureFramesIncompleteCommands_data();
    void measureFramesIncompleteCommands();
    void itemsCoverTheInput();
};

void tst_EscPosDecoder::goldenReceiptDecodes_data()
{
    QTest::addColumn<QString>("golden");
    QTest::addColumn<QStringList>("firstCommands");
    QTest::addColumn<int>("lineFeeds");
    QTest::addColumn<int>("rasterBands");
    QTest::addColumn<QString>("firstLine");
    QTest::addColumn<QString>("lastLine");
    const QStringList start{u"ESC @"_qs, u"ESC a"_qs, u"GS v 0"_qs};
    QTest::newRow("58mm") << u"sample-58mm.bin"_qs << start << 31 << 2 << u"好又多便利店"_qs
                          << u"Thank you, please come again!"_qs;
    QTest::newRow("80mm") << u"sample-80mm.bin"_qs << start << 28 << 2 << u"好又多便利店"_qs
                          << u"Thank you, please come again!"_qs;
}

void tst_EscPosDecoder::goldenReceiptDecodes()
{
    QFETCH(QString, golden);
    QFETCH(QStringList, firstCommands);
    QFETCH(int, lineFeeds);
    QFETCH(int, rasterBands);
    QFETCH(QString, firstLine);
    QFETCH(QString, lastLine);
    const QByteArray bytes = readGolden(golden);
    QVERIFY(!bytes.isEmpty());
    const EscPosDecoded decoded = decodeEscPos(bytes);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.commandNames().mid(0, firstCommands.size()), firstCommands);
    QCOMPARE(decoded.count(u"LF"), lineFeeds);
    QCOMPARE(decoded.count(u"GS v 0"), rasterBands);
    QCOMPARE(decoded.count(u"GS V"), 1);
    QCOMPARE(decoded.count(u"FS &"), 1);
    QCOMPARE(decoded.commandNames().constLast(), u"FS ."_qs);
    QCOMPARE(decoded.lines().constFirst(), firstLine);
    QCOMPARE(decoded.lines().constLast(), lastLine);
}

void tst_EscPosDecoder::goldenAgreesWithTokenizer_data()
{
    QTest::addColumn<QString>("golden");
    QTest::newRow("58mm") << u"sample-58mm.bin"_qs;
    QTest::newRow("80mm") << u"sample-80mm.bin"_qs;
}

// Two decoders written separately read the same commands and lines.
void tst_EscPosDecoder::goldenAgreesWithTokenizer()
{
    QFETCH(QString, golden);
    const QByteArray bytes = readGolden(golden);
    const EscPosDecoded decoded = decodeEscPos(bytes);
    const pos::test::EscPosStream tokenized = pos::test::tokenizeEscPos(bytes);
    QVERIFY(tokenized.error.isEmpty());
    QCOMPARE(decoded.commandNames(), tokenized.commandNames());
    QCOMPARE(decoded.lines(), tokenized.lines);
}

void tst_EscPosDecoder::goldenQrPayload()
{
    const EscPosDecoded decoded = decodeEscPos(readGolden(u"sample-58mm.bin"_qs));
    QByteArray stored;
    int printed = 0;
    for (const EscPosItem& item : decoded.items) {
        if (!item.isCommand(u"GS ( k"))
            continue;
        QCOMPARE(item.parameter(2), 0x31); // cn: QR code
        if (item.parameter(3) == 0x50)
            stored = item.data;
        printed += item.parameter(3) == 0x51 ? 1 : 0;
    }
    QCOMPARE(stored, "https://pos.example.cn/r/S0728-0042"_ba);
    QCOMPARE(printed, 1);
    const EscPosItem* barcode = firstCommand(decoded, u"GS k"_qs);
    QVERIFY(barcode);
    QCOMPARE(barcode->parameters, (QList<int>{73, 12}));
    QCOMPARE(barcode->data, "{BS0728-0042"_ba);
}

void tst_EscPosDecoder::mixedChineseAndAscii_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QList<bool>>("chineseRuns");
    // 可乐 = BF C9 C0 D6 in GB18030 (docs/printing.md).
    QTest::newRow("ascii inside chinese mode") << "\x1b@\x1c&Cola \xbf\xc9\xc0\xd6 7.00\n\x1c."_ba
                                               << QStringList{u"Cola 可乐 7.00"_qs} << QList<bool>{true};
    QTest::newRow("modes alternate") << "A\x1c&\xbf\xc9\x1c.B\n"_ba << QStringList{u"A可B"_qs}
                                     << QList<bool>{false, true, false};
    QTest::newRow("ESC @ leaves chinese mode")
        << "\x1c&\xbf\xc9\n\x1b@\x9c\n"_ba << QStringList{u"可"_qs, u"£"_qs} << QList<bool>{true, false};
    QTest::newRow("four-byte GB18030")
        << "\x1c&\x95\x32\x82\x36\n"_ba << QStringList{u"𠀀"_qs} << QList<bool>{true};
    QTest::newRow("code page 437 outside")
        << "\x80\xe1\xf8\n"_ba << QStringList{u"Çß°"_qs} << QList<bool>{false};
    QTest::newRow("unterminated last line")
        << "one\ntwo"_ba << QStringList{u"one"_qs, u"two"_qs} << QList<bool>{false, false};
}

void tst_EscPosDecoder::mixedChineseAndAscii()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, lines);
    QFETCH(QList<bool>, chineseRuns);
    const EscPosDecoded decoded = decodeEscPos(bytes);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.lines(), lines);
    QList<bool> runs;
    for (const EscPosItem& item : decoded.items) {
        if (item.kind == EscPosItem::Kind::Text)
            runs.append(item.chinese);
    }
    QCOMPARE(runs, chineseRuns);
}

void tst_EscPosDecoder::commandParameters_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mnemonic");
    QTest::addColumn<QList<int>>("parameters");
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("GS ! 2x2") << "\x1d!\x11"_ba << u"GS !"_qs << QList<int>{0x11} << QByteArray();
    QTest::newRow("ESC p pin 2") << "\x1bp\x00\x3c\x78"_ba << u"ESC p"_qs << QList<int>{0, 0x3c, 0x78}
                                 << QByteArray();
    QTest::newRow("GS V feed and cut") << "\x1dVB\x03"_ba << u"GS V"_qs << QList<int>{66, 3} << QByteArray();
    QTest::newRow("GS V plain") << "\x1dV\x01"_ba << u"GS V"_qs << QList<int>{1} << QByteArray();
    QTest::newRow("GS a") << "\x1d\x61\x0f"_ba << u"GS a"_qs << QList<int>{15} << QByteArray();
    QTest::newRow("DLE EOT") << "\x10\x04\x04"_ba << u"DLE EOT"_qs << QList<int>{4} << QByteArray();
    QTest::newRow("QR store") << "\x1d(k\x06\x00\x31\x50\x30"
                                 "abc"_ba
                              << u"GS ( k"_qs << QList<int>{6, 0, 0x31, 0x50, 0x30} << "abc"_ba;
    QTest::newRow("QR ecc") << "\x1d(k\x03\x00\x31\x45\x31"_ba << u"GS ( k"_qs << QList<int>{3, 0, 0x31, 0x45}
                            << "\x31"_ba;
    QTest::newRow("raster") << "\x1dv0\x00\x01\x00\x02\x00\xff\x81"_ba << u"GS v 0"_qs
                            << QList<int>{0, 1, 0, 2, 0} << "\xff\x81"_ba;
    QTest::newRow("EAN13 function B") << "\x1dkC\x0c"
                                         "123456789012"_ba
                                      << u"GS k"_qs << QList<int>{67, 12} << "123456789012"_ba;
    QTest::newRow("CODE39 function A") << "\x1dk\x04"
                                          "AB1\x00"_ba
                                       << u"GS k"_qs << QList<int>{4} << "AB1"_ba;
    QTest::newRow("GS L") << "\x1dL\x10\x00"_ba << u"GS L"_qs << QList<int>{16, 0} << QByteArray();
    QTest::newRow("ESC D tabs") << "\x1b\x44\x08\x10\x00"_ba << u"ESC D"_qs << QList<int>{8, 16}
                                << QByteArray();
}

void tst_EscPosDecoder::commandParameters()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mnemonic);
    QFETCH(QList<int>, parameters);
    QFETCH(QByteArray, data);
    const EscPosDecoded decoded = decodeEscPos(bytes);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.items.size(), 1);
    QCOMPARE(decoded.items.constFirst().mnemonic, mnemonic);
    QCOMPARE(decoded.items.constFirst().parameters, parameters);
    QCOMPARE(decoded.items.constFirst().data, data);
    QCOMPARE(decoded.items.constFirst().bytes, bytes);
}

void tst_EscPosDecoder::brokenInputIsReported_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("errorStart");
    QTest::addColumn<qsizetype>("errorOffset");
    QTest::addColumn<int>("itemsBefore");
    QTest::newRow("truncated ESC a") << "AB\x1b\x61"_ba << u"truncated command"_qs << qsizetype(2) << 1;
    QTest::newRow("truncated raster data")
        << "\x1dv0\x00\x02\x00\x02\x00\xff"_ba << u"truncated command"_qs << qsizetype(0) << 0;
    QTest::newRow("truncated QR store") << "\x1b@\x1d(k\x10\x00\x31\x50\x30"
                                           "ab"_ba
                                        << u"truncated command"_qs << qsizetype(2) << 1;
    QTest::newRow("lone ESC") << "\x1b"_ba << u"truncated command"_qs << qsizetype(0) << 0;
    QTest::newRow("unknown ESC") << "x\x1bZ1"_ba << u"unknown command 0x1b5a"_qs << qsizetype(1) << 1;
    QTest::newRow("NUL") << "\n\x00"_ba << u"unknown command"_qs << qsizetype(1) << 1;
    QTest::newRow("bad GS V mode") << "\x1dV\x07"_ba << u"unknown command"_qs << qsizetype(0) << 0;
    QTest::newRow("half a GB18030 character")
        << "\x1c&\xbf\xc9\xc0"_ba << u"invalid GB18030"_qs << qsizetype(2) << 1;
    QTest::newRow("absurd raster size")
        << "\x1dv0\x00\xff\xff\xff\xff"_ba << u"unknown command"_qs << qsizetype(0) << 0;
}

void tst_EscPosDecoder::brokenInputIsReported()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, errorStart);
    QFETCH(qsizetype, errorOffset);
    QFETCH(int, itemsBefore);
    const EscPosDecoded decoded = decodeEscPos(bytes);
    QVERIFY(!decoded.ok());
    QVERIFY2(decoded.error.startsWith(errorStart), qPrintable(decoded.error));
    QCOMPARE(decoded.errorOffset, errorOffset);
    QCOMPARE(decoded.items.size(), itemsBefore);
}

void tst_EscPosDecoder::measureFramesIncompleteCommands_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<qsizetype>("length");
    QTest::newRow("cut complete") << "\x1dVA\x03rest"_ba << int(EscPosSpan::Status::Complete) << qsizetype(4);
    QTest::newRow("cut waiting for n") << "\x1dVA"_ba << int(EscPosSpan::Status::Incomplete) << qsizetype(0);
    QTest::newRow("text run stops at LF")
        << "abc\ndef"_ba << int(EscPosSpan::Status::Complete) << qsizetype(3);
    QTest::newRow("barcode A without NUL yet") << "\x1dk\x04"
                                                  "12"_ba
                                               << int(EscPosSpan::Status::Incomplete) << qsizetype(0);
    QTest::newRow("unknown control") << "\x07"_ba << int(EscPosSpan::Status::Unknown) << qsizetype(0);
}

void tst_EscPosDecoder::measureFramesIncompleteCommands()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(qsizetype, length);
    const EscPosSpan span = pos::sim::measureEscPos(bytes, 0);
    QCOMPARE(int(span.status), status);
    QCOMPARE(span.length, length);
}

void tst_EscPosDecoder::itemsCoverTheInput()
{
    const QByteArray bytes = readGolden(u"sample-80mm.bin"_qs);
    const EscPosDecoded decoded = decodeEscPos(bytes);
    QByteArray joined;
    for (const EscPosItem& item : decoded.items) {
        QCOMPARE(item.offset, joined.size());
        joined += item.bytes;
    }
    QCOMPARE(joined, bytes);
}

QTEST_GUILESS_MAIN(tst_EscPosDecoder)
#include "tst_escpos_decoder.moc"
