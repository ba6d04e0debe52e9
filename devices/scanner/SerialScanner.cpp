// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/scanner/SerialScanner.h"

#include "devices/DevicesLog.h"
#include "devices/transport/ByteTransport.h"

namespace pos {
namespace devices {

QStringList ScanLineBuffer::append(const QByteArray& bytes)
{
    QStringList codes;
    for (const char byte : bytes) {
        if (byte == '\r' || byte == '\n') {
            if (m_overflowing)
                ++m_droppedLines;
            else if (!m_line.isEmpty())
                codes.append(QString::fromUtf8(m_line));
            m_line.clear();
            m_overflowing = false;
            continue;
        }
        if (m_overflowing)
            continue;
        if (m_line.size() >= m_maxLineBytes) {
            m_line.clear();
            m_overflowing = true;
            continue;
        }
        m_line.append(byte);
    }
    return codes;
}

SerialScanner::SerialScanner(ByteTransport& transport, QObject* parent)
    : SerialScanner(transport, Config{}, parent)
{}

SerialScanner::SerialScanner(ByteTransport& transport, Config config, QObject* parent)
    : QObject(parent)
    , m_lines(config.maxLineBytes)
{
    connect(&transport, &ByteTransport::bytesArrived, this, &SerialScanner::consume);
    connect(&transport, &ByteTransport::lost, this, [this, id = transport.deviceId()](const QString& reason) {
        qCWarning(lcScanner).noquote() << "scanner" << id << "lost:" << reason;
        Q_EMIT disconnected(reason);
    });
}

void SerialScanner::consume(const QByteArray& bytes)
{
    const int droppedBefore = m_lines.droppedLines();
    const QStringList codes = m_lines.append(bytes);
    if (m_lines.droppedLines() != droppedBefore)
        qCWarning(lcScanner) << "scanner: dropped" << m_lines.droppedLines() - droppedBefore
                             << "line(s) longer than the limit";
    for (const QString& code : codes)
        Q_EMIT scanned(code);
}

} // namespace devices
} // namespace pos
