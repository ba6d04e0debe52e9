// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/api/HttpsExchange.h"

#include <QList>

namespace pos {
namespace acquirer {

HttpsExchange::HttpsExchange(QString host,
                             quint16 port,
                             QSslConfiguration tls,
                             QString peerVerifyName,
                             QByteArray request,
                             int budgetMs,
                             std::function<void(HttpsResult)> done,
                             QObject* parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_peerVerifyName(std::move(peerVerifyName))
    , m_request(std::move(request))
    , m_done(std::move(done))
{
    m_socket.setSslConfiguration(tls);
    m_budget.setSingleShot(true);
    m_budget.setInterval(budgetMs);
    connect(&m_budget, &QTimer::timeout, this, [this] {
        onFailure(QStringLiteral("no complete answer within %1 ms").arg(m_budget.interval()));
    });
    connect(&m_socket, &QSslSocket::encrypted, this, &HttpsExchange::onEncrypted);
    connect(&m_socket, &QSslSocket::readyRead, this, &HttpsExchange::onReadyRead);
    connect(&m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        // A peer closing after a complete answer is the normal end (Connection: close).
        if (m_socket.error() == QAbstractSocket::RemoteHostClosedError)
            onReadyRead();
        onFailure(
            QStringLiteral("socket error %1: %2").arg(int(m_socket.error())).arg(m_socket.errorString()));
    });
    connect(&m_socket, &QSslSocket::disconnected, this, [this] {
        onReadyRead();
        onFailure(QStringLiteral("connection closed before a complete answer"));
    });
}

HttpsExchange::~HttpsExchange()
{
    m_finished = true;
    m_socket.disconnect(this);
    m_socket.abort();
}

void HttpsExchange::start()
{
    m_budget.start();
    if (!m_peerVerifyName.isEmpty())
        m_socket.setPeerVerifyName(m_peerVerifyName);
    // Queued: connect errors (e.g. a refused connection) must not complete inside start().
    QMetaObject::invokeMethod(
        this, [this] { m_socket.connectToHostEncrypted(m_host, m_port); }, Qt::QueuedConnection);
}

void HttpsExchange::onEncrypted()
{
    if (m_finished)
        return;
    m_written = true; // from here on the request may have reached the server
    m_socket.write(m_request);
}

void HttpsExchange::onReadyRead()
{
    if (m_finished)
        return;
    m_buffer.append(m_socket.readAll());
    if (!m_written && !m_buffer.isEmpty()) {
        onFailure(QStringLiteral("the server spoke before the request was sent"));
        return;
    }
    if (!m_headParsed) {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_buffer.size() > maxHeaderBytes)
                onFailure(QStringLiteral("response header block above %1 bytes").arg(maxHeaderBytes));
            return;
        }
        if (!parseHead(headEnd))
            return;
    }
    if (m_buffer.size() - m_bodyStart < m_contentLength)
        return;
    if (m_buffer.size() - m_bodyStart > m_contentLength) {
        onFailure(QStringLiteral("more bytes than Content-Length"));
        return;
    }
    m_result.kind = HttpsResult::Kind::Answered;
    m_result.body = m_buffer.mid(m_bodyStart, m_contentLength);
    finish(std::move(m_result));
}

bool HttpsExchange::parseHead(qsizetype headEnd)
{
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QByteArray statusLine = lines.value(0).trimmed();
    // "HTTP/1.1 200 OK": version, a space, three digits, then an optional reason.
    const bool statusOk = (statusLine.startsWith("HTTP/1.1 ") || statusLine.startsWith("HTTP/1.0 ")) &&
                          statusLine.size() >= 12 && (statusLine.size() == 12 || statusLine.at(12) == ' ');
    bool numeric = false;
    const int status = statusOk ? statusLine.mid(9, 3).toInt(&numeric) : 0;
    if (!numeric || status < 100 || status > 599) {
        onFailure(QStringLiteral("malformed status line"));
        return false;
    }
    m_result.status = status;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            onFailure(QStringLiteral("malformed header line"));
            return false;
        }
        m_result.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    if (m_result.headers.contains("transfer-encoding")) {
        onFailure(QStringLiteral("Transfer-Encoding is not supported (the contract sends Content-Length)"));
        return false;
    }
    bool lengthOk = false;
    m_contentLength = m_result.headers.value("content-length").toLongLong(&lengthOk);
    if (!lengthOk || m_contentLength < 0 || m_contentLength > maxBodyBytes) {
        onFailure(QStringLiteral("missing or unusable Content-Length"));
        return false;
    }
    m_headParsed = true;
    m_bodyStart = headEnd + 4;
    return true;
}

void HttpsExchange::onFailure(const QString& why)
{
    if (m_finished)
        return;
    HttpsResult result;
    result.kind = m_written ? HttpsResult::Kind::NoAnswer : HttpsResult::Kind::NotSent;
    result.detail = why;
    finish(std::move(result));
}

void HttpsExchange::finish(HttpsResult result)
{
    m_finished = true;
    m_budget.stop();
    m_socket.disconnect(this);
    m_socket.abort();
    auto done = std::move(m_done);
    // Deliver from the event loop, after this exchange's own signal handling unwound.
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

} // namespace acquirer
} // namespace pos
