// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/SimulatorHost.h"
#include "simulators/SimulatorLog.h"
#include "simulators/TcpSimulatorServer.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QTcpSocket>

#include <utility>

namespace pos {
namespace sim {
namespace {

// Raw TCP printer (port 9100 style). Every byte of a connection belongs to one job, written to
// DIR/job-NNNN.bin when the connection closes (empty jobs are not written) and announced on stdout as
// "job PATH BYTES". Job numbers start at 0001 and skip files that already exist. ESC/POS real-time status
// requests DLE EOT n (n = 1..4) are answered at once with 0x12 ("online, no error") and are not part of
// the job.
class PrinterSimulator final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::PrinterSimulator)

public:
    static QString description()
    {
        return tr("Raw TCP printer simulator (port 9100 style). Stores each job as a file and answers "
                  "ESC/POS real-time status requests.");
    }

    static QCommandLineOption outOption()
    {
        return QCommandLineOption(
            QStringLiteral("out"),
            tr("Folder for the received jobs (default: printer-jobs in the current folder)."), tr("dir"),
            QStringLiteral("printer-jobs"));
    }

    // Creates the folder when needed; logs and returns false when that fails.
    static bool prepareOutputDirectory(const QString& path)
    {
        if (QDir().mkpath(path))
            return true;
        qCCritical(lcSim).noquote() << tr("Cannot create the job folder %1.").arg(path);
        return false;
    }

    explicit PrinterSimulator(QString outputDirectory) : m_outputDirectory(std::move(outputDirectory)) {}

    void attach(QTcpSocket& socket)
    {
        m_connections.insert(&socket, Connection{});
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this, &socket] { consume(socket); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this, &socket] { finishJob(socket); });
    }

private:
    static constexpr char Dle = 0x10;
    static constexpr char Eot = 0x04;
    static constexpr char StatusOnlineNoError = 0x12;

    struct Connection
    {
        QByteArray job;
        // The start of a status request split across reads; decided when more bytes arrive.
        QByteArray pending;
    };

    void consume(QTcpSocket& socket)
    {
        const auto found = m_connections.find(&socket);
        if (found == m_connections.end())
            return;
        Connection& connection = found.value();
        const QByteArray data = connection.pending + socket.readAll();
        connection.pending.clear();

        qsizetype from = 0;
        while (from < data.size()) {
            const qsizetype dle = data.indexOf(Dle, from);
            if (dle < 0) {
                connection.job += QByteArrayView(data).sliced(from);
                break;
            }
            connection.job += QByteArrayView(data).sliced(from, dle - from);
            const qsizetype remaining = data.size() - dle;
            if (remaining == 1 || (remaining == 2 && data.at(dle + 1) == Eot)) {
                connection.pending = data.sliced(dle);
                break;
            }
            const char n = remaining >= 3 ? data.at(dle + 2) : '\0';
            if (data.at(dle + 1) == Eot && n >= 1 && n <= 4) {
                socket.write(&StatusOnlineNoError, 1);
                from = dle + 3;
            } else {
                connection.job += Dle;
                from = dle + 1;
            }
        }
    }

    void finishJob(QTcpSocket& socket)
    {
        Connection connection = m_connections.take(&socket);
        connection.job += connection.pending;
        if (connection.job.isEmpty())
            return;

        const QDir directory(m_outputDirectory);
        QString path;
        do {
            const QString name = QStringLiteral("job-%1.bin").arg(m_nextJobNumber++, 4, 10, QLatin1Char('0'));
            path = directory.filePath(name);
        } while (QFileInfo::exists(path));

        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(connection.job) != connection.job.size() ||
            !file.commit()) {
            qCCritical(lcSim).noquote() << "printer could not write" << path << ":" << file.errorString();
            return;
        }
        SimulatorHost::printLine(QStringLiteral("job %1 %2").arg(path).arg(connection.job.size()));
    }

    QString m_outputDirectory;
    int m_nextJobNumber = 1;
    QHash<QTcpSocket*, Connection> m_connections;
};

} // namespace
} // namespace sim
} // namespace pos

int main(int argc, char* argv[])
{
    using pos::sim::PrinterSimulator;
    using pos::sim::SimulatorHost;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pos-printer-sim"));

    SimulatorHost host;
    QCommandLineParser parser;
    parser.setApplicationDescription(PrinterSimulator::description());
    parser.addHelpOption();
    host.addOptions(parser);
    const QCommandLineOption outOption = PrinterSimulator::outOption();
    parser.addOption(outOption);
    parser.process(app);
    if (const auto exitCode = host.start(parser))
        return *exitCode;

    const QString outputDirectory = QFileInfo(parser.value(outOption)).absoluteFilePath();
    if (!PrinterSimulator::prepareOutputDirectory(outputDirectory))
        return SimulatorHost::ExitStartFailed;

    // Declared before the server: the server's destructor closes connections, which still writes their jobs.
    PrinterSimulator printer(outputDirectory);
    pos::sim::TcpSimulatorServer server(QStringLiteral("printer"));
    server.setConnectionHandler([&printer](QTcpSocket& socket, int) { printer.attach(socket); });
    if (const auto listening = server.listen(host.port()); !listening) {
        qCCritical(pos::lcSim).noquote() << listening.error().userMessage << listening.error().detail;
        return SimulatorHost::ExitStartFailed;
    }
    SimulatorHost::announceListening(server.serverPort());
    qCInfo(pos::lcSim).noquote() << "printer jobs go to" << outputDirectory;
    return QCoreApplication::exec();
}
