// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
// receipt-bytes-bench: ESC/POS bytes the renderer sends for a typical 20-line Chinese receipt, compared with
// the minimal text encoding of the same content (GB18030 bytes of the laid-out lines + one LF each), and the
// time those bytes take on a 9600-baud 8N1 serial line, computed as bytes * 10 / 9600 s (the baseline), and
// measured on the printer emulator: pos-printer-sim --pty --baud 9600, opened with QSerialPort at 9600, the
// job written then DLE EOT 1, timed until the status reply (the emulator answers only after every earlier
// byte has been "printed" at 960 bytes/s; goal <= 1.5 s). Prints JSON lines; figures only.
#include "BenchSupport.h"
#include "devices/escpos/EscPosBuilder.h"
#include "devices/escpos/PrinterProfiles.h"
#include "devices/escpos/PrinterStatus.h"
#include "devices/escpos/ReceiptRenderer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSerialPort>
#include <QTemporaryDir>

#include <chrono>
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

// Seconds from the first byte of job written to the reply of the DLE EOT 1 that follows it, on the emulator's
// 9600-baud pty; negative when the emulator could not be started or did not answer.
double emulatorSeconds(const QByteArray& job)
{
    QTemporaryDir jobs;
    QProcess simulator;
    simulator.start(QCoreApplication::applicationDirPath() + QStringLiteral("/pos-printer-sim"),
                    {QStringLiteral("--pty"), QStringLiteral("--baud"), QStringLiteral("9600"),
                     QStringLiteral("--out"), jobs.path()});
    if (!simulator.waitForStarted(10000) || !simulator.waitForReadyRead(10000))
        return -1;
    const QRegularExpressionMatch where = QRegularExpression(QStringLiteral("^listening pty (\\S+)"))
                                              .match(QString::fromUtf8(simulator.readLine()));
    double seconds = -1;
    if (where.hasMatch()) {
        QSerialPort port(where.captured(1));
        port.setBaudRate(QSerialPort::Baud9600);
        if (port.open(QIODevice::ReadWrite)) {
            const auto started = std::chrono::steady_clock::now();
            port.write(job + devices::dleEotQuery(1));
            QDeadlineTimer deadline(30000);
            while (port.bytesAvailable() < 1 && !deadline.hasExpired())
                port.waitForReadyRead(100);
            if (port.bytesAvailable() >= 1)
                seconds = bench::elapsedMs(started) / 1000.0;
        }
    }
    simulator.terminate();
    simulator.waitForFinished(5000);
    return seconds;
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
        const double measured = emulatorSeconds(rendered.value().bytes);
        bench::printJsonLine(QJsonObject{
            {QStringLiteral("bench"), QStringLiteral("receipt-emulator-9600")},
            {QStringLiteral("profile"), id},
            {QStringLiteral("bytesSent"), sent},
            {QStringLiteral("baselineSeconds"), bench::roundTo(double(sent + 3) * 10.0 / 9600.0, 3)},
            {QStringLiteral("emulatorSeconds"), measured < 0 ? QJsonValue() : bench::roundTo(measured, 3)},
            {QStringLiteral("goalSeconds"), 1.5},
        });
        if (measured < 0)
            std::fprintf(stderr, "receipt-bytes-bench: the printer emulator did not answer on its pty\n");
    }
    return 0;
}
