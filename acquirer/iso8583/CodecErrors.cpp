// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/CodecErrors.h"

#include <QCoreApplication>

namespace pos {
namespace acquirer {
namespace {

struct Iso8583Text
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::Iso8583Text)
};

} // namespace

Failure malformedMessage(QString detail)
{
    return fail(ErrorCode::ProtocolViolation, Iso8583Text::tr("The acquirer sent a malformed message."),
                std::move(detail));
}

Failure unencodableMessage(QString detail)
{
    return fail(ErrorCode::InvalidInput, Iso8583Text::tr("The message for the acquirer could not be built."),
                std::move(detail));
}

QString hexForDetail(QByteArrayView bytes)
{
    return QStringLiteral("0x") + QString::fromLatin1(bytes.toByteArray().toHex().toUpper());
}

} // namespace acquirer
} // namespace pos
