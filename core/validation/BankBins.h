// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringView>

#include <optional>

// Issuer identification numbers (BINs, the first six digits of a card number) of the major Chinese banks'
// personal cards, from the resource :/core/validation/bank-bins.json (core/validation/data/; every entry
// names its public source, see ATTRIBUTION.md there and docs/validation.md). Used to suggest the bank of a
// settlement card; a BIN not in the table is not an error.
namespace pos {
namespace validation {

enum class CardKind {
    Debit,      // "debit" 借记卡
    Credit,     // "credit" 贷记卡
    SemiCredit, // "semi_credit" 准贷记卡
};

// "debit", "credit", "semi_credit".
QString cardKindKey(CardKind kind);

struct BinEntry
{
    QString bin;        // six digits
    QString bankCode;   // the source's short code: "ICBC", "CMB", "SPABANK"
    QString bankNameZh; // "中国工商银行"
    QString bankNameEn; // "Industrial and Commercial Bank of China"
    CardKind kind = CardKind::Debit;
    int cardLength = 0; // the card number length the source lists for this BIN (informational)
    QString source;     // key into the file's "sources" object, e.g. "bcbc"
};

class BinTable final
{
public:
    // Parses the JSON format of bank-bins.json. Fails with InvalidInput on malformed JSON, an entry whose bin
    // is not six digits, an unknown bank or kind, a missing source, or a BIN listed twice.
    static Result<BinTable> fromJson(const QByteArray& json);

    // The table compiled into pos_core, loaded once (thread-safe). Asserts in debug builds if the resource is
    // broken (tst_validation_bank checks it); release builds then have an empty table.
    static const BinTable& builtIn();

    // The entry for the first six digits of cardNumber (digits only), or nothing.
    std::optional<BinEntry> lookup(QStringView cardNumber) const;

    qsizetype size() const { return m_entries.size(); }

private:
    QHash<QString, BinEntry> m_entries;
};

} // namespace validation
} // namespace pos
