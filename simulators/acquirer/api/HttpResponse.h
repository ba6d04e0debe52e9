// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace pos {
namespace sim {

// One HTTP/1.1 response of the simulator's API. serialize() always writes Content-Length (also for an empty
// body) and "Connection: close" when closeAfter is set.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Length and Connection
    QByteArray body;
    bool closeAfter = false;

    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(QByteArrayView name) const;
    QByteArray serialize() const;

    // A JSON body (compact, UTF-8) with Content-Type application/json; charset=utf-8.
    static HttpResponse json(int status, const QJsonObject& body);
    // {"error": {"code": code, "message": message}}
    static HttpResponse error(int status, const QByteArray& code, const QString& message);
};

// "OK", "Not Found", … for the statuses the simulator uses; "Unknown" otherwise.
QByteArray httpReasonPhrase(int status);

} // namespace sim
} // namespace pos
