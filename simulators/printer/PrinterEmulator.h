// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The receipt printer as a state machine, without transport: bytes from the host in, bytes to the host,
// finished jobs and events out (docs/printing.md, "Printer emulator").
//
// - Real-time status: DLE EOT n (n 1-4) is taken out of the stream wherever it appears (as printers execute
// it
//   even inside another command's data) and answered with one byte following Epson's tables, which
//   devices/escpos/PrinterStatus.cpp reads: n=1 bit3 offline (also while the cover is open or paper is out),
//   bit2 drawer pin 3 (high = drawer open); n=2 bit2 cover open, bit5 stopped by paper end, bit6 error;
//   n=3 no error bits; n=4 bits 2-3 paper near end (also when out), bits 5-6 paper end.
// - Automatic Status Back: after GS a n (n != 0) a 4-byte block at once and on every status change; GS a 0
//   stops it. ESC @ leaves it on. GS a is obeyed in every state, even while other bytes are discarded.
// - Printing: a job is everything from the end of the previous job up to and including a cut (GS V) and the
//   commands after it that print nothing (FS ., ESC p ...); it ends before the next printed item or ESC @,
//   at idle() (the transport calls it after a quiet moment) or at the connection close. An ESC @ after
//   printed output without a cut also starts a new job. While offline, with the cover open or without paper,
//   bytes other than DLE EOT are discarded and counted as lost.
// - Faults at a received byte count (DLE EOT bytes included, counted over the emulator's life), each once.
namespace pos {
namespace sim {

struct PrinterFaults
{
    std::optional<qint64> paperOutAt;
    std::optional<qint64> coverOpenAt;
    std::optional<qint64> offlineAt;
    std::optional<qint64> disconnectAt;
    bool silence = false; // never answer DLE EOT
};

// "paper-out@N,cover-open@N,offline@N,disconnect@N,silence" (any subset, any order; empty = none).
// InvalidInput on anything else.
Result<PrinterFaults> parsePrinterFaults(const QString& spec);

class PrinterEmulator final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::PrinterEmulator)

public:
    enum class Paper { Present, NearEnd, Out };

    struct DeviceState
    {
        bool offline = false; // the operator's offline (the printer's own state, not cover/paper)
        bool coverOpen = false;
        Paper paper = Paper::Present;
        bool drawerOpen = false;
        bool operator==(const DeviceState&) const = default;
    };

    // What one call produced, in order of occurrence.
    struct Reaction
    {
        QByteArray reply;       // DLE EOT answers and ASB blocks for the host
        QList<QByteArray> jobs; // finished jobs (the bytes printed, DLE EOT queries removed)
        QStringList events;     // lines for stdout: "state ...", "lost N", "drawer open", "fault ..."
        // Close the connection (unplug, disconnect fault), then call connectionClosed(). After a disconnect
        // fault the rest of the bytes until then are dropped.
        bool hangUp = false;
    };

    PrinterEmulator(); // ready, no faults
    PrinterEmulator(DeviceState initial, PrinterFaults faults);

    // "paper-out", "paper-near-end", "cover-open" or "offline" as a start state; InvalidInput otherwise.
    static Result<DeviceState> parseInitialState(const QString& name);

    Reaction receive(QByteArrayView bytes);
    // The host connection closed: the unfinished job (if any bytes) is finished; a half-received DLE EOT is
    // part of it.
    Reaction connectionClosed();
    // The host sent nothing for a while: a job waiting after its cut is finished.
    Reaction idle();
    bool jobWaitsAfterCut() const { return m_cutEnd >= 0; }
    // One stdin control line: "paper out", "paper near-end", "paper in", "cover open", "cover close",
    // "offline", "online", "unplug", "drawer open", "drawer close". Acknowledged as "state <line>"; an
    // unknown line gives the event "error unknown control: <line>" and changes nothing.
    Reaction control(const QString& line);

    const DeviceState& state() const { return m_state; }
    bool canPrint() const { return !m_state.offline && !m_state.coverOpen && m_state.paper != Paper::Out; }
    quint8 dleEotReply(int n) const; // 1-4; 0x12 for any other n
    QByteArray asbBlock() const;
    bool asbEnabled() const { return m_asbEnabled; }
    qint64 receivedBytes() const { return m_received; }
    qint64 lostBytes() const { return m_lost; }

private:
    void consume(QByteArrayView bytes, Reaction& reaction);
    void appendToJob(char byte, Reaction& reaction);
    void scanJob(Reaction& reaction);
    void finishJob(qsizetype length, Reaction& reaction);
    void applyFaults(Reaction& reaction);
    void changeState(const DeviceState& next, Reaction& reaction);

    DeviceState m_state;
    PrinterFaults m_faults;
    qint64 m_received = 0;
    qint64 m_lost = 0;
    bool m_asbEnabled = false;
    bool m_hungUp = false;
    QByteArray m_dlePending;  // the start of a DLE EOT split across calls
    QByteArray m_discardTail; // the last discarded bytes, for a GS a among them
    QByteArray m_job;         // bytes of the job in progress
    qsizetype m_scanned = 0;  // m_job is framed up to here
    bool m_jobHasOutput = false;
    qsizetype m_cutEnd = -1; // m_job holds a cut ending here; the job waits for its trailing commands
};

} // namespace sim
} // namespace pos
