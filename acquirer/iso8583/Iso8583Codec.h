// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/iso8583/FieldSpec.h"
#include "acquirer/iso8583/FrameCodec.h"
#include "acquirer/iso8583/IsoMessage.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

// Table-driven CUP POS ISO 8583 codec (acquirer-protocol.md §1, §2). Layout of a body:
//   TPDU (5) | header (6) | MTI (2, BCD) | primary bitmap (8) | fields 2..64 in ascending order
// and a frame is a body behind its 2-byte length prefix (FrameCodec).
//
// Strict both ways. decode() checks every length, nibble and text byte against the field table, rejects
// bit 1 (secondary bitmap), bits naming a field the table lacks, and trailing bytes; it never reads past
// the buffer. Its errors are ProtocolViolation with a translated userMessage and a detail that names the
// field and the byte offset ("field 35 at offset 48: LL 0x99 exceeds max 37") but never the contents of
// sensitive fields. encode() refuses what decode() would reject (InvalidInput). For every message encode()
// accepts, decode(encode(m)) reproduces m, except that short fixed an/ans values come back space-padded;
// and encode(decode(b)) == b for every body decode() accepts.
//
// Stateless apart from its configuration; safe to use from several threads.
namespace pos {
namespace acquirer {

class Iso8583Codec final
{
public:
    static constexpr qsizetype tpduSize = 5;
    static constexpr qsizetype headerSize = 6;
    static constexpr qsizetype mtiSize = 2;
    static constexpr qsizetype bitmapSize = 8;

    explicit Iso8583Codec(FieldTable table = FieldTable::cupDefault(), FrameConfig frameConfig = {});

    const FieldTable& table() const { return m_table; }
    const FrameCodec& frameCodec() const { return m_frame; }

    // The body: TPDU, header, MTI, bitmap and fields, without the length prefix.
    Result<QByteArray> encode(const IsoMessage& message) const;
    // Inverse of encode(); error offsets count from body[0].
    Result<IsoMessage> decode(QByteArrayView body) const;

    // encode() behind the length prefix: the bytes to write to the socket.
    Result<QByteArray> encodeFrame(const IsoMessage& message) const;
    // One complete frame, length prefix included; error offsets count from frame[0].
    Result<IsoMessage> decodeFrame(QByteArrayView frame) const;

    // The MAC block (MAB) for the MAC in field 64 (§6.3): MTI, the bitmap with bit 64 set, and fields 2..63
    // exactly as encode() writes them. Excludes the length prefix, TPDU, header and field 64 itself (which
    // message may or may not hold yet). Because decode() is strict and encode() canonical, the MAB of a
    // decoded message equals the bytes the sender MAC'd.
    Result<QByteArray> macBlock(const IsoMessage& message) const;

private:
    Result<QByteArray> encodeIsoPart(const IsoMessage& message, bool forMac) const;
    Result<IsoMessage> decodeAt(QByteArrayView body, qsizetype baseOffset) const;

    FieldTable m_table;
    FrameCodec m_frame;
};

} // namespace acquirer
} // namespace pos
