// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/ApiJson.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace pos {
namespace sim {

std::optional<QJsonObject> parseJsonObject(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QJsonValue jsonValueAt(const QJsonObject& root, QStringView dottedPath)
{
    QJsonValue value(root);
    for (const QStringView part : dottedPath.split(QLatin1Char('.'))) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(part);
    }
    return value;
}

std::optional<qint64> jsonInteger(const QJsonValue& value, qint64 minimum, qint64 maximum)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    // Integers above 2^53 are not exact in JSON numbers read as doubles; no API value gets near.
    if (!std::isfinite(number) || std::floor(number) != number || number < -9.0e15 || number > 9.0e15)
        return std::nullopt;
    const auto integer = static_cast<qint64>(number);
    if (integer < minimum || integer > maximum)
        return std::nullopt;
    return integer;
}

QString JsonFieldReader::text(const QString& path, int maxLength)
{
    const QJsonValue value = jsonValueAt(m_root, path);
    const QString string = value.toString();
    if (!value.isString() || string.isEmpty() || string.size() > maxLength) {
        invalid(path);
        return QString();
    }
    return string;
}

QString JsonFieldReader::choice(const QString& path, const QStringList& choices)
{
    const QString string = text(path);
    if (!string.isEmpty() && !choices.contains(string)) {
        invalid(path);
        return QString();
    }
    return string;
}

QString JsonFieldReader::dateOrLongTerm(const QString& path)
{
    const QString string = text(path, 10);
    if (string.isEmpty() || string == QLatin1String("long-term"))
        return string;
    if (string.size() != 10 || !QDate::fromString(string, Qt::ISODate).isValid()) {
        invalid(path);
        return QString();
    }
    return string;
}

std::optional<qint64> JsonFieldReader::integer(const QString& path, qint64 minimum, qint64 maximum)
{
    const std::optional<qint64> value = jsonInteger(jsonValueAt(m_root, path), minimum, maximum);
    if (!value)
        invalid(path);
    return value;
}

void JsonFieldReader::invalid(const QString& path)
{
    if (m_badPath.isEmpty())
        m_badPath = path;
}

HttpResponse fieldInvalidResponse(const QString& path)
{
    if (path.isEmpty())
        return HttpResponse::error(
            400, "FIELD_INVALID",
            QCoreApplication::translate("pos::sim::ApiServer", "The body is not a JSON object."));
    return HttpResponse::error(
        400, "FIELD_INVALID",
        QCoreApplication::translate("pos::sim::ApiServer", "Field %1 is missing or invalid.").arg(path));
}

HttpResponse systemErrorResponse()
{
    return HttpResponse::error(
        500, "SYSTEM_ERROR",
        QCoreApplication::translate("pos::sim::ApiServer", "The acquirer could not process the request."));
}

} // namespace sim
} // namespace pos
