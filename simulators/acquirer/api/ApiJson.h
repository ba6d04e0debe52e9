// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "simulators/acquirer/api/HttpResponse.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// Reading JSON request bodies of the simulator's API and the shared error answers. Field errors name the JSON
// path ("licence.uscc") in the message of a 400 FIELD_INVALID.
namespace pos {
namespace sim {

// The body as a JSON object; nullopt when it is not valid JSON or not an object.
std::optional<QJsonObject> parseJsonObject(const QByteArray& body);

// The value at a dotted path of nested objects ("merchant.address.city"); Undefined when absent.
QJsonValue jsonValueAt(const QJsonObject& root, QStringView dottedPath);

// A JSON number that is an integer in [minimum, maximum].
std::optional<qint64> jsonInteger(const QJsonValue& value, qint64 minimum, qint64 maximum);

// Collects the first invalid field of a body while fields are read.
class JsonFieldReader
{
public:
    explicit JsonFieldReader(const QJsonObject& root) : m_root(root) {}

    // A string of 1…maxLength characters (after trimming nothing: blanks count).
    QString text(const QString& path, int maxLength = 256);
    // text() that must also match one of choices.
    QString choice(const QString& path, const QStringList& choices);
    // "YYYY-MM-DD" (a real date) or "long-term".
    QString dateOrLongTerm(const QString& path);
    std::optional<qint64> integer(const QString& path, qint64 minimum, qint64 maximum);
    // Marks path invalid (for checks done by the caller).
    void invalid(const QString& path);

    bool ok() const { return m_badPath.isEmpty(); }
    QString badPath() const { return m_badPath; }

private:
    QJsonObject m_root;
    QString m_badPath;
};

// 400 FIELD_INVALID naming path (empty path: the body itself is not a JSON object).
HttpResponse fieldInvalidResponse(const QString& path);
// 500 SYSTEM_ERROR: a storage failure; the outcome of a state-changing call is unknown to the client.
HttpResponse systemErrorResponse();

} // namespace sim
} // namespace pos
