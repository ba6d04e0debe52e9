// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/CardHostSession.h"

#include "simulators/SimulatorLog.h"
#include "simulators/acquirer/CardHost.h"
#include "simulators/acquirer/HostLedger.h"

#include <QTcpSocket>
#include <QTimer>

namespace pos {
namespace sim {

using acquirer::IsoMessage;

CardHostSession::CardHostSession(
    QTcpSocket& socket, int connectionNumber, CardHost& host, HostLedger& ledger, FaultInjector* faults)
    : QObject(&socket)
    , m_socket(socket)
    , m_connectionNumber(connectionNumber)
    , m_host(host)
    , m_ledger(ledger)
    , m_faults(faults)
{
    connect(&socket, &QTcpSocket::readyRead, this, &CardHostSession::readAvailable);
    connect(&host, &CardHost::reversalProcessed, this, &CardHostSession::releaseHeld);
    if (socket.bytesAvailable() > 0)
        QTimer::singleShot(0, this, &CardHostSession::readAvailable);
}

void CardHostSession::readAvailable()
{
    if (m_closed)
        return;
    const QByteArray chunk = m_socket.readAll();
    Result<QList<QByteArray>> frames = m_reassembler.feed(chunk);
    if (!frames) {
        qCWarning(lcSim).noquote() << "acquirer connection" << m_connectionNumber
                                   << "bad frame:" << frames.error().detail;
        close("unframeable input");
        return;
    }
    m_pending.append(frames.value());
    processPending();
}

void CardHostSession::processPending()
{
    while (!m_closed && !m_waiting && !m_pending.isEmpty()) {
        if (!processOne(m_pending.takeFirst()))
            return;
    }
}

bool CardHostSession::processOne(const QByteArray& body)
{
    const Result<IsoMessage> request = m_host.decodeBody(body);
    if (!request) {
        qCWarning(lcSim).noquote() << "acquirer connection" << m_connectionNumber
                                   << "undecodable request:" << request.error().detail;
        close("undecodable request");
        return false;
    }
    const IsoMessage& message = request.value();
    const FaultKind fault = m_faults ? m_faults->draw(message.mti()) : FaultKind::None;
    const QString tid = message.text(41).trimmed();
    const QString stan = message.digits(11);
    if (fault != FaultKind::None) {
        qCInfo(lcSim).noquote() << "acquirer connection" << m_connectionNumber << "fault" << faultName(fault)
                                << "on" << message.mti() << "terminal" << tid << "STAN" << stan;
        if (const Result<> recorded = m_ledger.recordFault(tid, stan, message.mti(), faultName(fault));
            !recorded)
            qCWarning(lcSim).noquote() << "fault not recorded:" << recorded.error().detail;
    }

    if (fault == FaultKind::DropRequest)
        return true;
    const QString refusal = faultResponseCode(fault);
    const HostReply reply =
        refusal.isEmpty() ? m_host.handleMessage(message) : m_host.refuse(message, refusal);
    if (reply.frame.isEmpty()) {
        close("request without an answer");
        return false;
    }

    switch (fault) {
    case FaultKind::DropResponse: return true;
    case FaultKind::Delay: {
        m_waiting = true;
        const QByteArray frame = reply.frame;
        QTimer::singleShot(m_faults->config().delay, this, [this, frame] {
            m_waiting = false;
            write(frame);
            processPending();
        });
        return false;
    }
    case FaultKind::LateAfterReversal: m_held.append({reply.tid, reply.stan, reply.frame}); return true;
    case FaultKind::Duplicate:
        write(reply.frame);
        write(reply.frame);
        return true;
    case FaultKind::DisconnectMidFrame:
        write(reply.frame.left(reply.frame.size() / 2));
        close("fault disconnect-mid-frame");
        return false;
    case FaultKind::BadMac: {
        QByteArray frame = reply.frame;
        if (reply.hasMac) {
            char& last = frame[frame.size() - 1];
            last = last == '0' ? '1' : '0';
        }
        write(frame);
        return true;
    }
    case FaultKind::Garbage:
        write(m_faults->garbage());
        close("fault garbage");
        return false;
    default: write(reply.frame); return true;
    }
}

void CardHostSession::write(const QByteArray& bytes)
{
    if (m_closed || m_socket.state() != QAbstractSocket::ConnectedState) {
        qCInfo(lcSim) << "acquirer connection" << m_connectionNumber << "is gone; reply of" << bytes.size()
                      << "bytes dropped";
        return;
    }
    m_socket.write(bytes);
}

void CardHostSession::close(const char* why)
{
    if (m_closed)
        return;
    m_closed = true;
    m_pending.clear();
    qCInfo(lcSim) << "acquirer connection" << m_connectionNumber << "closing:" << why;
    // Writes what is queued (half a frame, garbage) before the close, so the peer sees it.
    m_socket.disconnectFromHost();
}

void CardHostSession::releaseHeld(const QString& tid, const QString& stan)
{
    for (qsizetype i = 0; i < m_held.size();) {
        if (m_held.at(i).tid == tid && m_held.at(i).stan == stan) {
            qCInfo(lcSim) << "acquirer connection" << m_connectionNumber << "late reply for STAN" << stan
                          << "after its reversal";
            write(m_held.takeAt(i).frame);
        } else {
            ++i;
        }
    }
}

} // namespace sim
} // namespace pos
