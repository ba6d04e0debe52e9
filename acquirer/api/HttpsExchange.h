// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QString>
#include <QTimer>

#include <functional>

// One HTTP/1.1 request over its own TLS connection, for ApiClient. Written on QSslSocket rather than
// QNetworkAccessManager because QNAM silently re-sends a request when the server closes the connection
// before answering — for a payment that is a second copy of a state-changing call the POS never decided to
// send. Here a request is written exactly once; what happened is reported as it is.
namespace pos {
namespace acquirer {

struct HttpsResult
{
    enum class Kind {
        Answered, // a complete response: status, headers, body (Content-Length bytes)
        NotSent,  // failed before a byte of the request was written (connect, TLS handshake, or the
                  // budget ran out before the handshake completed)
        NoAnswer, // the request was written (or may have been) and no complete, well-formed answer came
    };
    Kind kind = Kind::NoAnswer;
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names; the last value of a repeated header
    QByteArray body;
    QString detail; // untranslated: what went wrong (never request or response bodies)
};

class HttpsExchange final : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype maxHeaderBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 16 * 1024 * 1024;

    // request: the complete request bytes (request line, headers, body). done is called exactly once, from
    // the event loop (never inside start()), unless the exchange is destroyed first.
    HttpsExchange(QString host,
                  quint16 port,
                  QSslConfiguration tls,
                  QString peerVerifyName,
                  QByteArray request,
                  int budgetMs,
                  std::function<void(HttpsResult)> done,
                  QObject* parent = nullptr);

    // Aborts the connection; done is not called.
    ~HttpsExchange() override;

    // Replaces the completion given to the constructor (for owners that need the exchange's address in it).
    void setCompletion(std::function<void(HttpsResult)> done) { m_done = std::move(done); }
    void start();

private:
    void onEncrypted();
    void onReadyRead();
    void onFailure(const QString& why);
    void finish(HttpsResult result);
    bool parseHead(qsizetype headEnd);

    QString m_host;
    quint16 m_port;
    QString m_peerVerifyName;
    QByteArray m_request;
    std::function<void(HttpsResult)> m_done;
    QSslSocket m_socket;
    QTimer m_budget;
    QByteArray m_buffer;
    bool m_written = false;
    bool m_headParsed = false;
    bool m_finished = false;
    qsizetype m_bodyStart = 0;
    qsizetype m_contentLength = -1;
    HttpsResult m_result;
};

} // namespace acquirer
} // namespace pos
