// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/printer/PrinterSimulator.h"

#include "simulators/PtyEndpoint.h"
#include "simulators/SimulatorHost.h"
#include "simulators/SimulatorLog.h"
#include "simulators/TcpSimulatorServer.h"
#include "simulators/printer/PrinterEmulator.h"
#include "simulators/printer/ReceiptRasterizer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPointer>
#include <QSaveFile>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>
#include <limits>
#include <memory>
#include <vector>

namespace pos {
namespace sim {
namespace {

struct PrinterSimText
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::PrinterSimulator)
};

// One host connection (a TCP socket or the pty): bytes waiting to be consumed and how to answer or close it.
struct Link
{
    std::function<void(const QByteArray&)> write;
    std::function<void()> close;
    QByteArray backlog;
    bool closed = false; // the transport is gone; finish the job once the backlog is consumed
};

// Feeds the emulator from its links (paced to --baud when set), stores finished jobs and prints events.
class PrinterService final : public QObject
{
public:
    PrinterService(PrinterEmulator& emulator, QString outputDirectory, int paperDots, int baud)
        : m_emulator(emulator)
        , m_outputDirectory(std::move(outputDirectory))
        , m_rasterizer(paperDots)
        , m_bytesPerSecond(baud / 10)
    {
        m_paceTimer.setInterval(5);
        connect(&m_paceTimer, &QTimer::timeout, this, [this] { pump(); });
        m_idleTimer.setSingleShot(true);
        m_idleTimer.setInterval(jobIdleMs);
        connect(&m_idleTimer, &QTimer::timeout, this, [this] { applyEvents(m_emulator.idle()); });
    }

    std::shared_ptr<Link> addLink(std::function<void(const QByteArray&)> write, std::function<void()> close)
    {
        m_links.push_back(std::make_shared<Link>(Link{std::move(write), std::move(close), {}, false}));
        return m_links.back();
    }

    void deliver(const std::shared_ptr<Link>& link, const QByteArray& bytes)
    {
        if (link->closed)
            return;
        if (!hasBacklog())
            startPacing();
        link->backlog += bytes;
        pump();
    }

    void linkClosed(const std::shared_ptr<Link>& link)
    {
        link->closed = true;
        pump();
    }

    void control(const QString& line)
    {
        if (line.isEmpty())
            return;
        const PrinterEmulator::Reaction reaction = m_emulator.control(line);
        // Status blocks (ASB) go to every connected host.
        for (const auto& link : m_links) {
            if (!link->closed && !reaction.reply.isEmpty())
                link->write(reaction.reply);
        }
        applyEvents(reaction);
        if (reaction.hangUp) {
            for (const std::shared_ptr<Link>& link : linksSnapshot()) {
                if (link->closed)
                    continue;
                link->closed = true;
                link->close();
            }
            pump();
        }
    }

private:
    bool hasBacklog() const
    {
        for (const auto& link : m_links) {
            if (!link->backlog.isEmpty())
                return true;
        }
        return false;
    }

    // Iterated instead of m_links: closing a link may end up in pump(), which drops finished links.
    std::vector<std::shared_ptr<Link>> linksSnapshot() const { return m_links; }

    void startPacing()
    {
        m_paceClock.start();
        m_paceConsumed = 0;
    }

    // Bytes the line may carry now; everything when unpaced.
    qsizetype budget() const
    {
        if (m_bytesPerSecond <= 0)
            return std::numeric_limits<qsizetype>::max();
        const qint64 allowed = m_paceClock.elapsed() * m_bytesPerSecond / 1000;
        return static_cast<qsizetype>(std::max<qint64>(allowed - m_paceConsumed, 0));
    }

    void pump()
    {
        if (m_pumping)
            return;
        m_pumping = true;
        for (const std::shared_ptr<Link>& link : linksSnapshot()) {
            while (!link->backlog.isEmpty()) {
                const qsizetype take = std::min(budget(), link->backlog.size());
                if (take == 0)
                    break;
                const QByteArray chunk = link->backlog.left(take);
                link->backlog.remove(0, take);
                m_paceConsumed += take;
                apply(link, m_emulator.receive(chunk));
            }
            if (link->closed && link->backlog.isEmpty())
                apply(link, m_emulator.connectionClosed());
        }
        std::erase_if(m_links, [](const std::shared_ptr<Link>& link) {
            return link->closed && link->backlog.isEmpty();
        });
        m_pumping = false;
        if (hasBacklog()) {
            if (!m_paceTimer.isActive())
                m_paceTimer.start();
        } else {
            m_paceTimer.stop();
        }
    }

    void apply(const std::shared_ptr<Link>& link, const PrinterEmulator::Reaction& reaction)
    {
        if (!reaction.reply.isEmpty() && !link->closed)
            link->write(reaction.reply);
        applyEvents(reaction);
        if (reaction.hangUp && !link->closed) {
            link->backlog.clear();
            link->closed = true;
            link->close();
        }
    }

    void applyEvents(const PrinterEmulator::Reaction& reaction)
    {
        for (const QByteArray& job : reaction.jobs)
            storeJob(job);
        for (const QString& event : reaction.events)
            SimulatorHost::printLine(event);
        if (m_emulator.jobWaitsAfterCut())
            m_idleTimer.start();
        else
            m_idleTimer.stop();
    }

    void storeJob(const QByteArray& job)
    {
        const QDir directory(m_outputDirectory);
        QString base;
        do {
            base =
                directory.filePath(QStringLiteral("job-%1").arg(m_nextJobNumber++, 4, 10, QLatin1Char('0')));
        } while (QFileInfo::exists(base + QStringLiteral(".bin")));
        const QString binPath = base + QStringLiteral(".bin");
        QSaveFile file(binPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(job) != job.size() || !file.commit()) {
            qCCritical(lcSim).noquote() << "printer could not write" << binPath << ":" << file.errorString();
            return;
        }
        if (qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
            const Result<RasterizedReceipt> rendered = m_rasterizer.render(job);
            const Result<void> saved =
                rendered ? ReceiptRasterizer::save(rendered.value(), base + QStringLiteral(".png"),
                                                   base + QStringLiteral(".txt"))
                         : Result<void>(Failure{rendered.error()});
            if (!saved)
                qCWarning(lcSim).noquote()
                    << "printer could not render" << binPath << ":" << saved.error().detail;
            else if (!rendered.value().decodeError.isEmpty())
                qCInfo(lcSim).noquote()
                    << "printer job" << binPath << "rendered up to:" << rendered.value().decodeError;
        }
        SimulatorHost::printLine(QStringLiteral("job %1 %2").arg(binPath).arg(job.size()));
    }

    PrinterEmulator& m_emulator;
    QString m_outputDirectory;
    ReceiptRasterizer m_rasterizer;
    qint64 m_bytesPerSecond;
    int m_nextJobNumber = 1;
    std::vector<std::shared_ptr<Link>> m_links;
    // A job whose cut arrived is stored after this long without more bytes (its FS . / ESC p may follow).
    static constexpr int jobIdleMs = 100;
    QTimer m_paceTimer;
    QTimer m_idleTimer;
    QElapsedTimer m_paceClock;
    qint64 m_paceConsumed = 0;
    bool m_pumping = false;
};

} // namespace

void preparePrinterRenderingPlatform()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

int runPrinterSimulator(QCoreApplication& application, const QStringList& arguments)
{
    Q_UNUSED(application);
    SimulatorHost host;
    QCommandLineParser parser;
    parser.setApplicationDescription(PrinterSimText::tr(
        "ESC/POS receipt printer emulator over TCP on 127.0.0.1 or a pseudo-terminal. Stores each job as "
        ".bin, .png and .txt and answers real-time status requests."));
    const QCommandLineOption help = parser.addHelpOption();
    host.addOptions(parser);
    const QCommandLineOption tcpOption(
        QStringLiteral("tcp"), PrinterSimText::tr("Listen on TCP port (the default; 0 = any free port)."),
        PrinterSimText::tr("port"));
    const QCommandLineOption ptyOption(QStringLiteral("pty"),
                                       PrinterSimText::tr("Open a pseudo-terminal instead of TCP."));
    const QCommandLineOption outOption(
        QStringLiteral("out"), PrinterSimText::tr("Folder for the received jobs (default: printer-jobs)."),
        PrinterSimText::tr("dir"), QStringLiteral("printer-jobs"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           PrinterSimText::tr("Paper: 58mm or 80mm (default)."),
                                           PrinterSimText::tr("paper"), QStringLiteral("80mm"));
    const QCommandLineOption stateOption(
        QStringLiteral("state"),
        PrinterSimText::tr("Start state: paper-out, paper-near-end, cover-open or offline."),
        PrinterSimText::tr("state"));
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"),
        PrinterSimText::tr("Faults: paper-out@N, cover-open@N, offline@N, disconnect@N, silence."),
        PrinterSimText::tr("spec"));
    const QCommandLineOption baudOption(
        QStringLiteral("baud"), PrinterSimText::tr("Consume at most baud/10 bytes per second (0 = unpaced)."),
        PrinterSimText::tr("rate"), QStringLiteral("0"));
    parser.addOptions(
        {tcpOption, ptyOption, outOption, profileOption, stateOption, faultsOption, baudOption});
    if (!parser.parse(arguments)) {
        SimulatorHost::printError(parser.errorText());
        return SimulatorHost::ExitUsage;
    }
    if (parser.isSet(help)) {
        SimulatorHost::printLine(parser.helpText());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty() || (parser.isSet(tcpOption) && parser.isSet(ptyOption))) {
        SimulatorHost::printError(PrinterSimText::tr("Use either --tcp or --pty, and no other arguments."));
        return SimulatorHost::ExitUsage;
    }
    const std::optional<int> paperDots = ReceiptRasterizer::paperDotsFor(parser.value(profileOption));
    bool baudOk = false;
    const int baud = parser.value(baudOption).toInt(&baudOk);
    bool tcpOk = true;
    const uint tcpPort = parser.isSet(tcpOption) ? parser.value(tcpOption).toUInt(&tcpOk) : 0;
    if (!paperDots || !baudOk || baud < 0 || !tcpOk || tcpPort > 65535) {
        SimulatorHost::printError(PrinterSimText::tr("Invalid --profile, --baud or --tcp value."));
        return SimulatorHost::ExitUsage;
    }
    PrinterEmulator::DeviceState initial;
    if (parser.isSet(stateOption)) {
        const Result<PrinterEmulator::DeviceState> state =
            PrinterEmulator::parseInitialState(parser.value(stateOption));
        if (!state) {
            SimulatorHost::printError(state.error().userMessage + QLatin1Char(' ') + state.error().detail);
            return SimulatorHost::ExitUsage;
        }
        initial = state.value();
    }
    PrinterFaults faults;
    if (parser.isSet(faultsOption)) {
        const Result<PrinterFaults> parsed = parsePrinterFaults(parser.value(faultsOption));
        if (!parsed) {
            SimulatorHost::printError(parsed.error().userMessage + QLatin1Char(' ') + parsed.error().detail);
            return SimulatorHost::ExitUsage;
        }
        faults = parsed.value();
    }

    PrinterEmulator emulator(initial, faults);
    const QString outputDirectory = QFileInfo(parser.value(outOption)).absoluteFilePath();
    PrinterService service(emulator, outputDirectory, *paperDots, baud);
    host.setStdinLineHandler([&service](const QString& line) { service.control(line); });
    if (const auto exitCode = host.start(parser))
        return *exitCode;
    if (!QDir().mkpath(outputDirectory)) {
        qCCritical(lcSim).noquote()
            << PrinterSimText::tr("Cannot create the job folder %1.").arg(outputDirectory);
        return SimulatorHost::ExitStartFailed;
    }

    if (parser.isSet(ptyOption)) {
        PtyEndpoint pty;
        QString slavePath;
        QString error;
        if (!pty.open(slavePath, error)) {
            qCCritical(lcSim).noquote() << "printer: cannot open a pseudo-terminal:" << error;
            return SimulatorHost::ExitStartFailed;
        }
        const std::shared_ptr<Link> link =
            service.addLink([&pty](const QByteArray& bytes) { pty.write(bytes); }, [&pty] { pty.hangUp(); });
        pty.onBytes = [&service, link](const QByteArray& bytes) { service.deliver(link, bytes); };
        SimulatorHost::printLine(QStringLiteral("listening pty %1").arg(slavePath));
        qCInfo(lcSim).noquote() << "printer jobs go to" << outputDirectory;
        return QCoreApplication::exec();
    }

    const quint16 port = parser.isSet(tcpOption) ? static_cast<quint16>(tcpPort) : host.port();
    // Declared after the service: the server's destructor closes connections, which still finishes their
    // jobs.
    TcpSimulatorServer server(QStringLiteral("printer"));
    server.setConnectionHandler([&service](QTcpSocket& socket, int) {
        QPointer<QTcpSocket> connection(&socket);
        const std::shared_ptr<Link> link = service.addLink(
            [connection](const QByteArray& bytes) {
                if (connection)
                    connection->write(bytes);
            },
            [connection] {
                if (connection)
                    connection->abort();
            });
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [&service, link, connection] { service.deliver(link, connection->readAll()); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [&service, link, connection] {
            service.deliver(link, connection->readAll());
            service.linkClosed(link);
        });
    });
    if (const auto listening = server.listen(port); !listening) {
        qCCritical(lcSim).noquote() << listening.error().userMessage << listening.error().detail;
        return SimulatorHost::ExitStartFailed;
    }
    SimulatorHost::announceListening(server.serverPort());
    qCInfo(lcSim).noquote() << "printer jobs go to" << outputDirectory;
    return QCoreApplication::exec();
}

} // namespace sim
} // namespace pos
