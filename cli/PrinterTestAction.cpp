// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/PrinterTestAction.h"

#include "cli/ActionContext.h"
#include "devices/escpos/PrinterProfiles.h"
#include "devices/escpos/ReceiptPrinter.h"
#include "devices/escpos/ReceiptRenderer.h"
#include "devices/escpos/SampleReceipt.h"
#include "devices/transport/ByteTransport.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTimer>

#include <optional>

namespace pos {
namespace cli {
namespace {

QJsonObject statusJson(const devices::PrinterStatus& status)
{
    return {{QStringLiteral("canPrint"), status.canPrint()},
            {QStringLiteral("offline"), status.offline},
            {QStringLiteral("coverOpen"), status.coverOpen},
            {QStringLiteral("paperEnd"), status.paperEnd},
            {QStringLiteral("paperNearEnd"), status.paperNearEnd},
            {QStringLiteral("cutterError"), status.cutterError},
            {QStringLiteral("drawerPin3High"), status.drawerPin3High}};
}

} // namespace

int runPrinterTest(const QStringList& arguments, CommandIo& io)
{
    ActionContext context(QStringLiteral("Prints the sample receipt on the printer at --device, checking its "
                                         "status before and after."),
                          io);
    const QCommandLineOption device = valueOption("device", "The printer's device id.", "id");
    const QCommandLineOption profileOption =
        valueOption("profile", "58mm, 80mm or a profile id (default 80mm).", "profile");
    const QCommandLineOption timeout =
        valueOption("timeout-ms", "How long to wait for a status answer (default 3000).", "ms");
    if (const std::optional<int> stop = context.parse(arguments, {device}, {profileOption, timeout}))
        return *stop;
    bool numeric = true;
    const int timeoutMs = context.isSet(timeout) ? context.value(timeout).toInt(&numeric) : 3000;
    if (!numeric || timeoutMs <= 0)
        return context.usage(QStringLiteral("--timeout-ms must be a positive number of milliseconds."));
    QString profileId = context.isSet(profileOption) ? context.value(profileOption) : QStringLiteral("80mm");
    if (profileId == QLatin1String("58mm") || profileId == QLatin1String("80mm"))
        profileId = QStringLiteral("generic-") + profileId;
    const std::optional<devices::PrinterProfile> profile = devices::PrinterProfiles::find(profileId);
    if (!profile)
        return context.usage(
            QStringLiteral("Unknown printer profile %1 (see pos-tool receipt profiles).").arg(profileId));
    const Result<devices::RenderedReceipt> page =
        devices::ReceiptRenderer(*profile).render(devices::sampleReceipt());
    if (!page)
        return context.failed(page.error());

    Result<std::unique_ptr<devices::ByteTransport>> transport =
        devices::ByteTransport::open(context.value(device));
    if (!transport)
        return context.failed(transport.error());
    devices::ReceiptPrinter::Config config;
    config.statusTimeoutMs = timeoutMs;
    devices::ReceiptPrinter printer(*transport.value(), config);

    QObject receiver;
    std::optional<int> exitCode;
    const QByteArray bytes = page.value().bytes;
    printer.print(0, bytes, &receiver, [&](Result<devices::PrintReport> report) {
        if (!report) {
            exitCode = context.failed(report.error(),
                                      {{QStringLiteral("device"), context.value(device)},
                                       {QStringLiteral("status"), statusJson(printer.lastStatus())}});
        } else {
            const QString warning = devices::ReceiptPrinter::paperWarning(report.value().statusAfter);
            exitCode = context.succeed(
                {{QStringLiteral("device"), context.value(device)},
                 {QStringLiteral("profile"), profile->id},
                 {QStringLiteral("bytes"), report.value().bytesSent},
                 {QStringLiteral("status"), statusJson(report.value().statusAfter)}},
                QStringLiteral("printed the sample receipt (%1 bytes, profile %2)%3")
                    .arg(report.value().bytesSent)
                    .arg(profile->id, warning.isEmpty() ? QString() : QStringLiteral("; ") + warning));
        }
        QCoreApplication::quit();
    });
    // A TCP connect that never completes is not answered by the driver; this is the backstop.
    QTimer::singleShot(timeoutMs + 60000, &receiver, [&] {
        if (!exitCode) {
            exitCode = context.failed(Error{
                ErrorCode::DeviceTimeout,
                QCoreApplication::translate("pos::cli::PrinterTestAction", "The printer does not answer."),
                QStringLiteral("no connection")});
            QCoreApplication::quit();
        }
    });
    if (!exitCode)
        QCoreApplication::exec();
    return exitCode.value_or(1);
}

} // namespace cli
} // namespace pos
