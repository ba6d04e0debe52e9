// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QString>

// Error construction shared by the ISO 8583, framing, TLV and structured-field code, so every failure of
// one kind carries the same translated userMessage. Details are untranslated, name the field and byte
// offset, and never contain field contents of sensitive fields (isSensitiveField()).
namespace pos {
namespace acquirer {

// Received bytes break the protocol: ErrorCode::ProtocolViolation, "The acquirer sent a malformed message."
Failure malformedMessage(QString detail);
// A message (or structured field) the caller asked to encode is not valid: ErrorCode::InvalidInput.
Failure unencodableMessage(QString detail);

// "0x9A" / "0x0999": upper-case hex of a few bytes (length prefixes, tags), for details. Never use it on
// field contents.
QString hexForDetail(QByteArrayView bytes);

} // namespace acquirer
} // namespace pos
