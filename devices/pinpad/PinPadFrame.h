// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>

#include <optional>
#include <variant>

// The PIN pad wire format of docs/pinpad-protocol.md §1–§2, driver side: frames
// (STX · hex(CMD STATE LEN DATA BCC) · ETX) and the tagged items inside DATA. Pure functions and a byte-fed
// reader; no I/O, so the framing can be tested and fuzzed on its own. Values may be card data: nothing here
// logs or copies them beyond what the caller receives.
namespace pos {
namespace devices {

inline constexpr char pinPadStx = 0x02;
inline constexpr char pinPadEtx = 0x03;
inline constexpr char pinPadNak = 0x15;
inline constexpr int pinPadMaxDataLength = 4096; // [A] LEN limit of §1

struct PinPadFrame
{
    quint8 command = 0;
    quint8 state = 0; // 00 in requests and events; the result in replies (§3)
    QByteArray data;  // tagged items (§2)

    bool isEvent() const { return command >= 0x80 && command <= 0x8F; }
};

// The bytes on the wire for frame. data longer than pinPadMaxDataLength is the caller's bug (asserted).
QByteArray encodePinPadFrame(const PinPadFrame& frame);

// What the reader found in the byte stream, in order.
struct PinPadNakReceived
{};
struct PinPadInvalidFrame
{
    QString detail; // why (for the log; never quotes the frame's content)
};
using PinPadReadItem = std::variant<PinPadFrame, PinPadNakReceived, PinPadInvalidFrame>;

// Reassembles frames from arbitrary chunks (split, merged, with garbage between them). A NAK byte outside a
// frame is reported; other bytes outside a frame are dropped; an invalid frame (bad hex, bad BCC, LEN not
// matching, too long) is reported so the receiver answers NAK. Bounded memory: an unterminated frame longer
// than the largest valid one is reported invalid and dropped.
class PinPadFrameReader
{
public:
    void feed(QByteArrayView bytes);
    // The next complete item, or nothing until more bytes arrive.
    std::optional<PinPadReadItem> next();
    void clear();

private:
    QByteArray m_buffer;
    bool m_inFrame = false;
};

// Tagged items (§2): TAG(1) LENGTH(2, big-endian) VALUE.
struct PinPadItem
{
    quint8 tag = 0;
    QByteArray value;
};
QByteArray encodePinPadItems(const QList<PinPadItem>& items);
// Strict: every length checked against the remaining bytes; a repeated tag or trailing bytes are errors.
// The map holds each tag once.
Result<QMap<quint8, QByteArray>> decodePinPadItems(QByteArrayView data);

} // namespace devices
} // namespace pos
