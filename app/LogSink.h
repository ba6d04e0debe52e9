// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace pos {
namespace app {

// Size-rotated log file written by its own thread, so that no caller (the UI thread included) waits on disk.
// Files: <file>, <file>.1 … <file>.<keepFiles-1>, newest first; a file is rotated before it would exceed
// maxFileBytes. append() is thread-safe and never blocks on I/O; when the writer falls more than maxQueued
// lines behind, further lines are dropped and the count of dropped lines is written once it catches up.
// Contract for callers of qDebug & co.: log messages never carry card numbers, track data, PINs or keys.
class LogSink final
{
public:
    struct Config
    {
        QString filePath;
        qint64 maxFileBytes = 5 * 1024 * 1024;
        int keepFiles = 5;
        int maxQueued = 10000;
    };

    explicit LogSink(Config config);
    ~LogSink();
    LogSink(const LogSink&) = delete;
    LogSink& operator=(const LogSink&) = delete;

    // Creates the folder, opens the file for appending, starts the writer thread.
    Result<> start();
    void append(QByteArray line);
    // Blocks until every line appended so far is written. For shutdown, fatal messages and tests.
    void flush();
    QString filePath() const { return m_config.filePath; }

    // Routes Qt's messages (all categories) to sink, formatted by formatMessage(), and echoes them to stderr.
    // Pass nullptr to restore Qt's default handler. The sink must outlive the installation.
    static void installMessageHandler(LogSink* sink);
    static QByteArray
    formatMessage(QtMsgType type, const QMessageLogContext& context, const QString& message);

private:
    void run();
    bool writeLine(const QByteArray& line);
    void rotate();

    Config m_config;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_drained;
    std::deque<QByteArray> m_queue;
    qint64 m_dropped = 0;
    quint64 m_appended = 0;
    quint64 m_written = 0;
    bool m_stopping = false;
    std::thread m_thread;
    int m_fd = -1;
    qint64 m_fileSize = 0;
};

} // namespace app
} // namespace pos
