// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/receipt/ReceiptDocument.h"
#include "devices/escpos/PrinterProfiles.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

// Turns a ReceiptDocument into the ESC/POS bytes for one printer profile.
//
// Byte economy: the output starts with ESC @ (all modes at their defaults, Chinese mode assumed off) and
// emits a mode command (ESC a, ESC E, ESC -, GS !, FS &) only when the next line needs a different value.
// Chinese mode is entered before the first line with non-ASCII text and kept on until the end of the
// document (ASCII prints the same inside it), then left with FS . so the next job starts in a known state.
//
// Capability fallbacks (docs/printing.md): no QR support -> the payload printed as centred text; no barcode
// function B -> the payload as centred text; no raster support -> the logo is left out; no cutter -> ESC d 4
// instead of GS V; full cut unsupported -> partial cut and vice versa; no drawer kick -> left out. Without
// Chinese mode every non-ASCII character prints as '?'; without 4-byte GB18030 support characters outside
// GBK print as '?'. Double-width lines are laid out in half the columns.
namespace pos {
namespace devices {

struct RenderedReceipt
{
    QByteArray bytes;
    // The text of every printed text line as laid out (no alignment padding, no line feed), in order; what a
    // decoder of bytes must read back.
    QStringList textLines;
};

class ReceiptRenderer final
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptRenderer)

public:
    explicit ReceiptRenderer(PrinterProfile profile);

    // Fails with ErrorCode::InvalidInput for a block the printer cannot take (a logo wider than the paper, a
    // barcode with invalid data, an empty or oversized QR payload) and with ErrorCode::Internal when GB18030
    // encoding is unavailable.
    Result<RenderedReceipt> render(const receipt::ReceiptDocument& document) const;

    const PrinterProfile& profile() const { return m_profile; }

private:
    PrinterProfile m_profile;
};

} // namespace devices
} // namespace pos
