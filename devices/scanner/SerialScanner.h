// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

namespace pos {
namespace devices {

class ByteTransport;

// Splits a serial scanner's byte stream into codes. A code ends at CR, LF or CR LF (empty lines are
// skipped, so CR LF yields one code). Bytes are UTF-8 (ASCII for 1D symbologies). A line longer than
// maxLineBytes is dropped whole, up to its terminator, and counted in droppedLines(); a partial line stays
// buffered until its terminator arrives.
class ScanLineBuffer
{
public:
    explicit ScanLineBuffer(int maxLineBytes = 256) : m_maxLineBytes(maxLineBytes) {}

    // The codes completed by bytes, in order.
    QStringList append(const QByteArray& bytes);
    int droppedLines() const { return m_droppedLines; }

private:
    int m_maxLineBytes;
    QByteArray m_line;
    bool m_overflowing = false;
    int m_droppedLines = 0;
};

// A barcode scanner on a serial port or USB-CDC virtual COM port (or TCP), in its "data + CR/LF suffix"
// mode, over a ByteTransport opened by the caller (e.g. "serial:/dev/ttyACM0?baud=9600"). The transport is
// not owned and must outlive the scanner. Over-long lines are dropped with a warning on pos.devices.scanner
// (the length only, never the content). Thread affinity: the transport's thread.
class SerialScanner final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        int maxLineBytes = 256;
    };

    explicit SerialScanner(ByteTransport& transport, QObject* parent = nullptr);
    SerialScanner(ByteTransport& transport, Config config, QObject* parent = nullptr);

Q_SIGNALS:
    void scanned(QString code);
    void disconnected(QString reason); // the transport was lost; no more codes will come

private:
    void consume(const QByteArray& bytes);

    ScanLineBuffer m_lines;
};

} // namespace devices
} // namespace pos
