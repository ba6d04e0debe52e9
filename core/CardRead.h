// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QString>

namespace pos {

enum class CardEntry { Magstripe, Chip, Contactless, Fallback };

// What the PIN pad returns for one card presentation, for one transaction. Lives in memory only: it is never
// written to disk or logs, and whoever holds it drops it as soon as the request is built. The PAN is needed
// for field 2 and the PIN block; the ledger only ever sees panMasked and a keyed hash.
struct CardRead
{
    CardEntry entry = CardEntry::Magstripe;
    QString pan;          // full PAN, digits only (memory only)
    QString panMasked;    // first 6 and last 4 digits, e.g. "622588******3118"
    QString expiry;       // YYMM
    QString cardSequence; // 3 digits (IC and contactless), "" otherwise
    // Track 2 digits with 'D' as separator; encrypted under the TDK (same length, hex digits in the encrypted
    // window) when trackEncrypted. Empty for chip reads that carry no track 2 equivalent.
    QByteArray track2;
    bool trackEncrypted = false;
    QByteArray icData;   // F55 BER-TLV (chip and contactless)
    QByteArray pinBlock; // encrypted PIN block from the pad; empty = no PIN entered
};

// "swipe", "chip", "contactless", "fallback": the ledger's entry_mode values.
inline QString cardEntryKey(CardEntry entry)
{
    switch (entry) {
    case CardEntry::Magstripe: return QStringLiteral("swipe");
    case CardEntry::Chip: return QStringLiteral("chip");
    case CardEntry::Contactless: return QStringLiteral("contactless");
    case CardEntry::Fallback: return QStringLiteral("fallback");
    }
    return QStringLiteral("swipe");
}

} // namespace pos
