// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/receipt/ReceiptDocument.h"
#include "core/receipt/TextLayout.h"
#include "support/TestSupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::receipt;

class tst_ReceiptLayout final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void displayWidthOfText_data();
    void displayWidthOfText();
    void wrapNeverExceedsWidthNorSplitsWideCharacters_data();
    void wrapNeverExceedsWidthNorSplitsWideCharacters();
    void wrapRows_data();
    void wrapRows();
    void twoColumnsKeepAmountRightAligned_data();
    void twoColumnsKeepAmountRightAligned();
    void twoColumnRows_data();
    void twoColumnRows();
    void centring_data();
    void centring();
    void paperColumns();
    void jsonRoundTripsEveryBlockKind();
    void jsonRejectsMalformedDocuments_data();
    void jsonRejectsMalformedDocuments();
};

void tst_ReceiptLayout::displayWidthOfText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ascii") << u"Coca-Cola 330ml"_qs << 15;
    QTest::newRow("cjk ideographs") << u"可口可乐"_qs << 8;
    QTest::newRow("fullwidth digits") << u"１２３"_qs << 6;
    QTest::newRow("fullwidth colon") << u"合计："_qs << 6;
    QTest::newRow("cjk punctuation") << u"。、「」"_qs << 8;
    QTest::newRow("mixed") << u"可乐 Cola x2"_qs << 12;
    QTest::newRow("kana") << u"カタカナ"_qs << 8;
    QTest::newRow("hangul") << u"한국"_qs << 4;
    QTest::newRow("combining acute") << u"e\u0301"_qs << 1;
    QTest::newRow("combining on cjk") << u"字\u0301"_qs << 2;
    QTest::newRow("zero width space") << u"a\u200Bb"_qs << 2;
    QTest::newRow("ambiguous greek is narrow") << u"αβ"_qs << 2;
    QTest::newRow("ambiguous section sign") << u"§"_qs << 1;
    QTest::newRow("extension B ideograph") << u"𠀀"_qs << 2;
    QTest::newRow("latin-1 pound") << u"£5"_qs << 2;
    QTest::newRow("halfwidth katakana narrow") << u"ｶ"_qs << 1;
}

void tst_ReceiptLayout::displayWidthOfText()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QCOMPARE(displayWidth(text), width);
}

void tst_ReceiptLayout::wrapNeverExceedsWidthNorSplitsWideCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("columns");
    const QString longChinese = u"进口特级初榨橄榄油礼盒装含赠品一份限量版节日特惠装"_qs;
    const QString mixed = u"进口特级初榨橄榄油礼盒装 Extra Virgin Olive Oil Gift Box 1L 限量版"_qs;
    for (const int columns : {32, 48, 31, 47, 15, 3}) {
        QTest::addRow("chinese %d", columns) << longChinese << columns;
        QTest::addRow("mixed %d", columns) << mixed << columns;
        QTest::addRow("odd offset %d", columns) << (u"A"_qs + longChinese) << columns;
    }
}

void tst_ReceiptLayout::wrapNeverExceedsWidthNorSplitsWideCharacters()
{
    QFETCH(QString, text);
    QFETCH(int, columns);
    const QStringList lines = wrapToWidth(text, columns);
    QVERIFY(lines.size() > 1);
    QString rejoined;
    for (const QString& line : lines) {
        QVERIFY2(displayWidth(line) <= columns, qPrintable(line));
        QVERIFY(!line.isEmpty());
        rejoined += line;
    }
    // Nothing lost or split: the characters of the lines are the text's characters minus break spaces.
    QString withoutSpaces = text;
    withoutSpaces.remove(QLatin1Char(' '));
    rejoined.remove(QLatin1Char(' '));
    QCOMPARE(rejoined, withoutSpaces);
}

void tst_ReceiptLayout::wrapRows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("fits") << u"可乐"_qs << 4 << QStringList{u"可乐"_qs};
    QTest::newRow("empty") << QString() << 10 << QStringList{QString()};
    QTest::newRow("wide char not split at odd margin")
        << u"A可口可乐"_qs << 4 << QStringList{u"A可"_qs, u"口可"_qs, u"乐"_qs};
    QTest::newRow("break at space") << u"Olive Oil Gift"_qs << 10 << QStringList{u"Olive Oil"_qs, u"Gift"_qs};
    QTest::newRow("long word split") << u"ABCDEFGHIJ"_qs << 4
                                     << QStringList{u"ABCD"_qs, u"EFGH"_qs, u"IJ"_qs};
    QTest::newRow("explicit newline") << u"a\nb"_qs << 10 << QStringList{u"a"_qs, u"b"_qs};
    QTest::newRow("combining mark stays with base")
        << u"abce\u0301f"_qs << 4 << QStringList{u"abce\u0301"_qs, u"f"_qs};
    QTest::newRow("negative: 16 chinese in 32 columns is one line")
        << u"一二三四五六七八九十一二三四五六"_qs << 32
        << QStringList{u"一二三四五六七八九十一二三四五六"_qs};
}

void tst_ReceiptLayout::wrapRows()
{
    QFETCH(QString, text);
    QFETCH(int, columns);
    QFETCH(QStringList, lines);
    QCOMPARE(wrapToWidth(text, columns), lines);
}

void tst_ReceiptLayout::twoColumnsKeepAmountRightAligned_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("truncate");
    const QString longLabel = u"进口特级初榨橄榄油礼盒装 Extra Virgin Olive Oil Gift Box 1L"_qs;
    for (const int columns : {32, 48, 42}) {
        for (const bool truncate : {false, true}) {
            QTest::addRow("long %d %d", columns, truncate)
                << longLabel << u"128.00"_qs << columns << truncate;
            QTest::addRow("short %d %d", columns, truncate)
                << u"可乐"_qs << u"3.50"_qs << columns << truncate;
            QTest::addRow("odd %d %d", columns, truncate)
                << (u"X"_qs + longLabel) << u"-5.50"_qs << columns << truncate;
        }
    }
}

void tst_ReceiptLayout::twoColumnsKeepAmountRightAligned()
{
    QFETCH(QString, label);
    QFETCH(QString, amount);
    QFETCH(int, columns);
    QFETCH(bool, truncate);
    const QStringList lines = twoColumns(label, amount, columns, truncate);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(displayWidth(lines.first()), columns);
    QVERIFY(lines.first().endsWith(u" "_qs + amount));
    for (const QString& line : lines)
        QVERIFY2(displayWidth(line) <= columns, qPrintable(line));
    if (truncate)
        QCOMPARE(lines.size(), 1);
}

void tst_ReceiptLayout::twoColumnRows_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("truncate");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("pad") << u"可乐"_qs << u"3.50"_qs << 12 << false << QStringList{u"可乐    3.50"_qs};
    QTest::newRow("wrap") << u"可口可乐 Cola"_qs << u"7.00"_qs << 13 << false
                          << QStringList{u"可口可乐 7.00"_qs, u"Cola"_qs};
    QTest::newRow("truncate wide char at odd room")
        << u"A可口可乐"_qs << u"7.00"_qs << 10 << true << QStringList{u"A可口 7.00"_qs};
    QTest::newRow("amount too wide") << u"Cola"_qs << u"1234567890"_qs << 10 << false
                                     << QStringList{u"1234567890"_qs, u"Cola"_qs};
}

void tst_ReceiptLayout::twoColumnRows()
{
    QFETCH(QString, label);
    QFETCH(QString, amount);
    QFETCH(int, columns);
    QFETCH(bool, truncate);
    QFETCH(QStringList, lines);
    QCOMPARE(twoColumns(label, amount, columns, truncate), lines);
}

void tst_ReceiptLayout::centring_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("centre");
    QTest::addColumn<QString>("right");
    QTest::newRow("cjk") << u"谢谢"_qs << 10 << u"   谢谢"_qs << u"      谢谢"_qs;
    QTest::newRow("odd room") << u"abc"_qs << 6 << u" abc"_qs << u"   abc"_qs;
    QTest::newRow("too wide unchanged") << u"可口可乐"_qs << 6 << u"可口可乐"_qs << u"可口可乐"_qs;
}

void tst_ReceiptLayout::centring()
{
    QFETCH(QString, text);
    QFETCH(int, columns);
    QFETCH(QString, centre);
    QFETCH(QString, right);
    QCOMPARE(centred(text, columns), centre);
    QCOMPARE(rightAligned(text, columns), right);
}

void tst_ReceiptLayout::paperColumns()
{
    QCOMPARE(columnsFor(PaperProfile::Paper58mm32), 32);
    QCOMPARE(columnsFor(PaperProfile::Paper80mm48), 48);
    QCOMPARE(columnsFor(PaperProfile::Paper80mm42), 42);
}

void tst_ReceiptLayout::jsonRoundTripsEveryBlockKind()
{
    ReceiptDocument document;
    document.text(u"好又多便利店"_qs, TextStyle{Alignment::Centre, true, true, true, true})
        .text(u"right"_qs, TextStyle{Alignment::Right, false, false, false, false})
        .twoColumns(u"卡号 Card"_qs, u"622848******1234"_qs, true)
        .separator(QLatin1Char('='))
        .qrCode(u"https://pos.example.cn/r/1"_qs, 5)
        .barcode(BarcodeSymbology::Code128, u"S0728-0042"_qs)
        .barcode(BarcodeSymbology::Ean13, u"6901234567892"_qs)
        .logo(10, 2, QByteArray::fromHex("FFC00180"))
        .feed(3)
        .cut(CutKind::Full)
        .cut(CutKind::Partial)
        .drawerKick(5);
    document.blocks.append(TwoColumnBlock{u"long"_qs, u"1.00"_qs, false, true});
    QCOMPARE(document.blocks.size(), 13);

    const QByteArray json = document.toJsonBytes();
    const Result<ReceiptDocument> parsed = ReceiptDocument::fromJsonBytes(json);
    POS_VERIFY_RESULT(parsed);
    QVERIFY(parsed.value() == document);
    QCOMPARE(parsed.value().toJsonBytes(), json);

    // Negative control: a changed field must make the documents differ.
    ReceiptDocument changed = parsed.value();
    std::get<TextBlock>(changed.blocks[0]).style.underline = false;
    QVERIFY(!(changed == document));
}

void tst_ReceiptLayout::jsonRejectsMalformedDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("{");
    QTest::newRow("no version") << QByteArray(R"({"blocks":[]})");
    QTest::newRow("future version") << QByteArray(R"({"version":2,"blocks":[]})");
    QTest::newRow("unknown type") << QByteArray(R"({"version":1,"blocks":[{"type":"sound"}]})");
    QTest::newRow("bad align") << QByteArray(R"({"version":1,"blocks":[{"type":"text","align":"middle"}]})");
    QTest::newRow("mistyped bold") << QByteArray(R"({"version":1,"blocks":[{"type":"text","bold":"yes"}]})");
    QTest::newRow("qr module 17") << QByteArray(R"({"version":1,"blocks":[{"type":"qr","moduleSize":17}]})");
    QTest::newRow("logo size mismatch")
        << QByteArray(R"({"version":1,"blocks":[{"type":"logo","width":8,"height":2,"rows":"/w=="}]})");
    QTest::newRow("drawer pin 3") << QByteArray(R"({"version":1,"blocks":[{"type":"drawerKick","pin":3}]})");
    QTest::newRow("cut sideways") << QByteArray(
        R"({"version":1,"blocks":[{"type":"cut","kind":"sideways"}]})");
}

void tst_ReceiptLayout::jsonRejectsMalformedDocuments()
{
    QFETCH(QByteArray, json);
    const Result<ReceiptDocument> parsed = ReceiptDocument::fromJsonBytes(json);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(tst_ReceiptLayout)
#include "tst_receipt_layout.moc"
