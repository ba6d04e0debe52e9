// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/SimulatorHost.h"
#include "simulators/SimulatorLog.h"
#include "simulators/TcpSimulatorServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTcpSocket>
#include <QtEndian>

namespace pos {
namespace sim {
namespace {

// CUP framing: a 2-byte big-endian length, then that many bytes of message. Until the ISO 8583 host
// exists, each connection carries one frame: its length is logged (never its content), nothing is
// replied and the connection is closed.
class AcquirerHostSimulator final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::AcquirerHostSimulator)

public:
    static constexpr qsizetype MaxFrameLength = 8192;

    static QString description()
    {
        return tr("Acquirer host simulator (card host). ISO 8583 processing arrives with the acquirer link.");
    }

    static void attach(QTcpSocket& socket, int connectionNumber)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [&socket, connectionNumber] { readFrame(socket, connectionNumber); });
    }

private:
    static void readFrame(QTcpSocket& socket, int connectionNumber)
    {
        if (socket.state() != QAbstractSocket::ConnectedState || socket.bytesAvailable() < 2)
            return;
        char header[2];
        if (socket.peek(header, 2) != 2)
            return;
        const qsizetype length = qFromBigEndian<quint16>(header);
        if (length > MaxFrameLength) {
            qCWarning(lcSim) << "acquirer connection" << connectionNumber << "frame length" << length
                             << "exceeds" << MaxFrameLength << "bytes; closing";
            socket.abort();
            return;
        }
        if (socket.bytesAvailable() < 2 + length)
            return;
        socket.skip(2 + length);
        qCInfo(lcSim) << "acquirer connection" << connectionNumber << "frame of" << length
                      << "bytes received; no ISO 8583 host yet, closing without reply";
        socket.disconnectFromHost();
    }
};

} // namespace
} // namespace sim
} // namespace pos

int main(int argc, char* argv[])
{
    using pos::sim::AcquirerHostSimulator;
    using pos::sim::SimulatorHost;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pos-acquirer-sim"));

    SimulatorHost host;
    QCommandLineParser parser;
    parser.setApplicationDescription(AcquirerHostSimulator::description());
    parser.addHelpOption();
    host.addOptions(parser);
    parser.process(app);
    if (const auto exitCode = host.start(parser))
        return *exitCode;

    pos::sim::TcpSimulatorServer server(QStringLiteral("acquirer"));
    server.setConnectionHandler(&AcquirerHostSimulator::attach);
    if (const auto listening = server.listen(host.port()); !listening) {
        qCCritical(pos::lcSim).noquote() << listening.error().userMessage << listening.error().detail;
        return SimulatorHost::ExitStartFailed;
    }
    SimulatorHost::announceListening(server.serverPort());
    return QCoreApplication::exec();
}
