// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

#include <chrono>
#include <optional>

// Helpers shared by the tests. Tests may wait with QTRY_* and QSignalSpy::wait; production code never does.
namespace pos {
namespace test {

// Absolute path of an executable built into the tree's bin/ folder (pos, pos-tool, simulators).
QString builtExecutable(const QString& name);

// Starts program with args and a process environment in which QT_QPA_PLATFORM=offscreen; returns once
// started (or not). The process is killed when the returned object is destroyed.
std::unique_ptr<QProcess>
startProcess(const QString& program, const QStringList& args, const QStringList& extraEnvironment = {});

// Reads stdout until a line matching the regular expression appears or the timeout passes; returns the
// first capture group (or the whole line when the pattern has none), or an empty string on timeout.
QString waitForLine(QProcess& process, const QString& pattern, std::chrono::milliseconds timeout);

struct RunResult
{
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QByteArray standardOutput;
    QByteArray standardError;
};

// Runs program to completion (killing it after timeout).
RunResult runProcess(const QString& program,
                     const QStringList& args,
                     std::chrono::milliseconds timeout,
                     const QStringList& extraEnvironment = {});

// True while a process with this pid exists and is not a zombie.
bool isProcessAlive(qint64 pid);

// Runs start(done), where done takes a Result<T>, and spins the event loop until done was called; a Timeout
// failure when it was not within timeoutMs.
template <typename T, typename Start>
Result<T> await(Start start, int timeoutMs = 20000)
{
    std::optional<Result<T>> result;
    start([&result](Result<T> value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return fail(ErrorCode::Timeout, QStringLiteral("test wait"), QStringLiteral("no completion"));
    return std::move(*result);
}

} // namespace test
} // namespace pos

// QVERIFY for Result<T>: on failure prints the error code and the untranslated detail.
#define POS_VERIFY_RESULT(expr)                                                                              \
    do {                                                                                                     \
        const auto& posVerifyResult_ = (expr);                                                               \
        if (!posVerifyResult_)                                                                               \
            QFAIL(qPrintable(QStringLiteral("%1 failed: %2 (%3)")                                            \
                                 .arg(QStringLiteral(#expr),                                                 \
                                      pos::errorCodeName(posVerifyResult_.error().code),                     \
                                      posVerifyResult_.error().detail)));                                    \
    } while (false)
