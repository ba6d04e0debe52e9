// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/iso8583/FieldSpec.h"
#include "acquirer/iso8583/IsoMessage.h"
#include "core/Result.h"

#include <QJsonObject>

// The JSON form of an ISO 8583 message that pos-tool iso8583 prints (decode) and reads (encode):
//   {"tpdu": "6000030000", "header": "603100310000", "mti": "0200",
//    "fields": {"2": "6225…", "22": "021", "35": "6225…D2512…", "52": "F770…", "60": "22000001000"}}
// n and z fields as digit strings without padding (track separator 'D'), an/ans fields as text (GBK fields
// decoded), b fields and TPDU/header as upper-case hex. Field keys are decimal field numbers.
namespace pos {
namespace cli {

// Strict hex (an even number of hex digits, nothing else) as bytes; InvalidInput naming `what` otherwise.
Result<QByteArray> bytesFromHex(const QString& text, const QString& what);

QJsonObject isoMessageToJson(const acquirer::IsoMessage& message, const acquirer::FieldTable& table);

// Inverse of isoMessageToJson(). Ignores a "parsed" member (decode output can be fed back as it is) and
// refuses every other unknown member, field numbers outside the table, non-string values, bad hex and text
// an ASCII field cannot hold (InvalidInput, English messages). Field values are checked by the encoder.
Result<acquirer::IsoMessage> isoMessageFromJson(const QJsonObject& json, const acquirer::FieldTable& table);

// The subfields of the structured fields present (acquirer-protocol.md §4), keyed by field number:
// "60": {"60.1": "22", …}, "61": {"61.1": …}, "53": {"53.1": "2", …}, "55": {"9F26": HEX, …},
// "48": settlement totals (0500/0510) or the batch-upload count (0320/0330 with 60.3 202/207),
// "63": {"63.1": "CUP", "63.2": text} in responses. ProtocolViolation when a present field does not parse.
Result<QJsonObject> parsedFieldsToJson(const acquirer::IsoMessage& message);

} // namespace cli
} // namespace pos
