// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <algorithm>

namespace pos {
namespace test {
namespace {

QProcessEnvironment environmentWith(const QStringList& extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const QString& assignment : extra) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq > 0)
            env.insert(assignment.left(eq), assignment.mid(eq + 1));
        else
            env.remove(assignment);
    }
    return env;
}

} // namespace

QString builtExecutable(const QString& name)
{
    return QStringLiteral(POS_BIN_DIR "/") + name;
}

std::unique_ptr<QProcess>
startProcess(const QString& program, const QStringList& args, const QStringList& extraEnvironment)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environmentWith(extraEnvironment));
    process->setProgram(program);
    process->setArguments(args);
    process->start();
    process->waitForStarted(10000);
    return process;
}

QString waitForLine(QProcess& process, const QString& pattern, std::chrono::milliseconds timeout)
{
    const QRegularExpression re(pattern);
    QDeadlineTimer deadline(timeout);
    while (!deadline.hasExpired()) {
        while (process.canReadLine()) {
            const QString line = QString::fromUtf8(process.readLine()).trimmed();
            const QRegularExpressionMatch match = re.match(line);
            if (match.hasMatch())
                return match.lastCapturedIndex() >= 1 ? match.captured(1) : line;
        }
        if (process.state() == QProcess::NotRunning)
            return {};
        process.waitForReadyRead(static_cast<int>(std::clamp<qint64>(deadline.remainingTime(), 1, 200)));
    }
    return {};
}

RunResult runProcess(const QString& program,
                     const QStringList& args,
                     std::chrono::milliseconds timeout,
                     const QStringList& extraEnvironment)
{
    QProcess process;
    process.setProcessEnvironment(environmentWith(extraEnvironment));
    process.start(program, args);
    RunResult result;
    if (!process.waitForStarted(10000)) {
        result.standardError = process.errorString().toUtf8();
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(static_cast<int>(timeout.count()))) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

bool isProcessAlive(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    // Field 3 of /proc/PID/stat is the state; Z (zombie) and X (dead) no longer run.
    const QByteArray stat = status.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size())
        return false;
    const char state = stat.at(close + 2);
    return state != 'Z' && state != 'X';
}

} // namespace test
} // namespace pos
