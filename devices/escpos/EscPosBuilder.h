// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QStringView>

#include <utility>

// Appends ESC/POS commands to a byte buffer (docs/printing.md lists every command with its bytes; sources in
// /work/shared/design/devices.md §1.1). Bytes only: text is encoded here (ASCII, or GB18030 inside Chinese
// mode) and never travels as QString. The builder keeps no printer state and does not check a profile: the
// renderer decides what a printer supports and which mode changes are needed. Methods returning Result leave
// the buffer unchanged on failure (ErrorCode::InvalidInput; detail names the problem, never the payload).
namespace pos {
namespace devices {

class EscPosBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(EscPosBuilder)

public:
    enum class Alignment : char { Left = 0, Centre = 1, Right = 2 };
    enum class QrErrorCorrection : char { Low = 48, Medium = 49, Quartile = 50, High = 51 };
    enum class BarcodeType { Code128, Ean13 };
    enum class HriPosition : char { None = 0, Above = 1, Below = 2, Both = 3 };
    enum class Cut { Full, Partial };

    EscPosBuilder& initialize();                         // ESC @
    EscPosBuilder& align(Alignment alignment);           // ESC a n
    EscPosBuilder& bold(bool on);                        // ESC E n
    EscPosBuilder& underline(int dots);                  // ESC - n, dots 0..2 (clamped)
    EscPosBuilder& characterSize(int width, int height); // GS ! n, multipliers 1..8 (clamped)
    EscPosBuilder& chineseMode(bool on);                 // FS & / FS .
    EscPosBuilder& lineFeed();                           // LF
    EscPosBuilder& feedLines(int lines);                 // ESC d n, 0..255 (clamped)
    EscPosBuilder& cut(Cut kind, int feed = 3);          // GS V 65|66 n: feed to the cutter + n, then cut
    EscPosBuilder&
    drawerKick(int pin, int onMs, int offMs);        // ESC p m t1 t2; pin 2 -> m 0, 5 -> m 1; t = ms / 2
    EscPosBuilder& barcodeHeight(int dots);          // GS h n, 1..255 (clamped)
    EscPosBuilder& barcodeModuleWidth(int dots);     // GS w n, 2..6 (clamped)
    EscPosBuilder& barcodeHri(HriPosition position); // GS H n

    // Printable ASCII (0x20-0x7E) only; anything else fails.
    Result<void> asciiText(QStringView text);
    // GB18030 bytes of text; meant for Chinese mode (bytes 0x20-0x7F stay ASCII there). Fails when text has
    // unpaired surrogates or Qt lacks a GB18030 codec (no ICU).
    Result<void> chineseText(QStringView text);
    // QR model 2: model, module size (1..16), error correction, store (1..7089 bytes), print.
    Result<void> qrCode(QByteArrayView payload, int moduleSize, QrErrorCorrection errorCorrection);
    // GS k function B. Code128: printable ASCII, prefixed with code set B ("{B"), '{' sent as "{{";
    // Ean13: 12 digits, or 13 with a correct check digit (sent as given).
    Result<void> barcode(BarcodeType type, QByteArrayView data);
    // GS v 0 raster, one command per band of at most bandRows rows. rows: height rows of (width + 7) / 8
    // bytes, MSB = leftmost dot, 1 = black. width 1..65535 dots.
    Result<void> rasterImage(int width, int height, QByteArrayView rows, int bandRows);

    EscPosBuilder& raw(QByteArrayView bytes);

    const QByteArray& bytes() const { return m_bytes; }
    QByteArray takeBytes() { return std::exchange(m_bytes, {}); }

    // GB18030 encoding of text; Result fails as chineseText() does.
    static Result<QByteArray> encodeGb18030(QStringView text);
    // True when the GB18030 encoding of the code point takes 4 bytes (outside the GBK two-byte area).
    static bool isGb18030FourByte(char32_t codePoint);

private:
    QByteArray m_bytes;
};

} // namespace devices
} // namespace pos
