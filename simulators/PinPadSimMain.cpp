// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/SimulatorHost.h"
#include "simulators/SimulatorLog.h"
#include "simulators/TcpSimulatorServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace pos {
namespace sim {
namespace {

class PinPadSimulator final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::PinPadSimulator)

public:
    static QString description()
    {
        return tr("PIN pad simulator. Accepts connections and keeps them open; the PIN pad protocol arrives "
                  "later.");
    }
};

} // namespace
} // namespace sim
} // namespace pos

int main(int argc, char* argv[])
{
    using pos::sim::SimulatorHost;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pos-pinpad-sim"));

    SimulatorHost host;
    QCommandLineParser parser;
    parser.setApplicationDescription(pos::sim::PinPadSimulator::description());
    parser.addHelpOption();
    host.addOptions(parser);
    parser.process(app);
    if (const auto exitCode = host.start(parser))
        return *exitCode;

    pos::sim::TcpSimulatorServer server(QStringLiteral("pinpad"));
    if (const auto listening = server.listen(host.port()); !listening) {
        qCCritical(pos::lcSim).noquote() << listening.error().userMessage << listening.error().detail;
        return SimulatorHost::ExitStartFailed;
    }
    SimulatorHost::announceListening(server.serverPort());
    return QCoreApplication::exec();
}
