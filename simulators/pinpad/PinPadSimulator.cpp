// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/pinpad/PinPadSimulator.h"

#include "simulators/PtyEndpoint.h"
#include "simulators/SimulatorHost.h"
#include "simulators/SimulatorLog.h"
#include "simulators/TcpSimulatorServer.h"
#include "simulators/pinpad/PinPadEmulator.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTcpSocket>
#include <QTimer>

#include <cstdlib>
#include <cstring>

namespace pos {
namespace sim {
namespace {

struct PadSimText
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::PinPadSimulator)
};

} // namespace

bool canShowCustomerWindow(int argc, const char* const* argv)
{
    bool asked = false;
    for (int i = 1; i < argc; ++i)
        asked = asked || std::strcmp(argv[i], "--window") == 0;
    return asked &&
           (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
            !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"));
}

int runPinPadSimulator(QCoreApplication& application,
                       const QStringList& arguments,
                       const CardholderWindowFactory& makeWindow)
{
    Q_UNUSED(application);
    SimulatorHost host;
    QCommandLineParser parser;
    parser.setApplicationDescription(PadSimText::tr(
        "PIN pad emulator (docs/pinpad-protocol.md) over TCP on 127.0.0.1 or a pseudo-terminal, with its own "
        "device key, key store, the simulator's test cards and a scripted cardholder."));
    const QCommandLineOption help = parser.addHelpOption();
    host.addOptions(parser);
    const QCommandLineOption tcpOption(QStringLiteral("tcp"), PadSimText::tr("Listen on TCP (the default)."));
    const QCommandLineOption ptyOption(QStringLiteral("pty"),
                                       PadSimText::tr("Open a pseudo-terminal instead of TCP."));
    const QCommandLineOption scriptOption(QStringLiteral("script"), PadSimText::tr("The cardholder script."),
                                          PadSimText::tr("file"));
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"), PadSimText::tr("Faults: bad-bcc@N, silence@N, disconnect@N, split."),
        PadSimText::tr("spec"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           PadSimText::tr("Folder for the device key and the loaded TMK."),
                                           PadSimText::tr("dir"));
    const QCommandLineOption keyAlgorithmOption(
        QStringLiteral("key-algorithm"),
        PadSimText::tr("The device key pair: RSA (RSA-2048, OAEP-SHA256; the default) or SM2."),
        PadSimText::tr("algorithm"), QStringLiteral("RSA"));
    const QCommandLineOption windowOption(
        QStringLiteral("window"),
        PadSimText::tr("Show a customer window: pick a card and type the PIN there instead of the script."));
    parser.addOptions(
        {tcpOption, ptyOption, scriptOption, faultsOption, dataDirOption, keyAlgorithmOption, windowOption});
    if (!parser.parse(arguments)) {
        SimulatorHost::printError(parser.errorText());
        return SimulatorHost::ExitUsage;
    }
    if (parser.isSet(help)) {
        SimulatorHost::printLine(parser.helpText());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty() || (parser.isSet(tcpOption) && parser.isSet(ptyOption))) {
        SimulatorHost::printError(PadSimText::tr("Use either --tcp or --pty, and no other arguments."));
        return SimulatorHost::ExitUsage;
    }
    PinPadEmulator::Options options;
    options.dataDir = parser.value(dataDirOption);
    const QString keyAlgorithm = parser.value(keyAlgorithmOption).toUpper();
    if (keyAlgorithm != QLatin1String("RSA") && keyAlgorithm != QLatin1String("SM2")) {
        SimulatorHost::printError(PadSimText::tr("--key-algorithm takes RSA or SM2."));
        return SimulatorHost::ExitUsage;
    }
    options.keyAlgorithm =
        keyAlgorithm == QLatin1String("SM2") ? PadDeviceKey::Algorithm::Sm2 : PadDeviceKey::Algorithm::Rsa;
    if (parser.isSet(scriptOption)) {
        QFile file(parser.value(scriptOption));
        if (!file.open(QIODevice::ReadOnly)) {
            SimulatorHost::printError(PadSimText::tr("Cannot read the script %1.").arg(file.fileName()));
            return SimulatorHost::ExitUsage;
        }
        Result<QList<CardholderStep>> script = parseCardholderScript(QString::fromUtf8(file.readAll()));
        if (!script) {
            SimulatorHost::printError(script.error().userMessage + QLatin1Char(' ') + script.error().detail);
            return SimulatorHost::ExitUsage;
        }
        options.script = script.value();
    }
    if (parser.isSet(faultsOption)) {
        const Result<PadFaults> faults = parsePadFaults(parser.value(faultsOption));
        if (!faults) {
            SimulatorHost::printError(faults.error().userMessage + QLatin1Char(' ') + faults.error().detail);
            return SimulatorHost::ExitUsage;
        }
        options.faults = faults.value();
    }
    if (const auto exitCode = host.start(parser))
        return *exitCode;
    Result<std::unique_ptr<PinPadEmulator>> created = PinPadEmulator::create(options);
    if (!created) {
        qCCritical(lcSim).noquote() << created.error().userMessage << created.error().detail;
        return SimulatorHost::ExitStartFailed;
    }
    PinPadEmulator& pad = *created.value();
    std::unique_ptr<Cardholder> window;
    if (parser.isSet(windowOption) && makeWindow)
        window = makeWindow();
    else if (parser.isSet(windowOption))
        qCWarning(lcSim)
            << "pinpad: --window needs pos-pinpad-sim and a display; the scripted cardholder answers";
    pad.setCardholder(window.get());
    const auto detachWindow = qScopeGuard([&pad] { pad.setCardholder(nullptr); });

    if (parser.isSet(ptyOption)) {
        PtyEndpoint pty;
        QString slavePath;
        QString error;
        if (!pty.open(slavePath, error)) {
            qCCritical(lcSim).noquote() << "pinpad: cannot open a pseudo-terminal:" << error;
            return SimulatorHost::ExitStartFailed;
        }
        (void)pad.attach([&pty](const QByteArray& bytes) { pty.write(bytes); }, [&pty] { pty.hangUp(); });
        pty.onBytes = [&pad](const QByteArray& bytes) { pad.receive(bytes); };
        SimulatorHost::printLine(QStringLiteral("listening pty %1").arg(slavePath));
        return QCoreApplication::exec();
    }

    TcpSimulatorServer server(QStringLiteral("pinpad"));
    server.setConnectionHandler([&pad](QTcpSocket& socket, int) {
        QTcpSocket* connection = &socket;
        const quint64 attachment =
            pad.attach([connection](const QByteArray& bytes) { connection->write(bytes); },
                       [connection] { connection->abort(); });
        QObject::connect(connection, &QTcpSocket::readyRead, connection,
                         [connection, &pad] { pad.receive(connection->readAll()); });
        QObject::connect(connection, &QTcpSocket::disconnected, connection,
                         [&pad, attachment] { pad.detach(attachment); });
    });
    if (const auto listening = server.listen(host.port()); !listening) {
        qCCritical(lcSim).noquote() << listening.error().userMessage << listening.error().detail;
        return SimulatorHost::ExitStartFailed;
    }
    SimulatorHost::announceListening(server.serverPort());
    return QCoreApplication::exec();
}

} // namespace sim
} // namespace pos
