// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/api/ApiSigner.h"
#include "simulators/SimulatorPki.h"
#include "simulators/TlsSimulatorServer.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>

#include <functional>
#include <memory>

// A small scripted HTTPS/1.1 server for the API client's tests: TlsSimulatorServer (real TLS, SimulatorPki
// certificates) plus just enough HTTP to read one request per connection (Content-Length bodies) and answer
// it, signed per docs/acquirer-api.md unless the reply says otherwise. Not the simulator's API (that lives in
// simulators/, written independently from the contract): it only plays back what a test scripts.
namespace pos {
namespace test {

struct FakeApiRequest
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool signatureValid = false; // X-Pos-Signature checked against the server's secret
};

struct FakeApiReply
{
    // Raw: body is written as the whole response (status line and headers included), unsigned.
    enum class Mode { Signed, Unsigned, BadSignature, WrongNonce, Silent, Drop, Raw };
    int status = 200;
    QByteArray body;
    Mode mode = Mode::Signed;
    int delayMs = 0;
};

class FakeApiServer final
{
public:
    using Handler = std::function<FakeApiReply(const FakeApiRequest&)>;

    FakeApiServer(const sim::IssuedCertificate& certificate, QByteArray secret)
        : m_server(QStringLiteral("fake-api"), sim::simulatorServerConfiguration(certificate))
        , m_secret(std::move(secret))
    {
        m_server.setConnectionHandler([this](QSslSocket& socket, int) { attach(socket); });
    }

    bool listen() { return m_server.listen(0).hasValue(); }
    quint16 port() const { return m_server.serverPort(); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Replies for one path, used in order before the handler (which answers once the queue is empty).
    void script(const QByteArray& path, QList<FakeApiReply> replies) { m_scripts[path].append(replies); }
    const QList<FakeApiRequest>& requests() const { return m_requests; }
    int countOf(const QByteArray& path) const
    {
        int count = 0;
        for (const FakeApiRequest& request : m_requests)
            count += request.path == path ? 1 : 0;
        return count;
    }
    sim::TlsSimulatorServer& tls() { return m_server; }

    static QByteArray errorBody(const char* code)
    {
        return QByteArray(R"({"error":{"code":")") + code + R"(","message":"test"}})";
    }

private:
    void attach(QSslSocket& socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(&socket, &QSslSocket::readyRead, &socket, [this, &socket, buffer] {
            buffer->append(socket.readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            FakeApiRequest request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                           lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer->size() < headerEnd + 4 + length)
                return;
            request.body = buffer->mid(headerEnd + 4, length);
            buffer->clear();
            const Result<QByteArray> expected = acquirer::signApiRequest(
                m_secret, request.method, request.path, request.headers.value("x-pos-timestamp"),
                request.headers.value("x-pos-nonce"), request.body);
            request.signatureValid = expected && expected.value() == request.headers.value("x-pos-signature");
            m_requests.append(request);
            FakeApiReply reply;
            QList<FakeApiReply>& queue = m_scripts[request.path];
            if (!queue.isEmpty())
                reply = queue.takeFirst();
            else if (m_handler)
                reply = m_handler(request);
            else
                reply = {404, errorBody("NOT_SCRIPTED")};
            QPointer<QSslSocket> guard(&socket);
            QTimer::singleShot(reply.delayMs, &socket, [this, guard, request, reply] {
                if (guard)
                    answer(*guard, request, reply);
            });
        });
    }

    void answer(QSslSocket& socket, const FakeApiRequest& request, const FakeApiReply& reply)
    {
        if (reply.mode == FakeApiReply::Mode::Silent)
            return;
        if (reply.mode == FakeApiReply::Mode::Raw) {
            socket.write(reply.body);
            socket.disconnectFromHost();
            return;
        }
        if (reply.mode == FakeApiReply::Mode::Drop) {
            socket.disconnectFromHost();
            return;
        }
        const QByteArray timestamp = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        QByteArray nonce = request.headers.value("x-pos-nonce");
        if (reply.mode == FakeApiReply::Mode::WrongNonce)
            nonce = acquirer::newApiNonce().value();
        QByteArray signature =
            acquirer::signApiResponse(m_secret, reply.status, request.path, timestamp, nonce, reply.body)
                .value();
        if (reply.mode == FakeApiReply::Mode::BadSignature)
            signature[0] = signature[0] == '0' ? '1' : '0';
        QByteArray response = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n";
        response += "Content-Type: application/json; charset=utf-8\r\n";
        response += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
        response += "Connection: close\r\n";
        if (reply.mode != FakeApiReply::Mode::Unsigned) {
            response += "X-Pos-Nonce: " + nonce + "\r\n";
            response += "X-Pos-Timestamp: " + timestamp + "\r\n";
            response += "X-Pos-Signature: " + signature + "\r\n";
        }
        response += "\r\n" + reply.body;
        socket.write(response);
        socket.disconnectFromHost();
    }

    sim::TlsSimulatorServer m_server;
    QByteArray m_secret;
    Handler m_handler;
    QHash<QByteArray, QList<FakeApiReply>> m_scripts;
    QList<FakeApiRequest> m_requests;
};

} // namespace test
} // namespace pos
