// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
// receipt-bytes-bench: ESC/POS bytes the renderer sends for a typical 20-line Chinese receipt, compared with
// the minimal text encoding of the same content (GB18030 bytes of the laid-out lines + one LF each), and the
// time those bytes take on a 9600-baud 8N1 serial line, computed (not measured) as bytes * 10 / 9600 s.
// Prints one JSON line per printer profile; figures only.
#include "BenchSupport.h"
#include "devices/escpos/EscPosBuilder.h"
#include "devices/escpos/PrinterProfiles.h"
#include "devices/escpos/ReceiptRenderer.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

using namespace pos;

namespace {

receipt::ReceiptDocument typicalChineseReceipt()
{
    using receipt::Alignment;
    using receipt::TextStyle;
    const TextStyle centre{Alignment::Centre, false, false, false, false};
    receipt::ReceiptDocument document;
    document.text(QStringLiteral(u"好又多便利店"), TextStyle{Alignment::Centre, true, false, false, false})
        .text(QStringLiteral(u"深圳市南山区科技园路88号"), centre)
        .separator()
        .twoColumns(QStringLiteral(u"单号"), QStringLiteral("S0728-0042"))
        .twoColumns(QStringLiteral(u"日期"), QStringLiteral("2026-07-28 14:35"))
        .separator()
        .twoColumns(QStringLiteral(u"可口可乐 330ml x2"), QStringLiteral("7.00"))
        .twoColumns(QStringLiteral(u"农夫山泉 550ml x1"), QStringLiteral("2.00"))
        .twoColumns(QStringLiteral(u"乐事薯片原味 70g x1"), QStringLiteral("8.50"))
        .twoColumns(QStringLiteral(u"全麦面包 x3"), QStringLiteral("15.00"))
        .twoColumns(QStringLiteral(u"蒙牛纯牛奶 250ml x6"), QStringLiteral("18.00"))
        .twoColumns(QStringLiteral(u"康师傅红烧牛肉面 x2"), QStringLiteral("9.00"))
        .separator()
        .twoColumns(QStringLiteral(u"合计"), QStringLiteral("59.50"), true)
        .twoColumns(QStringLiteral(u"优惠"), QStringLiteral("-1.50"))
        .twoColumns(QStringLiteral(u"应付"), QStringLiteral("58.00"), true)
        .twoColumns(QStringLiteral(u"现金"), QStringLiteral("100.00"))
        .twoColumns(QStringLiteral(u"找零"), QStringLiteral("42.00"))
        .separator()
        .text(QStringLiteral(u"谢谢惠顾，欢迎再次光临！"), centre)
        .cut(receipt::CutKind::Partial);
    return document;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const receipt::ReceiptDocument document = typicalChineseReceipt();
    for (const QString& id : {QStringLiteral("generic-58mm"), QStringLiteral("generic-80mm")}) {
        const std::optional<devices::PrinterProfile> profile = devices::PrinterProfiles::find(id);
        if (!profile) {
            std::fprintf(stderr, "receipt-bytes-bench: no profile %s\n", qPrintable(id));
            return 1;
        }
        const Result<devices::RenderedReceipt> rendered = devices::ReceiptRenderer(*profile).render(document);
        if (!rendered) {
            std::fprintf(stderr, "receipt-bytes-bench: %s\n", qPrintable(rendered.error().detail));
            return 1;
        }
        qsizetype minimal = 0;
        for (const QString& line : rendered.value().textLines) {
            const Result<QByteArray> encoded = devices::EscPosBuilder::encodeGb18030(line);
            if (!encoded) {
                std::fprintf(stderr, "receipt-bytes-bench: %s\n", qPrintable(encoded.error().detail));
                return 1;
            }
            minimal += encoded.value().size() + 1;
        }
        const qsizetype sent = rendered.value().bytes.size();
        bench::printJsonLine(QJsonObject{
            {QStringLiteral("bench"), QStringLiteral("receipt-bytes")},
            {QStringLiteral("profile"), id},
            {QStringLiteral("textLines"), rendered.value().textLines.size()},
            {QStringLiteral("bytesSent"), sent},
            {QStringLiteral("minimalTextBytes"), minimal},
            {QStringLiteral("ratio"), bench::roundTo(double(sent) / double(minimal), 3)},
            {QStringLiteral("serial9600Seconds_computed"), bench::roundTo(double(sent) * 10.0 / 9600.0, 3)},
        });
    }
    return 0;
}
