// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// Module patterns of the symbols the printer emulator draws, as a printer builds them from GS k / GS ( k
// data. A module is one narrow bar or space (true = black); no quiet zones.
namespace pos {
namespace sim {

struct BarcodeSymbol
{
    QList<bool> modules;
    QString humanReadable; // the HRI text a printer prints with the bars
};

// CODE128 as ESC/POS sends it (GS k 73): data starts with a code set selector "{A", "{B" or "{C"; "{{" is a
// literal '{', "{A"/"{B"/"{C" switch sets, "{S" shifts, "{1".."{4" are FNC1-4; in set C each byte 0-99 is a
// digit pair. Start, check symbol and stop included. nullopt when the data does not follow those rules.
std::optional<BarcodeSymbol> code128Symbol(QByteArrayView data);

// EAN-13 from 12 digits (the check digit is computed) or 13 (taken as given). nullopt for anything else.
std::optional<BarcodeSymbol> ean13Symbol(QByteArrayView digits);

// A QR code matrix (row-major, size x size, true = dark) from libqrencode in 8-bit mode, auto version.
struct QrMatrix
{
    int size = 0;
    QList<bool> modules;
    bool dark(int x, int y) const { return modules.at(qsizetype(y) * size + x); }
};

// eccByte is the GS ( k 45 parameter: 48 L, 49 M, 50 Q, 51 H (anything else: M). nullopt when the data does
// not fit a QR code.
std::optional<QrMatrix> qrMatrix(QByteArrayView data, int eccByte);

} // namespace sim
} // namespace pos
