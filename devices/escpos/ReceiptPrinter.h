// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "devices/escpos/JobPrinter.h"
#include "devices/escpos/PrinterStatus.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

namespace pos {
namespace devices {

class ByteTransport;

// The print-job driver of an ESC/POS receipt printer over a ByteTransport (serial, USB, TCP).
//
// A job: ask the status (DLE EOT 1-4) → refuse to send when the printer cannot print (paper out, cover open,
// offline, cutter or unrecoverable error) → send the job's bytes followed by DLE EOT 1-4 → the replies come
// after the printer has taken the job's bytes, and tell whether paper ran out or the cover opened meanwhile.
//
// Error semantics of print() (the caller keeps every failed job in the reprint queue):
// - DeviceOffline / DeviceTimeout: nothing of the job reached the printer (not connected, no status answer,
//   or the printer refused: the message names the reason, e.g. paper out). Safe to print again.
// - OutcomeUnknown: the bytes were sent but the printer reported a problem afterwards, stopped answering or
//   was unplugged; the receipt may be missing or incomplete. A reprint is the cashier's decision.
// ASB blocks (GS a, when Config::automaticStatusBack) and every status read are announced by statusChanged.
//
// One operation at a time, later ones wait in order. Replies arriving in the quiet period after a timeout
// are dropped so they cannot answer the next query. Thread affinity: the transport's thread (the device I/O
// thread). Completions run exactly once, queued to context's thread, never synchronously; not at all when
// context is destroyed first.
class ReceiptPrinter final : public QObject, public JobPrinter
{
    Q_OBJECT

public:
    struct Config
    {
        int statusTimeoutMs = 3000;       // answer to DLE EOT 1-4 when nothing is being printed
        int minimumBytesPerSecond = 480;  // slowest line we wait for (half of 9600 baud, 8N1)
        int quietAfterTimeoutMs = 500;    // bytes arriving in this window after a timeout are dropped
        bool verifyStatus = true;         // false for printers that never answer DLE EOT
        bool automaticStatusBack = false; // send GS a 0x0F when the transport is ready
    };

    ReceiptPrinter(ByteTransport& transport, Config config, QObject* parent = nullptr);
    ~ReceiptPrinter() override;

    void queryStatus(QObject* context, Completion<PrinterStatus> done);
    // escpos: a whole rendered job (ESC @ … cut). jobId is carried into the report and the log only.
    void print(qint64 jobId, QByteArray escpos, QObject* context, Completion<PrintReport> done) override;

    // Why a printer in this state cannot print, for the cashier; empty when it can. Paper near its end is
    // described only by paperWarning().
    static QString problem(const PrinterStatus& status);
    static QString paperWarning(const PrinterStatus& status);

    // The last status read or pushed (all fine before the first read).
    PrinterStatus lastStatus() const { return m_status; }
    bool isConnected() const { return !m_lost; }

Q_SIGNALS:
    void statusChanged(pos::devices::PrinterStatus status);
    void disconnected(QString reason);

private:
    struct Operation
    {
        qint64 jobId = -1; // -1: a status query only
        QByteArray bytes;
        std::function<void(Result<PrintReport>)> finish;
    };
    enum class Phase { Idle, PreCheck, Printing };

    void startNext();
    void sendStatusQuery(const QByteArray& before, int timeoutMs);
    void onBytes(const QByteArray& bytes);
    void onStatusComplete();
    void onTimeout();
    void onLost(const QString& reason);
    void finishCurrent(Result<PrintReport> result);
    void updateStatus(const PrinterStatus& status);

    ByteTransport& m_transport;
    Config m_config;
    StatusReader m_reader;
    PrinterStatus m_status;
    PrinterStatus m_reading; // status being assembled from the current DLE EOT replies
    std::deque<Operation> m_queue;
    Phase m_phase = Phase::Idle;
    bool m_lost = false;
    qint64 m_quietUntilMs = 0;
    QTimer m_timer;
};

} // namespace devices
} // namespace pos
