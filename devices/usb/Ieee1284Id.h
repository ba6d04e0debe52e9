// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QMap>
#include <QString>
#include <QStringList>

namespace pos {
namespace devices {

// An IEEE 1284 device id ("MFG:Xprinter;MDL:XP-58;CMD:ESC/POS;CLS:PRINTER;"): what a printer reports to the
// USB printer-class GET_DEVICE_ID request (bmRequestType 0xA1, bRequest 0, wValue = configuration index,
// wIndex = interface << 8 | alternate setting). Keys are case-insensitive and stored upper-case; the long
// forms MANUFACTURER, MODEL and COMMAND SET are the same fields as MFG, MDL and CMD.
struct Ieee1284Id
{
    QMap<QString, QString> fields; // upper-case key → value as sent (trimmed)

    QString manufacturer() const;
    QString model() const;
    QStringList commandSets() const; // CMD split at ','; e.g. {"ESC/POS", "PCL"}
    // CMD names ESC/POS (also "ESCPOS", any case).
    bool speaksEscPos() const;
    bool isEmpty() const { return fields.isEmpty(); }
    // Canonical text, keys in sorted order: "CMD:ESC/POS;MDL:XP-58;MFG:Xprinter;".
    QString toString() const;
};

// Parses the "KEY:value;" text. Pairs without ':' are skipped; an empty text gives an empty id.
// A key given twice keeps the first value (the short form wins over a later long form).
Ieee1284Id parseIeee1284Id(const QString& text);

// Parses the GET_DEVICE_ID reply: 2-byte big-endian length (which counts itself) then the id text (ASCII,
// Latin-1 tolerated). InvalidInput when shorter than 2 bytes or the length is below 2 or beyond the reply.
Result<Ieee1284Id> parseIeee1284Reply(QByteArrayView reply);

} // namespace devices
} // namespace pos
