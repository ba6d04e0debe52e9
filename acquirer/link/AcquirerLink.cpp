// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/link/AcquirerLink.h"

#include "acquirer/AcquirerLog.h"

#include <QCoreApplication>
#include <QSslCipher>
#include <QSslSocket>

#include <utility>

namespace pos {
namespace acquirer {
namespace {

class AcquirerLinkText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::AcquirerLink)

public:
    static QString badRequestFrame() { return tr("The request to the acquirer could not be framed."); }
};

// Queues done(result) into context's thread; dropped by Qt if context is destroyed before it runs.
void post(QObject* context, AcquirerLink::Completion done, Result<QByteArray> result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

QString subjectOf(const QSslCertificate& certificate)
{
    return certificate.isNull() ? QStringLiteral("(none)")
                                : QString::fromUtf8(certificate.subjectDisplayName().toUtf8());
}

bool isTls12OrNewer(QSsl::SslProtocol protocol)
{
    return protocol == QSsl::TlsV1_2 || protocol == QSsl::TlsV1_3;
}

constexpr int closeGraceMs = 5000; // how long a graceful close may take before the socket is aborted

} // namespace

AcquirerLink::AcquirerLink(LinkConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_codec(m_config.frame)
    , m_reassembler(m_config.frame)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AcquirerLink::onTimeout);
}

AcquirerLink::~AcquirerLink()
{
    abort();
}

bool AcquirerLink::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState && m_socket->isEncrypted();
}

QString AcquirerLink::endpoint() const
{
    return QStringLiteral("%1:%2").arg(m_config.host).arg(m_config.port);
}

void AcquirerLink::exchange(QByteArray frame, QObject* context, Completion done)
{
    QObject* target = context ? context : this;
    if (isBusy()) {
        qCWarning(lcAcquirerLink) << "exchange refused: another exchange is outstanding";
        post(target, std::move(done),
             linkFailure(LinkFailure::Busy,
                         QStringLiteral("an exchange with %1 is outstanding").arg(endpoint())));
        return;
    }
    if (const Result<QByteArray> body = m_codec.unwrap(frame); !body) {
        post(target, std::move(done),
             fail(ErrorCode::InvalidInput, AcquirerLinkText::badRequestFrame(),
                  QStringLiteral("not sent; request frame: %1").arg(body.error().detail)));
        return;
    }
    m_request = std::move(frame);
    m_context = target;
    m_done = std::move(done);
    m_requestWritten = false;
    m_exchangeClock.start();
    if (isConnected() && m_config.keepAlive) {
        qCDebug(lcAcquirerLink).noquote() << "reusing the connection to" << endpoint();
        writeRequest();
        return;
    }
    dropConnection();
    openConnection();
}

void AcquirerLink::abort()
{
    if (isBusy()) {
        qCInfo(lcAcquirerLink) << "exchange cancelled; request written:" << m_requestWritten;
        failExchange(LinkFailure::Cancelled, QStringLiteral("cancelled by the caller"));
        return;
    }
    dropConnection();
}

void AcquirerLink::openConnection()
{
    m_phase = Phase::Connecting;
    m_sslErrors.clear();
    m_peerAlert.reset();
    m_reassembler.reset();
    ++m_connectionCount;

    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(linkTlsConfiguration(m_config));
    m_socket->setPeerVerifyName(m_config.peerVerifyName());
    connect(m_socket, &QSslSocket::connected, this, &AcquirerLink::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &AcquirerLink::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this,
            [this](const QList<QSslError>& errors) { m_sslErrors.append(errors); });
    connect(m_socket, &QSslSocket::alertReceived, this,
            [this](QSsl::AlertLevel level, QSsl::AlertType type, const QString& description) {
                qCInfo(lcAcquirerLink).noquote() << "TLS alert from" << endpoint() << ":" << description;
                if (level == QSsl::AlertLevel::Fatal)
                    m_peerAlert = type;
            });
    connect(m_socket, &QSslSocket::bytesWritten, this, &AcquirerLink::onBytesWritten);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &AcquirerLink::onBytesWritten);
    connect(m_socket, &QSslSocket::readyRead, this, &AcquirerLink::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &AcquirerLink::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &AcquirerLink::onDisconnected);

    qCDebug(lcAcquirerLink).noquote() << "connecting to" << endpoint();
    m_phaseClock.start();
    m_timer.start(m_config.connectTimeoutMs);
    m_socket->connectToHost(m_config.host, m_config.port);
}

void AcquirerLink::onConnected()
{
    if (m_phase != Phase::Connecting)
        return;
    qCInfo(lcAcquirerLink).noquote() << "connected to" << endpoint() << "in" << m_phaseClock.elapsed()
                                     << "ms";
    m_phase = Phase::Handshaking;
    m_phaseClock.start();
    m_socket->startClientEncryption();
}

void AcquirerLink::onEncrypted()
{
    if (m_phase != Phase::Handshaking)
        return;
    const QSslCipher cipher = m_socket->sessionCipher();
    if (!isTls12OrNewer(m_socket->sessionProtocol())) {
        failExchange(
            LinkFailure::TlsHandshakeFailed,
            QStringLiteral("%1 negotiated %2, below TLS 1.2").arg(endpoint(), cipher.protocolString()));
        return;
    }
    qCInfo(lcAcquirerLink).noquote() << "TLS with" << endpoint() << "in" << m_phaseClock.elapsed()
                                     << "ms:" << cipher.protocolString() << cipher.name() << "peer"
                                     << subjectOf(m_socket->peerCertificate());
    writeRequest();
}

void AcquirerLink::writeRequest()
{
    m_phase = Phase::Writing;
    m_phaseClock.start();
    m_timer.start(m_config.writeTimeoutMs);
    m_requestWritten = true;
    if (m_socket->write(m_request) != m_request.size()) {
        failExchange(LinkFailure::ConnectionClosed,
                     QStringLiteral("write to %1 failed: %2").arg(endpoint(), m_socket->errorString()));
        return;
    }
    qCDebug(lcAcquirerLink) << "request of" << m_request.size() << "bytes handed to the socket";
}

void AcquirerLink::onBytesWritten()
{
    if (m_phase != Phase::Writing || !m_socket)
        return;
    if (m_socket->bytesToWrite() > 0 || m_socket->encryptedBytesToWrite() > 0)
        return;
    qCDebug(lcAcquirerLink) << "request written in" << m_phaseClock.elapsed() << "ms";
    m_phase = Phase::AwaitingResponse;
    m_phaseClock.start();
    m_timer.start(m_config.responseTimeoutMs + m_config.graceMs);
}

void AcquirerLink::onReadyRead()
{
    if (!m_socket)
        return;
    const QPointer<QSslSocket> socket = m_socket;
    const Result<QList<QByteArray>> frames = m_reassembler.feed(socket->readAll());
    if (!frames) {
        if (isBusy()) {
            failExchange(LinkFailure::ProtocolViolation, frames.error().detail);
        } else {
            qCWarning(lcAcquirerLink).noquote()
                << "bad frame from" << endpoint() << "while idle:" << frames.error().detail << "; closing";
            dropConnection();
        }
        return;
    }
    for (const QByteArray& body : frames.value()) {
        Result<QByteArray> frame = m_codec.wrap(body);
        if (!frame) // cannot happen: the reassembler enforces the same limits
            continue;
        if (m_phase == Phase::Writing || m_phase == Phase::AwaitingResponse) {
            qCInfo(lcAcquirerLink).noquote() << "response of" << frame.value().size() << "bytes from"
                                             << endpoint() << "after" << m_exchangeClock.elapsed() << "ms";
            finish(std::move(frame));
            if (!m_config.keepAlive) {
                if (frames.value().size() > 1)
                    qCWarning(lcAcquirerLink)
                        << frames.value().size() - 1 << "extra frame(s) after the response dropped";
                closeConnectionGracefully();
                return;
            }
            continue;
        }
        qCWarning(lcAcquirerLink).noquote() << "unexpected frame of" << frame.value().size() << "bytes from"
                                            << endpoint() << "while no exchange is outstanding";
        Q_EMIT unexpectedFrame(frame.value());
        if (m_socket != socket) // a slot closed or replaced the connection
            return;
    }
}

void AcquirerLink::onSocketError()
{
    if (m_socket)
        handleConnectionFailure(m_socket->error(), m_socket->errorString());
}

void AcquirerLink::handleConnectionFailure(QAbstractSocket::SocketError error, const QString& text)
{
    switch (m_phase) {
    case Phase::Idle:
        qCInfo(lcAcquirerLink).noquote() << "idle connection to" << endpoint() << "ended:" << text;
        dropConnection();
        return;
    case Phase::Connecting:
        failExchange(classifyConnectError(error), QStringLiteral("connect to %1: %2").arg(endpoint(), text));
        return;
    case Phase::Handshaking: {
        QStringList reasons;
        for (const QSslError& sslError : std::as_const(m_sslErrors))
            reasons << sslError.errorString();
        if (reasons.isEmpty())
            reasons << text;
        failExchange(classifyTlsFailure(m_sslErrors, m_peerAlert),
                     QStringLiteral("TLS handshake with %1 (peer name %2) failed: %3")
                         .arg(endpoint(), m_config.peerVerifyName(), reasons.join(QStringLiteral("; "))));
        return;
    }
    case Phase::Writing:
    case Phase::AwaitingResponse: {
        // TLS 1.3: the client finishes its handshake before the host has checked the client certificate;
        // a host refusing it sends a fatal alert and never processes the request.
        const LinkFailure cause =
            m_peerAlert && classifyTlsFailure({}, m_peerAlert) == LinkFailure::ClientCertificateRejected
                ? LinkFailure::ClientCertificateRejected
                : LinkFailure::ConnectionClosed;
        failExchange(cause, QStringLiteral("connection to %1 failed after %2 ms: %3")
                                .arg(endpoint())
                                .arg(m_exchangeClock.elapsed())
                                .arg(text));
        return;
    }
    }
}

void AcquirerLink::onDisconnected()
{
    // errorOccurred() normally comes first (RemoteHostClosedError); this covers a close without one.
    if (!m_socket)
        return;
    if (isBusy()) {
        handleConnectionFailure(QAbstractSocket::RemoteHostClosedError,
                                QStringLiteral("the host closed the connection"));
        return;
    }
    qCDebug(lcAcquirerLink).noquote() << "idle connection to" << endpoint() << "closed";
    dropConnection();
}

void AcquirerLink::onTimeout()
{
    switch (m_phase) {
    case Phase::Idle: return;
    case Phase::Connecting:
        failExchange(LinkFailure::ConnectTimeout, QStringLiteral("TCP connect to %1 took more than %2 ms")
                                                      .arg(endpoint())
                                                      .arg(m_config.connectTimeoutMs));
        return;
    case Phase::Handshaking:
        failExchange(
            LinkFailure::TlsHandshakeFailed,
            QStringLiteral("TLS handshake with %1 did not complete within %2 ms (plaintext or stalled "
                           "peer)")
                .arg(endpoint())
                .arg(m_config.connectTimeoutMs));
        return;
    case Phase::Writing:
        failExchange(LinkFailure::WriteTimeout, QStringLiteral("writing %1 bytes to %2 took more than %3 ms")
                                                    .arg(m_request.size())
                                                    .arg(endpoint())
                                                    .arg(m_config.writeTimeoutMs));
        return;
    case Phase::AwaitingResponse:
        failExchange(LinkFailure::ResponseTimeout, QStringLiteral("no response from %1 within %2 + %3 ms")
                                                       .arg(endpoint())
                                                       .arg(m_config.responseTimeoutMs)
                                                       .arg(m_config.graceMs));
        return;
    }
}

void AcquirerLink::failExchange(LinkFailure cause, const QString& detail)
{
    Failure failure = linkFailure(cause, detail, m_requestWritten);
    qCWarning(lcAcquirerLink).noquote()
        << "exchange failed:" << errorCodeName(failure.error.code) << failure.error.detail;
    dropConnection();
    finish(std::move(failure));
}

void AcquirerLink::finish(Result<QByteArray> result)
{
    m_timer.stop();
    m_phase = Phase::Idle;
    m_request.clear();
    m_requestWritten = false;
    Completion done = std::exchange(m_done, {});
    const QPointer<QObject> context = std::exchange(m_context, {});
    if (!context) {
        qCWarning(lcAcquirerLink) << "exchange completed after its context was destroyed; result dropped";
        return;
    }
    post(context, std::move(done), std::move(result));
}

void AcquirerLink::dropConnection()
{
    if (!m_socket)
        return;
    QSslSocket* socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void AcquirerLink::closeConnectionGracefully()
{
    if (!m_socket)
        return;
    QSslSocket* socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(closeGraceMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->disconnectFromHost();
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
}

} // namespace acquirer
} // namespace pos
