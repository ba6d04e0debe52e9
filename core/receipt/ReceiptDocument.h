// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <variant>

// The printable content of a receipt as plain values, independent of any printer. The ledger stores print
// jobs as toJson() and reprints them later, so fromJson(toJson(d)) == d for every document.
//
// Contract on card data: the model never carries full card numbers, track data or PIN material. Callers put
// masked PANs only (first 6 + last 4, e.g. "622848******1234") into text blocks; nothing here masks for them.
namespace pos {
namespace receipt {

enum class Alignment { Left, Centre, Right };

// Character attributes of a line. Double width halves the columns available to the line.
struct TextStyle
{
    Alignment alignment = Alignment::Left;
    bool bold = false;
    bool doubleWidth = false;
    bool doubleHeight = false;
    bool underline = false;

    bool operator==(const TextStyle&) const = default;
};

// A paragraph: wrapped over as many printed lines as it needs.
struct TextBlock
{
    QString text;
    TextStyle style;

    bool operator==(const TextBlock&) const = default;
};

// Label left, amount right; the amount always ends at the right margin, the label wraps or is truncated.
struct TwoColumnBlock
{
    QString label;
    QString amount;
    bool bold = false;
    bool truncateLabel = false; // false: wrap the label over further lines; true: cut it at the column limit

    bool operator==(const TwoColumnBlock&) const = default;
};

// A full-width rule made of one repeated ASCII character.
struct SeparatorBlock
{
    QChar character = QLatin1Char('-');

    bool operator==(const SeparatorBlock&) const = default;
};

// QR code of UTF-8 payload bytes; moduleSize in printer dots (1..16). Printed centred.
struct QrCodeBlock
{
    QString payload;
    int moduleSize = 6;

    bool operator==(const QrCodeBlock&) const = default;
};

enum class BarcodeSymbology { Code128, Ean13 };

// A 1D barcode printed centred with its human-readable text below. Code128: printable ASCII;
// Ean13: 12 digits (check digit added by the printer) or 13 digits with a correct check digit.
struct BarcodeBlock
{
    BarcodeSymbology symbology = BarcodeSymbology::Code128;
    QString payload;

    bool operator==(const BarcodeBlock&) const = default;
};

// A 1-bit raster image printed centred. rows holds height rows of (width + 7) / 8 bytes each, most
// significant bit = leftmost dot, 1 = black (the GS v 0 layout). width and height are in dots.
struct LogoBlock
{
    int width = 0;
    int height = 0;
    QByteArray rows;

    int bytesPerRow() const { return (width + 7) / 8; }
    bool isValid() const
    {
        return width > 0 && height > 0 && rows.size() == qsizetype(bytesPerRow()) * height;
    }
    bool operator==(const LogoBlock&) const = default;
};

// Feeds lines of blank paper (0..255).
struct FeedBlock
{
    int lines = 1;

    bool operator==(const FeedBlock&) const = default;
};

enum class CutKind { Full, Partial };

// Feeds to the cutter and cuts.
struct CutBlock
{
    CutKind kind = CutKind::Partial;

    bool operator==(const CutBlock&) const = default;
};

// Pulses the cash-drawer connector. pin: 2 or 5; onMs/offMs: pulse times in milliseconds (2..510, even).
struct DrawerKickBlock
{
    int pin = 2;
    int onMs = 120;
    int offMs = 240;

    bool operator==(const DrawerKickBlock&) const = default;
};

using Block = std::variant<TextBlock,
                           TwoColumnBlock,
                           SeparatorBlock,
                           QrCodeBlock,
                           BarcodeBlock,
                           LogoBlock,
                           FeedBlock,
                           CutBlock,
                           DrawerKickBlock>;

class ReceiptDocument final
{
public:
    QList<Block> blocks;

    ReceiptDocument& text(const QString& text, TextStyle style = {});
    ReceiptDocument& twoColumns(const QString& label, const QString& amount, bool bold = false);
    ReceiptDocument& separator(QChar character = QLatin1Char('-'));
    ReceiptDocument& qrCode(const QString& payload, int moduleSize = 6);
    ReceiptDocument& barcode(BarcodeSymbology symbology, const QString& payload);
    ReceiptDocument& logo(int width, int height, const QByteArray& rows);
    ReceiptDocument& feed(int lines);
    ReceiptDocument& cut(CutKind kind = CutKind::Partial);
    ReceiptDocument& drawerKick(int pin = 2);

    // {"version": 1, "blocks": [{"type": "text", ...}, ...]}; logo rows as base64.
    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;

    // Fails with ErrorCode::InvalidInput on an unknown version or block type, a missing or mistyped field or
    // an out-of-range value (the detail names the block index and field).
    static Result<ReceiptDocument> fromJson(const QJsonObject& object);
    static Result<ReceiptDocument> fromJsonBytes(const QByteArray& json);

    bool operator==(const ReceiptDocument&) const = default;
};

} // namespace receipt
} // namespace pos
