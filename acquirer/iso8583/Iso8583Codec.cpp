// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/Iso8583Codec.h"

#include "acquirer/iso8583/CodecErrors.h"
#include "acquirer/iso8583/FieldCodec.h"

namespace pos {
namespace acquirer {
namespace {

bool isMti(const QString& mti)
{
    if (mti.size() != 4)
        return false;
    for (const QChar c : mti) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

bool bitIsSet(QByteArrayView bitmap, int field)
{
    const int bit = field - 1;
    return (static_cast<unsigned char>(bitmap[bit / 8]) & (0x80 >> (bit % 8))) != 0;
}

void setBit(QByteArray& bitmap, int field)
{
    const int bit = field - 1;
    bitmap[bit / 8] = static_cast<char>(static_cast<unsigned char>(bitmap[bit / 8]) | (0x80 >> (bit % 8)));
}

// Fails with "<part> at offset N: truncated (k of n bytes)" when fewer than `size` bytes are left.
Result<void>
requireBytes(QByteArrayView body, qsizetype pos, qsizetype size, const char* part, qsizetype baseOffset)
{
    if (body.size() - pos >= size)
        return {};
    return malformedMessage(QStringLiteral("%1 at offset %2: truncated (%3 of %4 bytes)")
                                .arg(QLatin1String(part))
                                .arg(pos + baseOffset)
                                .arg(body.size() - pos)
                                .arg(size));
}

} // namespace

Iso8583Codec::Iso8583Codec(FieldTable table, FrameConfig frameConfig)
    : m_table(std::move(table))
    , m_frame(frameConfig)
{}

Result<QByteArray> Iso8583Codec::encode(const IsoMessage& message) const
{
    if (message.tpdu().size() != tpduSize)
        return unencodableMessage(
            QStringLiteral("TPDU has %1 bytes, expected %2").arg(message.tpdu().size()).arg(tpduSize));
    if (message.header().size() != headerSize) {
        return unencodableMessage(
            QStringLiteral("header has %1 bytes, expected %2").arg(message.header().size()).arg(headerSize));
    }
    Result<QByteArray> isoPart = encodeIsoPart(message, false);
    if (!isoPart)
        return isoPart;
    return QByteArray(message.tpdu() + message.header() + isoPart.value());
}

Result<QByteArray> Iso8583Codec::encodeIsoPart(const IsoMessage& message, bool forMac) const
{
    if (!isMti(message.mti()))
        return unencodableMessage(QStringLiteral("MTI is not 4 decimal digits"));

    QByteArray bitmap(bitmapSize, '\0');
    QByteArray fields;
    fields.reserve(512);
    for (int number = 1; number <= IsoMessage::maxFieldNumber; ++number) {
        if (!message.hasField(number))
            continue;
        const FieldSpec* spec = m_table.spec(number);
        if (!spec)
            return unencodableMessage(QStringLiteral("field %1 is not in the field table").arg(number));
        if (forMac && number == IsoField::Mac)
            continue;
        if (const Result<void> encoded = encodeField(*spec, message.field(number), fields); !encoded)
            return Failure{encoded.error()};
        setBit(bitmap, number);
    }
    if (forMac)
        setBit(bitmap, IsoField::Mac);
    return QByteArray(QByteArray::fromHex(message.mti().toLatin1()) + bitmap + fields);
}

Result<IsoMessage> Iso8583Codec::decode(QByteArrayView body) const
{
    return decodeAt(body, 0);
}

Result<IsoMessage> Iso8583Codec::decodeAt(QByteArrayView body, qsizetype baseOffset) const
{
    IsoMessage message;
    qsizetype pos = 0;
    if (const Result<void> ok = requireBytes(body, pos, tpduSize, "TPDU", baseOffset); !ok)
        return Failure{ok.error()};
    message.setTpdu(body.sliced(pos, tpduSize).toByteArray());
    pos += tpduSize;
    if (const Result<void> ok = requireBytes(body, pos, headerSize, "header", baseOffset); !ok)
        return Failure{ok.error()};
    message.setHeader(body.sliced(pos, headerSize).toByteArray());
    pos += headerSize;

    if (const Result<void> ok = requireBytes(body, pos, mtiSize, "MTI", baseOffset); !ok)
        return Failure{ok.error()};
    const QByteArrayView mti = body.sliced(pos, mtiSize);
    if (bcdValue(mti) < 0) {
        return malformedMessage(
            QStringLiteral("MTI at offset %1: %2 is not BCD").arg(pos + baseOffset).arg(hexForDetail(mti)));
    }
    message.setMti(QString::fromLatin1(mti.toByteArray().toHex()));
    pos += mtiSize;

    if (const Result<void> ok = requireBytes(body, pos, bitmapSize, "bitmap", baseOffset); !ok)
        return Failure{ok.error()};
    const QByteArrayView bitmap = body.sliced(pos, bitmapSize);
    const qsizetype bitmapOffset = pos + baseOffset;
    if (bitIsSet(bitmap, 1)) {
        return malformedMessage(
            QStringLiteral("bitmap at offset %1: bit 1 (secondary bitmap) is set; only the "
                           "primary bitmap is supported")
                .arg(bitmapOffset));
    }
    for (int number = 2; number <= 64; ++number) {
        if (bitIsSet(bitmap, number) && !m_table.contains(number)) {
            return malformedMessage(QStringLiteral("bitmap at offset %1: field %2 is not in the field table")
                                        .arg(bitmapOffset)
                                        .arg(number));
        }
    }
    pos += bitmapSize;

    for (int number = 2; number <= 64; ++number) {
        if (!bitIsSet(bitmap, number))
            continue;
        Result<QByteArray> value = decodeField(*m_table.spec(number), body, pos, baseOffset);
        if (!value)
            return Failure{value.error()};
        message.setField(number, std::move(value).value());
    }
    if (pos != body.size()) {
        return malformedMessage(QStringLiteral("offset %1: %2 trailing bytes after the last field")
                                    .arg(pos + baseOffset)
                                    .arg(body.size() - pos));
    }
    return message;
}

Result<QByteArray> Iso8583Codec::encodeFrame(const IsoMessage& message) const
{
    const Result<QByteArray> body = encode(message);
    if (!body)
        return body;
    return m_frame.wrap(body.value());
}

Result<IsoMessage> Iso8583Codec::decodeFrame(QByteArrayView frame) const
{
    const Result<QByteArray> body = m_frame.unwrap(frame);
    if (!body)
        return Failure{body.error()};
    return decodeAt(body.value(), FrameCodec::prefixSize);
}

Result<QByteArray> Iso8583Codec::macBlock(const IsoMessage& message) const
{
    return encodeIsoPart(message, true);
}

} // namespace acquirer
} // namespace pos
