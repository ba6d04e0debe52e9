// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/SampleReceipt.h"

namespace pos {
namespace devices {

namespace {

using namespace receipt;

constexpr int logoWidth = 96;
constexpr int logoHeight = 48;
constexpr int glyphScale = 4;

// 5 x 7 glyphs, one byte per row, bit 4 = leftmost column.
constexpr unsigned char glyphP[7] = {0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10};
constexpr unsigned char glyphO[7] = {0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E};
constexpr unsigned char glyphS[7] = {0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E};

void setDot(QByteArray& rows, int x, int y)
{
    const qsizetype index = qsizetype(y) * (logoWidth / 8) + x / 8;
    rows[index] = static_cast<char>(static_cast<unsigned char>(rows.at(index)) | (0x80u >> (x % 8)));
}

void drawGlyph(QByteArray& rows, const unsigned char (&glyph)[7], int left, int top)
{
    for (int row = 0; row < 7; ++row) {
        for (int column = 0; column < 5; ++column) {
            if (!(glyph[row] & (0x10u >> column)))
                continue;
            for (int dy = 0; dy < glyphScale; ++dy) {
                for (int dx = 0; dx < glyphScale; ++dx)
                    setDot(rows, left + column * glyphScale + dx, top + row * glyphScale + dy);
            }
        }
    }
}

} // namespace

LogoBlock sampleLogo()
{
    QByteArray rows(logoWidth / 8 * logoHeight, '\0');
    for (int x = 0; x < logoWidth; ++x) {
        for (const int y : {0, 1, logoHeight - 2, logoHeight - 1})
            setDot(rows, x, y);
    }
    for (int y = 0; y < logoHeight; ++y) {
        for (const int x : {0, 1, logoWidth - 2, logoWidth - 1})
            setDot(rows, x, y);
    }
    const int glyphWidth = 5 * glyphScale;
    const int gap = 8;
    const int left = (logoWidth - 3 * glyphWidth - 2 * gap) / 2;
    const int top = (logoHeight - 7 * glyphScale) / 2;
    drawGlyph(rows, glyphP, left, top);
    drawGlyph(rows, glyphO, left + glyphWidth + gap, top);
    drawGlyph(rows, glyphS, left + 2 * (glyphWidth + gap), top);
    return LogoBlock{logoWidth, logoHeight, rows};
}

ReceiptDocument sampleReceipt()
{
    const TextStyle title{Alignment::Centre, true, true, true, false};
    const TextStyle centre{Alignment::Centre, false, false, false, false};
    const TextStyle heading{Alignment::Left, true, false, false, true};

    ReceiptDocument document;
    document.blocks.append(sampleLogo());
    document.text(QStringLiteral(u"好又多便利店"), title)
        .text(QStringLiteral("Haoyouduo Convenience Store"), centre)
        .text(QStringLiteral(u"深圳市南山区科技园路88号"), centre)
        .text(QStringLiteral(u"电话 Tel: 0755-8888 6666"), centre)
        .separator()
        .twoColumns(QStringLiteral(u"单号 Sale No."), QStringLiteral("S0728-0042"))
        .twoColumns(QStringLiteral(u"日期 Date"), QStringLiteral("2026-07-28 14:35"))
        .twoColumns(QStringLiteral(u"收银员 Cashier"), QStringLiteral(u"张三 01"))
        .separator()
        .text(QStringLiteral(u"商品 Item  数量x单价 Qty x Price"), heading)
        .twoColumns(QStringLiteral(u"可口可乐 Coca-Cola 330ml 2x3.50"), QStringLiteral("7.00"))
        .twoColumns(QStringLiteral(u"农夫山泉 550ml 1x2.00"), QStringLiteral("2.00"))
        .twoColumns(QStringLiteral(u"Lay's 乐事薯片原味 70g 1x8.50"), QStringLiteral("8.50"))
        .twoColumns(QStringLiteral(u"进口特级初榨橄榄油礼盒装 Extra Virgin Olive Oil Gift Box 1L 1x128.00"),
                    QStringLiteral("128.00"))
        .twoColumns(QStringLiteral(u"全麦面包 Bread 3x5.00"), QStringLiteral("15.00"))
        .separator()
        .twoColumns(QStringLiteral(u"合计 Total (8 pcs)"), QStringLiteral("160.50"), true)
        .twoColumns(QStringLiteral(u"优惠 Discount"), QStringLiteral("-5.50"))
        .twoColumns(QStringLiteral(u"应付 Amount due"), QStringLiteral("155.00"), true)
        .twoColumns(QStringLiteral(u"银联卡 UnionPay"), QStringLiteral("155.00"))
        .twoColumns(QStringLiteral(u"卡号 Card"), QStringLiteral("622848******1234"))
        .twoColumns(QStringLiteral(u"参考号 RRN"), QStringLiteral("260728123456"))
        .twoColumns(QStringLiteral(u"授权码 Auth"), QStringLiteral("A1B2C3"))
        .separator()
        .text(QStringLiteral(u"扫码开发票 Scan for e-invoice"), centre)
        .qrCode(QStringLiteral("https://pos.example.cn/r/S0728-0042"), 6)
        .barcode(BarcodeSymbology::Code128, QStringLiteral("S0728-0042"))
        .text(QStringLiteral(u"谢谢惠顾，欢迎再次光临！"), centre)
        .text(QStringLiteral("Thank you, please come again!"), centre)
        .cut(CutKind::Partial);
    return document;
}

} // namespace devices
} // namespace pos
