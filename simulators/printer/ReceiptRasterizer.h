// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QRect>
#include <QStringList>

#include <optional>

// Renders ESC/POS bytes the way a 203-dpi thermal printer would put them on paper, to a 1-bit QImage and to
// plain text, using the emulator's own decoder (EscPosDecoder.h). Font A cells are 12x24 dots (ASCII) and
// 24x24 (a character decoded from GB18030), in "WenQuanYi Micro Hei"; GS ! / ESC ! scale them; lines are the
// tallest cell + 6 dots. QR codes come from libqrencode, CODE128 and EAN-13 are drawn as bars (other
// symbologies as their text), GS v 0 images dot for dot, a cut as a dashed line. Text output: one line per
// printed line (without alignment padding), a symbol or image as one placeholder line "[QR: data]",
// "[CODE128: text]", "[EAN13: digits]", "[BARCODE m: data]", "[IMAGE WxH]" (consecutive bands merged), a cut
// as "[CUT]". Rendering stops where the decoder stops; decodeError says why.
namespace pos {
namespace sim {

struct RasterizedReceipt
{
    QImage image;          // width = paper dots, Format_Mono, white paper
    QStringList textLines; // as described above
    QList<QRect> qrAreas;  // where each QR symbol's modules are, in image coordinates
    QList<QRect> barcodeAreas;
    QString decodeError; // empty when every byte decoded
};

class ReceiptRasterizer final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::ReceiptRasterizer)

public:
    static constexpr int dots58mm = 384;
    static constexpr int dots80mm = 576;

    // "58mm" -> 384, "80mm" -> 576; nullopt for anything else.
    static std::optional<int> paperDotsFor(const QString& profile);
    static QString fontFamily() { return QStringLiteral("WenQuanYi Micro Hei"); }

    explicit ReceiptRasterizer(int paperDots) : m_paperDots(paperDots) {}

    // Needs a QGuiApplication (fonts); Internal error without one. Never fails on bad bytes: it renders what
    // decoded and reports the rest in decodeError.
    Result<RasterizedReceipt> render(QByteArrayView escPos) const;

    // Writes the image as PNG and the text as UTF-8 (one line each, LF-terminated). IoFailure on errors.
    static Result<void>
    save(const RasterizedReceipt& receipt, const QString& pngPath, const QString& textPath);

private:
    int m_paperDots;
};

} // namespace sim
} // namespace pos
