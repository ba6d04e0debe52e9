// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/iso8583/FieldSpec.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

// Wire coding of one field as its FieldSpec describes it. Iso8583Codec strings these together; they are
// public for the structured-field code and for tests.
namespace pos {
namespace acquirer {

// Value of 1..4 bytes of packed BCD, or -1 when any nibble is above 9.
int bcdValue(QByteArrayView bytes);
// value as byteCount bytes of packed BCD, zero-filled on the left. Precondition: 0 <= value fits.
QByteArray bcdFromValue(int value, qsizetype byteCount);

// Every byte printable ASCII (0x20..0x7E). On false, *badIndex (if given) is the index of the first bad byte.
bool isPrintableAscii(QByteArrayView bytes, qsizetype* badIndex = nullptr);
// Printable ASCII and GBK double-byte characters (lead 0x81..0xFE, trail 0x40..0x7E or 0x80..0xFE).
// Structure only: an unassigned double-byte code passes; GB18030 four-byte sequences do not.
bool isGbkText(QByteArrayView bytes, qsizetype* badIndex = nullptr);

// Reads the field that starts at data[pos] (length prefix, then content) and advances pos past it. Checks
// the prefix (BCD, <= maxLength), that the bytes are there, every nibble (n: 0-9, z: any hex digit, pad: 0)
// and text bytes (an/ans: printable ASCII, GBK fields also GBK). Never reads outside data. Errors are
// ProtocolViolation; their details give offsets as (index in data + baseOffset).
Result<QByteArray>
decodeField(const FieldSpec& spec, QByteArrayView data, qsizetype& pos, qsizetype baseOffset);

// Validates value (the stored form, see IsoMessage) against spec and appends length prefix and content to
// out. Fixed an/ans values shorter than the field are padded on the right with spaces; every other fixed
// value must have exactly the field's length. Errors are InvalidInput; out is unchanged on error.
Result<void> encodeField(const FieldSpec& spec, QByteArrayView value, QByteArray& out);

} // namespace acquirer
} // namespace pos
