// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/iso8583/FrameCodec.h"
#include "simulators/acquirer/FaultInjector.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

class QTcpSocket;

namespace pos {
namespace sim {

class CardHost;
class HostLedger;
struct HostReply;

// One connection of the card host. Reassembles frames from the socket (QSslSocket after its handshake, or a
// plain QTcpSocket in tests), hands them to the CardHost one request at a time, applies the fault drawn for
// each request (FaultInjector.h for the semantics) and writes the answers. Never blocks: delays run on a
// QTimer, and requests that arrive meanwhile wait in order. Input that cannot be framed or decoded closes the
// connection. Each injected fault is logged (pos.sim, info) and recorded in the host ledger's faults table.
// The session is a child of the socket and lives exactly as long as it; host, faults and ledger must outlive
// every session. faults may be null (no fault injection).
class CardHostSession final : public QObject
{
    Q_OBJECT

public:
    CardHostSession(
        QTcpSocket& socket, int connectionNumber, CardHost& host, HostLedger& ledger, FaultInjector* faults);

    int connectionNumber() const { return m_connectionNumber; }

private:
    struct HeldReply
    {
        QString tid;
        QString stan;
        QByteArray frame;
    };

    void readAvailable();
    void processPending();
    // Handles one request body; returns false when the connection was closed or must wait (a delay).
    bool processOne(const QByteArray& body);
    void write(const QByteArray& bytes);
    void close(const char* why);
    void releaseHeld(const QString& tid, const QString& stan);

    QTcpSocket& m_socket;
    int m_connectionNumber;
    CardHost& m_host;
    HostLedger& m_ledger;
    FaultInjector* m_faults;
    acquirer::FrameReassembler m_reassembler;
    QList<QByteArray> m_pending;
    QList<HeldReply> m_held;
    bool m_waiting = false; // a delayed reply is not written yet
    bool m_closed = false;
};

} // namespace sim
} // namespace pos
