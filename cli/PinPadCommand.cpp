// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/PinPadCommand.h"

#include "cli/ActionContext.h"
#include "devices/pinpad/PinPadDriver.h"
#include "devices/transport/ByteTransport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonObject>
#include <QTimer>

#include <array>
#include <optional>

namespace pos {
namespace cli {
namespace {

void printUsage(QTextStream& stream, const QString& program)
{
    stream << "Usage: " << program << " info --device ID [--timeout-ms MS] [--json]\n"
           << "  ID: serial:/dev/ttyUSB0[?baud=N] or tcp:HOST:PORT\n";
}

int runInfo(const QStringList& arguments, CommandIo& io)
{
    ActionContext context(QStringLiteral("Asks the PIN pad at --device for its identity."), io);
    const QCommandLineOption device = valueOption("device", "The PIN pad's device id.", "id");
    const QCommandLineOption timeout =
        valueOption("timeout-ms", "How long to wait for the answer (default 5000).", "ms");
    if (const std::optional<int> stop = context.parse(arguments, {device}, {timeout}))
        return *stop;
    bool numeric = true;
    const int timeoutMs = context.isSet(timeout) ? context.value(timeout).toInt(&numeric) : 5000;
    if (!numeric || timeoutMs <= 0)
        return context.usage(QStringLiteral("--timeout-ms must be a positive number of milliseconds."));

    Result<std::unique_ptr<devices::ByteTransport>> transport =
        devices::ByteTransport::open(context.value(device));
    if (!transport)
        return context.failed(transport.error());
    devices::PinPadDriver::Config config;
    config.quickTimeoutMs = timeoutMs;
    devices::PinPadDriver driver(*transport.value(), config);

    QObject receiver;
    std::optional<int> exitCode;
    driver.deviceInfo(&receiver, [&](Result<devices::PinPadInfo> info) {
        if (!info) {
            exitCode = context.failed(info.error());
        } else {
            const devices::PinPadInfo& pad = info.value();
            const QString fingerprint = QString::fromLatin1(
                QCryptographicHash::hash(pad.publicKeyDer, QCryptographicHash::Sha256).toHex());
            const QJsonObject details{{QStringLiteral("device"), context.value(device)},
                                      {QStringLiteral("model"), pad.model},
                                      {QStringLiteral("serialNumber"), pad.serialNumber},
                                      {QStringLiteral("firmware"), pad.firmware},
                                      {QStringLiteral("keyAlgorithm"), pad.keyAlgorithm},
                                      {QStringLiteral("publicKeySha256"), fingerprint},
                                      {QStringLiteral("tmkLoaded"), pad.tmkLoaded},
                                      {QStringLiteral("workKeysLoaded"), pad.workKeysLoaded},
                                      {QStringLiteral("tampered"), pad.tampered}};
            const auto yesNo = [](bool value) {
                return value ? QStringLiteral("yes") : QStringLiteral("no");
            };
            const QString text =
                QStringLiteral("model: %1\nserial number: %2\nfirmware: %3\nkey algorithm: %4\n"
                               "public key SHA-256: %5\nTMK loaded: %6\nwork keys loaded: %7\n"
                               "tampered: %8")
                    .arg(pad.model, pad.serialNumber, pad.firmware, pad.keyAlgorithm, fingerprint,
                         yesNo(pad.tmkLoaded), yesNo(pad.workKeysLoaded), yesNo(pad.tampered));
            exitCode = context.succeed(details, text);
        }
        QCoreApplication::quit();
    });
    // A TCP connect that fails or a serial port that is gone never answers; the driver's timeout covers both,
    // this is the backstop.
    QTimer::singleShot(timeoutMs + 5000, &receiver, [&] {
        if (!exitCode) {
            exitCode = context.failed(
                Error{ErrorCode::DeviceTimeout,
                      QCoreApplication::translate("pos::cli::PinPadCommand", "The PIN pad does not answer."),
                      QStringLiteral("no DEVICE_INFO answer")});
            QCoreApplication::quit();
        }
    });
    if (!exitCode)
        QCoreApplication::exec();
    return exitCode.value_or(1);
}

const std::array<CommandAction, 1> actions{
    {{"info", "Model, serial number, key algorithm and key state", runInfo}}};

} // namespace

int PinPadCommand::run(const QStringList& arguments, CommandIo& io)
{
    return dispatchAction(arguments, io, QStringLiteral("pos-tool pinpad"), actions, printUsage);
}

} // namespace cli
} // namespace pos
