// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/pinpad/PinPadWire.h"

namespace pos {
namespace sim {
namespace {

constexpr char stx = 0x02;
constexpr char etx = 0x03;
constexpr char nak = 0x15;
constexpr int maxData = 4096;

std::optional<PadMessage> parseInner(const QByteArray& hexText)
{
    for (const char c : hexText) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    }
    if (hexText.size() % 2 != 0)
        return std::nullopt;
    const QByteArray inner = QByteArray::fromHex(hexText);
    if (inner.size() < 5)
        return std::nullopt;
    const auto u8 = [&inner](qsizetype i) { return static_cast<quint8>(inner[i]); };
    const int length = u8(2) * 256 + u8(3);
    if (length > maxData || inner.size() != length + 5)
        return std::nullopt;
    quint8 check = 0;
    for (qsizetype i = 0; i + 1 < inner.size(); ++i)
        check = static_cast<quint8>(check ^ u8(i));
    if (check != u8(inner.size() - 1))
        return std::nullopt;
    PadMessage message{u8(0), u8(1), {}};
    qsizetype at = 4;
    const qsizetype end = 4 + length;
    while (at < end) {
        if (end - at < 3)
            return std::nullopt;
        const quint8 tag = u8(at);
        const int size = u8(at + 1) * 256 + u8(at + 2);
        if (size > end - at - 3)
            return std::nullopt;
        message.items.insert(tag, inner.mid(at + 3, size));
        at += 3 + size;
    }
    return message;
}

} // namespace

QByteArray padWireFrame(const PadMessage& message)
{
    QByteArray data;
    for (auto it = message.items.cbegin(); it != message.items.cend(); ++it) {
        data += static_cast<char>(it.key());
        data += static_cast<char>(it.value().size() / 256);
        data += static_cast<char>(it.value().size() % 256);
        data += it.value();
    }
    QByteArray inner;
    inner += static_cast<char>(message.command);
    inner += static_cast<char>(message.state);
    inner += static_cast<char>(data.size() / 256);
    inner += static_cast<char>(data.size() % 256);
    inner += data;
    char check = 0;
    for (const char c : std::as_const(inner))
        check = static_cast<char>(check ^ c);
    inner += check;
    return stx + inner.toHex().toUpper() + etx;
}

std::optional<PadWireReader::Item> PadWireReader::take()
{
    while (!m_pending.isEmpty()) {
        if (m_pending.front() == nak) {
            m_pending.remove(0, 1);
            return Item{Kind::Nak, {}};
        }
        if (m_pending.front() != stx) {
            m_pending.remove(0, 1);
            continue;
        }
        const qsizetype close = m_pending.indexOf(etx);
        const qsizetype nextStart = m_pending.indexOf(stx, 1);
        if (nextStart != -1 && (close == -1 || nextStart < close)) {
            m_pending.remove(0, nextStart);
            return Item{Kind::Invalid, {}};
        }
        if (close == -1) {
            if (m_pending.size() > 2 * (maxData + 5) + 2) {
                m_pending.clear();
                return Item{Kind::Invalid, {}};
            }
            return std::nullopt;
        }
        const QByteArray hexText = m_pending.mid(1, close - 1);
        m_pending.remove(0, close + 1);
        if (std::optional<PadMessage> message = parseInner(hexText))
            return Item{Kind::Message, std::move(*message)};
        return Item{Kind::Invalid, {}};
    }
    return std::nullopt;
}

} // namespace sim
} // namespace pos
