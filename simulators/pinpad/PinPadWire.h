// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QMap>

#include <optional>

// The PIN pad emulator's own reading of docs/pinpad-protocol.md §1–§2, written apart from the driver's codec
// (devices/pinpad/PinPadFrame) on purpose: two readings of one spec catch its ambiguities.
namespace pos {
namespace sim {

struct PadMessage
{
    quint8 command = 0;
    quint8 state = 0;
    QMap<quint8, QByteArray> items; // tagged items of DATA (a repeated tag keeps the last)
};

// STX hex(...) ETX of message, with items encoded in ascending tag order.
QByteArray padWireFrame(const PadMessage& message);

// Splits the byte stream: complete messages, NAK bytes and invalid frames in arrival order.
class PadWireReader
{
public:
    enum class Kind { Message, Nak, Invalid };
    struct Item
    {
        Kind kind = Kind::Invalid;
        PadMessage message;
    };
    void append(const QByteArray& bytes) { m_pending += bytes; }
    std::optional<Item> take();

private:
    QByteArray m_pending;
};

} // namespace sim
} // namespace pos
