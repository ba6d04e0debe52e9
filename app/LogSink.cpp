// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/LogSink.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pos {
namespace app {
namespace {

std::atomic<LogSink*> s_installedSink{nullptr};

char typeLetter(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return 'D';
    case QtInfoMsg: return 'I';
    case QtWarningMsg: return 'W';
    case QtCriticalMsg: return 'C';
    case QtFatalMsg: return 'F';
    }
    return '?';
}

void handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QByteArray line = LogSink::formatMessage(type, context, message);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    if (LogSink* sink = s_installedSink.load()) {
        sink->append(line);
        if (type == QtFatalMsg)
            sink->flush();
    }
}

} // namespace

LogSink::LogSink(Config config) : m_config(std::move(config))
{}

LogSink::~LogSink()
{
    if (s_installedSink.load() == this)
        installMessageHandler(nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<> LogSink::start()
{
    const QFileInfo info(m_config.filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(ErrorCode::IoFailure, QStringLiteral("Cannot create the log folder."),
                    QStringLiteral("mkpath %1 failed").arg(info.absolutePath()));
    m_fd = ::open(QFile::encodeName(m_config.filePath).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
                  0600);
    if (m_fd < 0)
        return fail(ErrorCode::IoFailure, QStringLiteral("Cannot open the log file."),
                    QStringLiteral("open %1: %2")
                        .arg(m_config.filePath, QString::fromLocal8Bit(std::strerror(errno))));
    struct stat st = {};
    m_fileSize = ::fstat(m_fd, &st) == 0 ? st.st_size : 0;
    m_thread = std::thread([this] { run(); });
    return {};
}

void LogSink::append(QByteArray line)
{
    {
        std::lock_guard lock(m_mutex);
        if (static_cast<int>(m_queue.size()) >= m_config.maxQueued) {
            ++m_dropped;
        } else {
            m_queue.push_back(std::move(line));
            ++m_appended;
        }
    }
    m_wake.notify_one();
}

void LogSink::flush()
{
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable())
        return;
    const quint64 target = m_appended;
    m_drained.wait(lock, [&] { return m_written >= target || m_stopping; });
}

void LogSink::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty() || m_dropped > 0; });
        while (!m_queue.empty() || m_dropped > 0) {
            QByteArray line;
            if (!m_queue.empty()) {
                line = std::move(m_queue.front());
                m_queue.pop_front();
            }
            const qint64 dropped = std::exchange(m_dropped, 0);
            lock.unlock();
            if (dropped > 0)
                writeLine(QByteArray("[log] ") + QByteArray::number(dropped) +
                          " lines dropped: writer fell behind\n");
            if (!line.isEmpty())
                writeLine(line);
            lock.lock();
            if (!line.isEmpty())
                ++m_written;
        }
        m_drained.notify_all();
        if (m_stopping)
            return;
    }
}

bool LogSink::writeLine(const QByteArray& line)
{
    if (m_fileSize > 0 && m_fileSize + line.size() > m_config.maxFileBytes)
        rotate();
    if (m_fd < 0)
        return false;
    qsizetype offset = 0;
    while (offset < line.size()) {
        const ssize_t n = ::write(m_fd, line.constData() + offset, static_cast<size_t>(line.size() - offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false; // disk full or similar: the line is lost, the application goes on
        }
        offset += n;
    }
    m_fileSize += line.size();
    return true;
}

void LogSink::rotate()
{
    ::close(m_fd);
    m_fd = -1;
    const QString base = m_config.filePath;
    QFile::remove(base + QLatin1Char('.') + QString::number(m_config.keepFiles - 1));
    for (int i = m_config.keepFiles - 2; i >= 1; --i)
        QFile::rename(base + QLatin1Char('.') + QString::number(i),
                      base + QLatin1Char('.') + QString::number(i + 1));
    if (m_config.keepFiles > 1)
        QFile::rename(base, base + QStringLiteral(".1"));
    else
        QFile::remove(base);
    m_fd = ::open(QFile::encodeName(base).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    m_fileSize = 0;
}

void LogSink::installMessageHandler(LogSink* sink)
{
    s_installedSink.store(sink);
    qInstallMessageHandler(sink ? handleMessage : nullptr);
}

QByteArray LogSink::formatMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    QByteArray line = QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toUtf8();
    line += " [";
    line += typeLetter(type);
    line += "] ";
    line += context.category ? context.category : "default";
    line += ": ";
    line += message.toUtf8();
    line += '\n';
    return line;
}

} // namespace app
} // namespace pos
