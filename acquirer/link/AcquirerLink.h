// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/iso8583/FrameCodec.h"
#include "acquirer/link/LinkConfig.h"
#include "acquirer/link/LinkFailure.h"
#include "core/Result.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <functional>
#include <optional>

class QSslSocket;

namespace pos {
namespace acquirer {

// The TLS transport to one acquirer host (issue 4, acquirer-protocol.md §1 framing, §9 timeouts): one
// request frame out, one response frame back.
//
// Thread affinity: the thread the link lives in; every call must come from it. Fully asynchronous (socket
// signals and timers only, no waitFor*, no nested event loop).
//
// Security contract: TLS 1.2 or newer only; the peer is verified against LinkConfig::pinnedCa alone (no
// system CAs) and LinkConfig::peerVerifyName(); certificate errors are never ignored; nothing is ever sent
// in plaintext (the request is written only after QSslSocket::encrypted()).
//
// Connections: without keepAlive one connection per exchange, closed after the response (CUP short
// connections). With keepAlive the connection stays open for the next exchange; frames arriving while no
// exchange is outstanding are emitted as unexpectedFrame() and otherwise dropped; an idle connection that
// fails or is closed by the host is simply dropped (the next exchange reconnects).
//
// Errors: see LinkFailure.h for the ErrorCode of each cause and linkFailureOf() to read the cause back.
// After any timeout or error the connection is aborted, so a late response can never be read later.
// Logging (pos.acquirer.link): connection, TLS version, cipher, peer subject, timings and sizes; never
// frame contents.
class AcquirerLink final : public QObject
{
    Q_OBJECT

public:
    using Completion = std::function<void(Result<QByteArray>)>;

    explicit AcquirerLink(LinkConfig config, QObject* parent = nullptr);
    // An outstanding exchange completes as abort() describes; the connection is aborted.
    ~AcquirerLink() override;

    const LinkConfig& config() const { return m_config; }

    // Sends frame (a complete frame, length prefix included, e.g. from Iso8583Codec::encodeFrame) and
    // calls done exactly once, never synchronously inside exchange(), in context's thread (the link's
    // thread when context is null), with the first complete response frame (length prefix included) or
    // an error. done is not called if context is destroyed first. Only one exchange may be outstanding: a
    // second call while busy fails (asynchronously) with ErrorCode::Internal / LinkFailure::Busy and does
    // not disturb the first. A frame that is not exactly one valid frame fails with InvalidInput.
    // Deadlines: connectTimeoutMs covers TCP connect plus TLS handshake, writeTimeoutMs the write,
    // responseTimeoutMs + graceMs the wait for the response after the request is written.
    void exchange(QByteArray frame, QObject* context, Completion done);

    // Cancels the outstanding exchange, if any: done gets ErrorCode::Cancelled when nothing was written
    // yet, ErrorCode::OutcomeUnknown (LinkFailure::Cancelled) once the request was handed to the socket.
    // Closes the connection (also an idle keep-alive one).
    void abort();

    bool isBusy() const { return m_phase != Phase::Idle; }
    // An encrypted connection is open (keep-alive idle or during an exchange).
    bool isConnected() const;
    // Connections opened since construction (for diagnostics and tests).
    int connectionCount() const { return m_connectionCount; }

Q_SIGNALS:
    // A complete frame (length prefix included) that arrived while no exchange was outstanding (keep-alive
    // only), or after the response in the same read.
    void unexpectedFrame(QByteArray frame);

private:
    enum class Phase { Idle, Connecting, Handshaking, Writing, AwaitingResponse };

    void openConnection();
    void onConnected();
    void onEncrypted();
    void writeRequest();
    void onBytesWritten();
    void onReadyRead();
    void onSocketError();
    void handleConnectionFailure(QAbstractSocket::SocketError error, const QString& text);
    void onDisconnected();
    void onTimeout();
    void failExchange(LinkFailure cause, const QString& detail);
    void finish(Result<QByteArray> result);
    void dropConnection();
    void closeConnectionGracefully();
    QString endpoint() const;

    LinkConfig m_config;
    FrameCodec m_codec;
    FrameReassembler m_reassembler;
    QSslSocket* m_socket = nullptr;
    QTimer m_timer;
    Phase m_phase = Phase::Idle;
    QByteArray m_request;
    QPointer<QObject> m_context;
    Completion m_done;
    bool m_requestWritten = false;
    QList<QSslError> m_sslErrors;
    std::optional<QSsl::AlertType> m_peerAlert;
    QElapsedTimer m_phaseClock;
    QElapsedTimer m_exchangeClock;
    int m_connectionCount = 0;
};

} // namespace acquirer
} // namespace pos
