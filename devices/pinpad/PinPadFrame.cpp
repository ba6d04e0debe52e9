// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/pinpad/PinPadFrame.h"

#include <QCoreApplication>

namespace pos {
namespace devices {
namespace {

struct FrameText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::PinPadFrame)
};

// CMD STATE LEN(2) DATA BCC, as hex: the longest frame body the reader accepts.
constexpr qsizetype maxHexBody = 2 * (1 + 1 + 2 + pinPadMaxDataLength + 1);

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

PinPadReadItem parseBody(QByteArrayView hex)
{
    if (hex.size() % 2 != 0)
        return PinPadInvalidFrame{QStringLiteral("odd number of hex characters (%1)").arg(hex.size())};
    QByteArray inner;
    inner.reserve(hex.size() / 2);
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        const int high = hexValue(hex.at(i));
        const int low = hexValue(hex.at(i + 1));
        if (high < 0 || low < 0)
            return PinPadInvalidFrame{
                QStringLiteral("non-hex character at offset %1").arg(i + (high < 0 ? 1 : 2))};
        inner.append(static_cast<char>((high << 4) | low));
    }
    if (inner.size() < 5)
        return PinPadInvalidFrame{QStringLiteral("frame of %1 bytes, shorter than 5").arg(inner.size())};
    const auto byteAt = [&inner](qsizetype i) { return static_cast<quint8>(inner.at(i)); };
    const int length = (byteAt(2) << 8) | byteAt(3);
    if (length > pinPadMaxDataLength)
        return PinPadInvalidFrame{QStringLiteral("LEN %1 above %2").arg(length).arg(pinPadMaxDataLength)};
    if (inner.size() != 4 + length + 1)
        return PinPadInvalidFrame{
            QStringLiteral("LEN %1 but %2 data bytes").arg(length).arg(inner.size() - 5)};
    quint8 bcc = 0;
    for (qsizetype i = 0; i < inner.size() - 1; ++i)
        bcc ^= byteAt(i);
    if (bcc != byteAt(inner.size() - 1))
        return PinPadInvalidFrame{QStringLiteral("bad BCC")};
    return PinPadFrame{byteAt(0), byteAt(1), inner.mid(4, length)};
}

} // namespace

QByteArray encodePinPadFrame(const PinPadFrame& frame)
{
    Q_ASSERT(frame.data.size() <= pinPadMaxDataLength);
    QByteArray inner;
    inner.reserve(frame.data.size() + 5);
    inner.append(static_cast<char>(frame.command));
    inner.append(static_cast<char>(frame.state));
    inner.append(static_cast<char>((frame.data.size() >> 8) & 0xFF));
    inner.append(static_cast<char>(frame.data.size() & 0xFF));
    inner.append(frame.data);
    quint8 bcc = 0;
    for (const char byte : std::as_const(inner))
        bcc ^= static_cast<quint8>(byte);
    inner.append(static_cast<char>(bcc));
    QByteArray wire;
    wire.reserve(inner.size() * 2 + 2);
    wire.append(pinPadStx);
    wire.append(inner.toHex().toUpper());
    wire.append(pinPadEtx);
    return wire;
}

void PinPadFrameReader::feed(QByteArrayView bytes)
{
    m_buffer.append(bytes.data(), bytes.size());
}

void PinPadFrameReader::clear()
{
    m_buffer.clear();
    m_inFrame = false;
}

std::optional<PinPadReadItem> PinPadFrameReader::next()
{
    while (!m_buffer.isEmpty()) {
        if (!m_inFrame) {
            const char first = m_buffer.at(0);
            if (first == pinPadNak) {
                m_buffer.remove(0, 1);
                return PinPadNakReceived{};
            }
            if (first != pinPadStx) {
                m_buffer.remove(0, 1); // noise outside a frame
                continue;
            }
            m_inFrame = true;
        }
        // m_buffer[0] is the STX of the frame being read.
        const qsizetype end = m_buffer.indexOf(pinPadEtx, 1);
        const qsizetype restart = m_buffer.indexOf(pinPadStx, 1);
        if (restart > 0 && (end < 0 || restart < end)) {
            // A new STX before this frame's ETX: the frame was cut. Report it; resume at the new STX.
            m_buffer.remove(0, restart);
            return PinPadInvalidFrame{QStringLiteral("frame cut by a new STX")};
        }
        if (end < 0) {
            if (m_buffer.size() - 1 > maxHexBody) {
                m_buffer.clear();
                m_inFrame = false;
                return PinPadInvalidFrame{QStringLiteral("no ETX within the longest frame")};
            }
            return std::nullopt; // wait for the rest
        }
        const QByteArray body = m_buffer.mid(1, end - 1);
        m_buffer.remove(0, end + 1);
        m_inFrame = false;
        if (body.size() > maxHexBody)
            return PinPadInvalidFrame{QStringLiteral("frame longer than the longest valid one")};
        return parseBody(body);
    }
    return std::nullopt;
}

QByteArray encodePinPadItems(const QList<PinPadItem>& items)
{
    QByteArray data;
    for (const PinPadItem& item : items) {
        data.append(static_cast<char>(item.tag));
        data.append(static_cast<char>((item.value.size() >> 8) & 0xFF));
        data.append(static_cast<char>(item.value.size() & 0xFF));
        data.append(item.value);
    }
    return data;
}

Result<QMap<quint8, QByteArray>> decodePinPadItems(QByteArrayView data)
{
    QMap<quint8, QByteArray> items;
    qsizetype offset = 0;
    while (offset < data.size()) {
        if (data.size() - offset < 3)
            return fail(ErrorCode::ProtocolViolation, FrameText::tr("The PIN pad sent a damaged answer."),
                        QStringLiteral("item header cut at offset %1").arg(offset));
        const auto tag = static_cast<quint8>(data.at(offset));
        const qsizetype length =
            (static_cast<quint8>(data.at(offset + 1)) << 8) | static_cast<quint8>(data.at(offset + 2));
        if (length > data.size() - offset - 3)
            return fail(ErrorCode::ProtocolViolation, FrameText::tr("The PIN pad sent a damaged answer."),
                        QStringLiteral("item tag %1 length %2 past the end at offset %3")
                            .arg(tag, 2, 16, QLatin1Char('0'))
                            .arg(length)
                            .arg(offset));
        if (items.contains(tag))
            return fail(ErrorCode::ProtocolViolation, FrameText::tr("The PIN pad sent a damaged answer."),
                        QStringLiteral("item tag %1 repeated at offset %2")
                            .arg(tag, 2, 16, QLatin1Char('0'))
                            .arg(offset));
        items.insert(tag, data.sliced(offset + 3, length).toByteArray());
        offset += 3 + length;
    }
    return items;
}

} // namespace devices
} // namespace pos
