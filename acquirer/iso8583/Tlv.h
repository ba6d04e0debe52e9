// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

// BER-TLV as EMV uses it (EMV Book 3 Annex B), for field 55 and other IC data.
//
// Tags: 1 to 4 bytes. A first byte whose low 5 bits are all 1 (0x1F) is followed by more tag bytes, each
// with bit 8 set except the last. Bit 6 of the first byte marks a constructed object.
// Lengths: short form 0x00..0x7F, long form 0x81 xx and 0x82 xx xx. Cards often send 0x81 for lengths
// below 128 (non-minimal); that is accepted and remembered, so encoding reproduces the received bytes.
// Rejected: 0x80 (indefinite), 0x83 and longer forms, a tag or length cut off by the end of the data, a
// value running past the end, and 0x00/0xFF "padding" bytes between objects (F55 does not use them).
// Errors are ProtocolViolation; details name the tag and the byte offset, never the value.
namespace pos {
namespace acquirer {

enum class TlvLengthForm {
    Short,   // one byte 0x00..0x7F (what encoding picks for lengths < 128)
    LongOne, // 0x81 xx
    LongTwo, // 0x82 xx xx
};

struct TlvElement
{
    quint32 tag = 0; // the tag bytes as a big-endian number: 0x9F26 for 9F 26
    QByteArray value;
    // Sub-objects of a constructed object, when decoded with recurseIntoConstructed. If non-empty,
    // encodeTlv() writes them instead of value.
    QList<TlvElement> children;
    // The length form as received. encodeTlv() keeps it when the length fits, else uses the minimal form.
    TlvLengthForm lengthForm = TlvLengthForm::Short;

    bool isConstructed() const;
    friend bool operator==(const TlvElement& a, const TlvElement& b)
    {
        return a.tag == b.tag && a.value == b.value && a.children == b.children &&
               a.lengthForm == b.lengthForm;
    }
    friend bool operator!=(const TlvElement& a, const TlvElement& b) { return !(a == b); }
};

struct TlvDecodeOptions
{
    bool recurseIntoConstructed = false;
    int maxDepth = 8; // nesting limit when recursing
};

// Decodes a sequence of TLV objects filling data exactly. Error offsets are (index in data + baseOffset).
Result<QList<TlvElement>>
decodeTlv(QByteArrayView data, TlvDecodeOptions options = {}, qsizetype baseOffset = 0);
// InvalidInput for a tag that is not a well-formed BER tag or a value longer than 65535 bytes.
Result<QByteArray> encodeTlv(const QList<TlvElement>& elements);

// "9F26"
QString tlvTagHex(quint32 tag);
// Inverse of tlvTagHex(); InvalidInput unless the text is the hex of a well-formed tag.
Result<quint32> tlvTagFromHex(QStringView hex);
// The first top-level element with this tag, or nullptr.
const TlvElement* findTlv(const QList<TlvElement>& elements, quint32 tag);

} // namespace acquirer
} // namespace pos
