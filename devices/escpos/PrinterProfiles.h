// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// Capabilities of ESC/POS printer models, loaded from the compiled-in resource :/devices/escpos/profiles.json
// (derived from escpos-printer-db, CC BY 4.0, see devices/escpos/ATTRIBUTION.md and docs/printing.md).
// Drivers emit only what a profile supports; code-page numbers (ESC t) are only ever taken from a profile.
namespace pos {
namespace devices {

struct PrinterProfile
{
    QString id;   // stable key, e.g. "generic-58mm"
    QString name; // model name for people
    QString vendor;
    QString source; // "escpos-printer-db:<file>.yml" or "pos" (the project's own)
    double paperWidthMm = 0;
    int dotsPerLine = 0;  // printable raster width in dots
    int columnsFontA = 0; // ASCII columns of Font A (a CJK character takes two)
    int columnsFontB = 0;
    bool chineseMode = false;         // FS & / FS . double-byte (GB18030) mode
    bool gb18030FourByte = false;     // prints 4-byte GB18030 sequences (characters outside GBK)
    bool fullCut = false;             // GS V full cut
    bool partialCut = false;          // GS V partial cut
    bool qrCode = false;              // GS ( k, cn = 49
    bool barcodeA = false;            // GS k function A (m 0-6)
    bool barcodeB = false;            // GS k function B (m 65-78; CODE128 needs it)
    bool rasterImage = false;         // GS v 0
    int rasterBandRows = 24;          // rows per GS v 0 command, to fit small receive buffers
    bool drawerKick = false;          // ESC p
    bool automaticStatusBack = false; // GS a
    QMap<int, QString> codePages;     // ESC t number -> encoding name

    bool operator==(const PrinterProfile&) const = default;
};

class PrinterProfiles final
{
public:
    // Every compiled-in profile, in file order. Never empty (a broken resource is a build error caught by
    // tst_receipt_renderer).
    static const QList<PrinterProfile>& all();
    static std::optional<PrinterProfile> find(const QString& id);

    // Parses the profiles.json format. Fails with ErrorCode::InvalidInput on malformed JSON, a missing field
    // or a non-positive width/column count.
    static Result<QList<PrinterProfile>> parse(const QByteArray& json);
};

} // namespace devices
} // namespace pos
