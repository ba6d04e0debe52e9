// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/FrameCodec.h"

#include "acquirer/iso8583/CodecErrors.h"
#include "acquirer/iso8583/FieldCodec.h"

namespace pos {
namespace acquirer {

Result<QByteArray> FrameCodec::wrap(QByteArrayView body) const
{
    if (body.isEmpty() || body.size() > m_config.maxFrameSize) {
        return unencodableMessage(QStringLiteral("frame: body of %1 bytes outside 1..%2")
                                      .arg(body.size())
                                      .arg(m_config.maxFrameSize));
    }
    const int length = static_cast<int>(body.size());
    QByteArray frame;
    frame.reserve(prefixSize + body.size());
    if (m_config.lengthEncoding == FrameLengthEncoding::Bcd) {
        if (length > 9999)
            return unencodableMessage(QStringLiteral("frame: %1 bytes do not fit a BCD length").arg(length));
        frame.append(bcdFromValue(length, prefixSize));
    } else {
        frame.append(static_cast<char>((length >> 8) & 0xFF));
        frame.append(static_cast<char>(length & 0xFF));
    }
    frame.append(body);
    return frame;
}

Result<qsizetype> FrameCodec::readLength(QByteArrayView prefix, qsizetype streamOffset) const
{
    if (prefix.size() < prefixSize) {
        return malformedMessage(QStringLiteral("frame at offset %1: length prefix truncated (%2 of %3 bytes)")
                                    .arg(streamOffset)
                                    .arg(prefix.size())
                                    .arg(prefixSize));
    }
    prefix = prefix.first(prefixSize);
    qsizetype length = 0;
    if (m_config.lengthEncoding == FrameLengthEncoding::Bcd) {
        const int value = bcdValue(prefix);
        if (value < 0) {
            return malformedMessage(QStringLiteral("frame at offset %1: length %2 is not BCD")
                                        .arg(streamOffset)
                                        .arg(hexForDetail(prefix)));
        }
        length = value;
    } else {
        length = (static_cast<unsigned char>(prefix[0]) << 8) | static_cast<unsigned char>(prefix[1]);
    }
    if (length == 0)
        return malformedMessage(QStringLiteral("frame at offset %1: length 0").arg(streamOffset));
    if (length > m_config.maxFrameSize) {
        return malformedMessage(QStringLiteral("frame at offset %1: length %2 (%3 bytes) exceeds max %4")
                                    .arg(streamOffset)
                                    .arg(hexForDetail(prefix))
                                    .arg(length)
                                    .arg(m_config.maxFrameSize));
    }
    return length;
}

Result<QByteArray> FrameCodec::unwrap(QByteArrayView frame) const
{
    const Result<qsizetype> length = readLength(frame, 0);
    if (!length)
        return Failure{length.error()};
    const qsizetype following = frame.size() - prefixSize;
    if (following != length.value()) {
        return malformedMessage(QStringLiteral("frame at offset 0: length prefix says %1 bytes, %2 follow")
                                    .arg(length.value())
                                    .arg(following));
    }
    return frame.sliced(prefixSize).toByteArray();
}

Result<QList<QByteArray>> FrameReassembler::feed(QByteArrayView chunk)
{
    if (m_error)
        return Failure{*m_error};
    m_buffer.append(chunk);
    QList<QByteArray> frames;
    qsizetype consumed = 0;
    while (m_buffer.size() - consumed >= FrameCodec::prefixSize) {
        const Result<qsizetype> length =
            m_codec.readLength(QByteArrayView(m_buffer).sliced(consumed), m_streamOffset + consumed);
        if (!length) {
            m_error = length.error();
            m_buffer.clear();
            return Failure{*m_error};
        }
        if (m_buffer.size() - consumed - FrameCodec::prefixSize < length.value())
            break;
        frames.append(m_buffer.sliced(consumed + FrameCodec::prefixSize, length.value()));
        consumed += FrameCodec::prefixSize + length.value();
    }
    m_buffer.remove(0, consumed);
    m_streamOffset += consumed;
    return frames;
}

void FrameReassembler::reset()
{
    m_buffer.clear();
    m_streamOffset = 0;
    m_error.reset();
}

} // namespace acquirer
} // namespace pos
