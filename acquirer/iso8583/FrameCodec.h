// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

// Framing of the acquirer link (acquirer-protocol.md §1): every message travels as a 2-byte length prefix
// followed by that many bytes (TPDU, header, ISO part). The prefix does not count itself.
namespace pos {
namespace acquirer {

// [A] Binary big-endian is the CUP default (jPOS NACChannel); some hosts use 4 BCD digits (NCCChannel).
enum class FrameLengthEncoding { Binary, Bcd };

struct FrameConfig
{
    FrameLengthEncoding lengthEncoding = FrameLengthEncoding::Binary;
    // Largest accepted length-prefix value, in bytes after the prefix. Must be 1..65535 (1..9999 for BCD).
    int maxFrameSize = 2048;
};

class FrameCodec final
{
public:
    static constexpr qsizetype prefixSize = 2;

    explicit FrameCodec(FrameConfig config = {}) : m_config(config) {}
    const FrameConfig& config() const { return m_config; }

    // body with its length prefix. InvalidInput when body is empty or larger than maxFrameSize.
    Result<QByteArray> wrap(QByteArrayView body) const;
    // The body of a buffer holding exactly one frame. ProtocolViolation when the prefix is truncated, not
    // BCD (BCD mode), zero, above maxFrameSize, or disagrees with the bytes that follow.
    Result<QByteArray> unwrap(QByteArrayView frame) const;
    // The body length announced by the 2 prefix bytes; streamOffset is where they sit, for the detail.
    Result<qsizetype> readLength(QByteArrayView prefix, qsizetype streamOffset) const;

private:
    FrameConfig m_config;
};

// Reassembles frames from a byte stream read in arbitrary chunks (a TCP socket): one chunk may carry part
// of a frame, several frames, or both. Not thread-safe; one per connection.
class FrameReassembler final
{
public:
    explicit FrameReassembler(FrameConfig config = {}) : m_codec(config) {}

    // Appends a chunk and returns the bodies of every frame it completed, in order (possibly none). A bad
    // length prefix (see FrameCodec::unwrap) fails with its stream offset; the stream cannot be
    // resynchronised after that, so every later call fails the same way until reset() (close the
    // connection). Oversized frames are rejected on their prefix, before their bytes are buffered.
    Result<QList<QByteArray>> feed(QByteArrayView chunk);
    // Drops buffered bytes and any error: for a new connection.
    void reset();
    // Bytes held back waiting for the rest of a frame.
    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    FrameCodec m_codec;
    QByteArray m_buffer;
    qsizetype m_streamOffset = 0; // stream offset of m_buffer[0]
    std::optional<Error> m_error;
};

} // namespace acquirer
} // namespace pos
