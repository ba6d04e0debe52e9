// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/usb/Ieee1284Id.h"

#include <QCoreApplication>

namespace pos {
namespace devices {
namespace {

struct Ieee1284Text
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::Ieee1284Id)
};

QString canonicalKey(const QString& key)
{
    const QString upper = key.trimmed().toUpper();
    if (upper == QLatin1String("MANUFACTURER"))
        return QStringLiteral("MFG");
    if (upper == QLatin1String("MODEL"))
        return QStringLiteral("MDL");
    if (upper == QLatin1String("COMMAND SET"))
        return QStringLiteral("CMD");
    return upper;
}

} // namespace

QString Ieee1284Id::manufacturer() const
{
    return fields.value(QStringLiteral("MFG"));
}

QString Ieee1284Id::model() const
{
    return fields.value(QStringLiteral("MDL"));
}

QStringList Ieee1284Id::commandSets() const
{
    QStringList sets;
    for (const QString& set :
         fields.value(QStringLiteral("CMD")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString trimmed = set.trimmed(); !trimmed.isEmpty())
            sets.append(trimmed);
    }
    return sets;
}

bool Ieee1284Id::speaksEscPos() const
{
    for (const QString& set : commandSets()) {
        const QString upper = set.toUpper();
        if (upper == QLatin1String("ESC/POS") || upper == QLatin1String("ESCPOS"))
            return true;
    }
    return false;
}

QString Ieee1284Id::toString() const
{
    QString text;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        text += it.key() + QLatin1Char(':') + it.value() + QLatin1Char(';');
    return text;
}

Ieee1284Id parseIeee1284Id(const QString& text)
{
    Ieee1284Id id;
    for (const QString& pair : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype colon = pair.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString key = canonicalKey(pair.left(colon));
        if (key.isEmpty() || id.fields.contains(key))
            continue;
        id.fields.insert(key, pair.mid(colon + 1).trimmed());
    }
    return id;
}

Result<Ieee1284Id> parseIeee1284Reply(QByteArrayView reply)
{
    const auto bad = [](const QString& detail) {
        return fail(ErrorCode::InvalidInput, Ieee1284Text::tr("The printer sent an unreadable device id."),
                    QStringLiteral("IEEE 1284 id: %1").arg(detail));
    };
    if (reply.size() < 2)
        return bad(QStringLiteral("reply of %1 bytes").arg(reply.size()));
    const int length = (static_cast<quint8>(reply.at(0)) << 8) | static_cast<quint8>(reply.at(1));
    if (length < 2 || length > reply.size())
        return bad(QStringLiteral("length %1 in a reply of %2 bytes").arg(length).arg(reply.size()));
    return parseIeee1284Id(QString::fromLatin1(reply.sliced(2, length - 2)));
}

} // namespace devices
} // namespace pos
