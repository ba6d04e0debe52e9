// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QCommandLineOption>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QCommandLineParser;
class QSocketNotifier;

namespace pos {
namespace sim {

// Process plumbing shared by every simulator executable: the common options, clean shutdown on
// SIGTERM/SIGINT, the parent watch and the readiness line on stdout. One instance per process.
class SimulatorHost final : public QObject
{
    Q_OBJECT

public:
    // Exit codes of every simulator process. A clean quit (signal, parent gone after start) exits with 0.
    static constexpr int ExitUsage = 2;
    static constexpr int ExitParentGone = 3;
    static constexpr int ExitStartFailed = 4;

    explicit SimulatorHost(QObject* parent = nullptr);
    ~SimulatorHost() override;

    // Adds --port and --parent-pid to parser.
    void addOptions(QCommandLineParser& parser) const;

    // Call after parser.process(). Validates the common options, installs the SIGTERM/SIGINT handling and,
    // with --parent-pid, the parent watch: the process exits when its parent dies or closes its stdin, so a
    // parent passing --parent-pid must keep a pipe open on the child's stdin. Returns the exit code main()
    // must return at once, or nothing when the simulator may go on.
    std::optional<int> start(const QCommandLineParser& parser);

    // Call before start(): standard input is read as lines and each (without its newline) goes to handler,
    // with or without --parent-pid. End of file still ends the process only with --parent-pid.
    void setStdinLineHandler(std::function<void(const QString& line)> handler);

    // The requested port; 0 means an ephemeral port.
    quint16 port() const { return m_port; }

    // Writes line and a newline to stdout and flushes at once (stdout is usually a pipe to the parent).
    static void printLine(const QString& line);
    // Writes message and a newline to stderr (usage errors and start-up failures of the simulator mains).
    static void printError(const QString& message);

    // The readiness line, exactly "listening 127.0.0.1:PORT". Print it once, as the first stdout line.
    static void announceListening(quint16 port);

private:
    bool installSignalHandling();
    std::optional<int> watchParent(qint64 parentPid);
    void readSignal();
    void readStdin();
    void watchStdin();

    QCommandLineOption m_portOption;
    QCommandLineOption m_parentPidOption;
    quint16 m_port = 0;
    QSocketNotifier* m_signalNotifier = nullptr;
    QSocketNotifier* m_stdinNotifier = nullptr;
    std::function<void(const QString&)> m_stdinLineHandler;
    QByteArray m_stdinPartialLine;
    bool m_quitOnStdinEof = false;
};

} // namespace sim
} // namespace pos
