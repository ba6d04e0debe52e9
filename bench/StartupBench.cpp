// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
// startup-bench: cold start of pos to the first painted frame of its main window, against the bare
// hello-widgets baseline. Both run offscreen with --quit-after-first-frame, alternately, after unmeasured
// warm-up runs. Each run is spawned with posix_spawn and reaped with wait4: wall time is measured from spawn
// to reap, peak RSS is that child's ru_maxrss. Prints one compact JSON object per line on stdout (one per
// subject, then the ratios) and a human summary on stderr. Never asserts timings.
// Exit codes: 0 done, 1 a child could not start, failed or was killed (its output goes to stderr), 2 usage.
#include "BenchSupport.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pos {
namespace bench {
namespace {

constexpr int exitFailure = 1;
constexpr int exitUsage = 2;
constexpr double goalRatioMax = 3.0;

struct Sample
{
    double wallMs = 0.0;
    qint64 peakRssKib = 0;
};

struct Subject
{
    QString name;
    QString program; // absolute path
    bool wantsDataDir = false;
    QList<Sample> samples;
};

struct Options
{
    bool helpShown = false; // help was printed; nothing else to do
    QString pos;
    QString hello;
    int runs = 15;
    int warmup = 2;
};

void printError(const QString& message)
{
    std::fprintf(stderr, "startup-bench: %s\n", qPrintable(message));
}

// The caller's environment with QT_QPA_PLATFORM=offscreen and LC_ALL=C.UTF-8, as "NAME=value" entries.
QList<QByteArray> childEnvironment()
{
    const QByteArray platform = QByteArrayLiteral("QT_QPA_PLATFORM=offscreen");
    const QByteArray locale = QByteArrayLiteral("LC_ALL=C.UTF-8");
    QList<QByteArray> entries;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const QByteArray value(*entry);
        if (!value.startsWith("QT_QPA_PLATFORM=") && !value.startsWith("LC_ALL="))
            entries.append(value);
    }
    entries.append(platform);
    entries.append(locale);
    return entries;
}

QString tailOfFile(const QString& path)
{
    constexpr qint64 maxBytes = 8192;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    if (file.size() > maxBytes)
        file.seek(file.size() - maxBytes);
    return QString::fromLocal8Bit(file.readAll());
}

// Runs program once with stdin from /dev/null and stdout and stderr into logPath. Returns the sample, or
// nullopt after printing the reason (and the child's output) to stderr.
std::optional<Sample> runOnce(const QString& program,
                              const QStringList& arguments,
                              QList<QByteArray> environment,
                              const QString& logPath)
{
    QList<QByteArray> argumentBytes{QFile::encodeName(program)};
    for (const QString& argument : arguments)
        argumentBytes.append(argument.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& argument : argumentBytes)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (QByteArray& entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    const QByteArray logFile = QFile::encodeName(logPath);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, logFile.constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);

    pid_t pid = 0;
    const auto started = std::chrono::steady_clock::now();
    const int spawnError = posix_spawn(&pid, argv.front(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawnError != 0) {
        printError(QStringLiteral("cannot start %1: %2")
                       .arg(program, QString::fromLocal8Bit(std::strerror(spawnError))));
        return std::nullopt;
    }
    int status = 0;
    rusage usage{};
    pid_t reaped = -1;
    do {
        reaped = wait4(pid, &status, 0, &usage);
    } while (reaped < 0 && errno == EINTR);
    const auto finished = std::chrono::steady_clock::now();
    if (reaped < 0) {
        printError(QStringLiteral("wait4 for %1 failed: %2")
                       .arg(program, QString::fromLocal8Bit(std::strerror(errno))));
        return std::nullopt;
    }

    QString failure;
    if (WIFSIGNALED(status)) {
        failure = QStringLiteral("killed by signal %1 (%2)")
                      .arg(WTERMSIG(status))
                      .arg(QString::fromLocal8Bit(strsignal(WTERMSIG(status))));
    } else if (!WIFEXITED(status)) {
        failure = QStringLiteral("ended with wait status %1").arg(status);
    } else if (WEXITSTATUS(status) != 0) {
        failure = QStringLiteral("exited with code %1").arg(WEXITSTATUS(status));
    }
    if (!failure.isEmpty()) {
        printError(
            QStringLiteral("%1 %2 %3; its output:").arg(program, arguments.join(QLatin1Char(' ')), failure));
        std::fprintf(stderr, "%s\n", qPrintable(tailOfFile(logPath)));
        return std::nullopt;
    }
    return Sample{std::chrono::duration<double, std::milli>(finished - started).count(), usage.ru_maxrss};
}

// Runs subject once (with a fresh data directory when it wants one) and appends the sample when measured.
bool runSubject(Subject& subject,
                const QList<QByteArray>& environment,
                const QDir& logDirectory,
                bool measured)
{
    QStringList arguments{QStringLiteral("--quit-after-first-frame")};
    std::optional<QTemporaryDir> dataDirectory;
    if (subject.wantsDataDir) {
        dataDirectory.emplace(QDir::temp().filePath(QStringLiteral("startup-bench-data-XXXXXX")));
        if (!dataDirectory->isValid()) {
            printError(
                QStringLiteral("cannot create a data directory: %1").arg(dataDirectory->errorString()));
            return false;
        }
        arguments << QStringLiteral("--data-dir") << dataDirectory->path();
    }
    const QString logPath = logDirectory.filePath(subject.name + QStringLiteral(".log"));
    const std::optional<Sample> sample = runOnce(subject.program, arguments, environment, logPath);
    if (!sample)
        return false;
    if (measured)
        subject.samples.append(*sample);
    return true;
}

struct Summary
{
    double medianMs = 0.0;
    double minMs = 0.0;
    double maxMs = 0.0;
    double medianPeakRssKib = 0.0;
};

Summary summarize(const Subject& subject)
{
    QList<double> times;
    QList<double> rss;
    for (const Sample& sample : subject.samples) {
        times.append(sample.wallMs);
        rss.append(double(sample.peakRssKib));
    }
    return {median(times), *std::min_element(times.cbegin(), times.cend()),
            *std::max_element(times.cbegin(), times.cend()), median(rss)};
}

std::optional<Options> parseOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times pos and hello-widgets from start to their first painted frame (offscreen); "
                       "prints JSON lines."));
    const QString binDir = QCoreApplication::applicationDirPath();
    const QCommandLineOption posOption(QStringLiteral("pos"),
                                       QStringLiteral("pos executable (default: next to this one)."),
                                       QStringLiteral("PATH"), QDir(binDir).filePath(QStringLiteral("pos")));
    const QCommandLineOption helloOption(
        QStringLiteral("hello"), QStringLiteral("hello-widgets executable (default: next to this one)."),
        QStringLiteral("PATH"), QDir(binDir).filePath(QStringLiteral("hello-widgets")));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Measured runs per program (default 15)."),
                                        QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"),
                                          QStringLiteral("Unmeasured warm-up runs per program (default 2)."),
                                          QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addOptions({posOption, helloOption, runsOption, warmupOption});
    Options options;
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return std::nullopt;
    }
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        options.helpShown = true;
        return options;
    }

    bool runsOk = false;
    bool warmupOk = false;
    options.runs = parser.value(runsOption).toInt(&runsOk);
    options.warmup = parser.value(warmupOption).toInt(&warmupOk);
    if (!runsOk || options.runs < 1 || !warmupOk || options.warmup < 0) {
        printError(QStringLiteral("--runs needs an integer >= 1 and --warmup an integer >= 0"));
        return std::nullopt;
    }
    options.pos = QFileInfo(parser.value(posOption)).absoluteFilePath();
    options.hello = QFileInfo(parser.value(helloOption)).absoluteFilePath();
    return options;
}

int run(const QStringList& arguments)
{
    const std::optional<Options> options = parseOptions(arguments);
    if (!options)
        return exitUsage;
    if (options->helpShown)
        return 0;

    Subject hello{QStringLiteral("hello-widgets"), options->hello, false, {}};
    Subject pos{QStringLiteral("pos"), options->pos, true, {}};
    for (const Subject* subject : {&hello, &pos}) {
        if (!QFileInfo(subject->program).isExecutable()) {
            printError(QStringLiteral("%1 is not an executable file").arg(subject->program));
            return exitFailure;
        }
    }
    QTemporaryDir logDirectory(QDir::temp().filePath(QStringLiteral("startup-bench-logs-XXXXXX")));
    if (!logDirectory.isValid()) {
        printError(QStringLiteral("cannot create a log directory: %1").arg(logDirectory.errorString()));
        return exitFailure;
    }
    const QList<QByteArray> environment = childEnvironment();

    std::fprintf(stderr,
                 "startup-bench: %d warm-up + %d measured runs each, alternating hello-widgets and pos\n",
                 options->warmup, options->runs);
    for (int i = 0; i < options->warmup + options->runs; ++i) {
        const bool measured = i >= options->warmup;
        for (Subject* subject : {&hello, &pos}) {
            if (!runSubject(*subject, environment, QDir(logDirectory.path()), measured))
                return exitFailure;
        }
    }

    const Summary helloSummary = summarize(hello);
    const Summary posSummary = summarize(pos);
    for (const auto& [subject, summary] : {std::pair{&hello, helloSummary}, std::pair{&pos, posSummary}}) {
        printJsonLine({{QStringLiteral("bench"), QStringLiteral("startup")},
                       {QStringLiteral("subject"), subject->name},
                       {QStringLiteral("runs"), options->runs},
                       {QStringLiteral("median_ms"), roundTo(summary.medianMs, 1)},
                       {QStringLiteral("min_ms"), roundTo(summary.minMs, 1)},
                       {QStringLiteral("max_ms"), roundTo(summary.maxMs, 1)},
                       {QStringLiteral("median_peak_rss_kib"), std::round(summary.medianPeakRssKib)}});
        std::fprintf(stderr, "  %-13s median %7.1f ms (min %.1f, max %.1f), median peak RSS %.0f KiB\n",
                     qPrintable(subject->name), summary.medianMs, summary.minMs, summary.maxMs,
                     summary.medianPeakRssKib);
    }
    const double timeRatio = posSummary.medianMs / helloSummary.medianMs;
    const double rssRatio = posSummary.medianPeakRssKib / helloSummary.medianPeakRssKib;
    printJsonLine({{QStringLiteral("bench"), QStringLiteral("startup")},
                   {QStringLiteral("ratio_median_ms"), roundTo(timeRatio, 2)},
                   {QStringLiteral("ratio_median_peak_rss"), roundTo(rssRatio, 2)},
                   {QStringLiteral("goal_ratio_max"), goalRatioMax}});
    std::fprintf(stderr, "  pos / hello-widgets: %.2fx time to first frame (goal <= %.1fx), %.2fx peak RSS\n",
                 timeRatio, goalRatioMax, rssRatio);
    return 0;
}

} // namespace
} // namespace bench
} // namespace pos

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("startup-bench"));
    return pos::bench::run(QCoreApplication::arguments());
}
