// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>

namespace pos {
namespace storage {
class Ledger;
}

namespace cli {

// pos-tool ledger generate: a synthetic but realistic shop ledger, written through the real Ledger API
// (sales, refunds, voids, card and QR payments, shifts) so that every invariant pos-tool ledger verify checks
// holds. Deterministic for a given seed (and time zone: business days are local days). Categories are the one
// thing the Ledger has no API for yet: the generator inserts them itself inside its first transaction.
struct GeneratorOptions
{
    QString path;
    qint64 sales = 0;
    int days = 0;
    QDate end; // the last business day
    quint64 seed = 0;
};

struct GeneratorStats
{
    qint64 sales = 0;
    qint64 refunds = 0;
    qint64 voids = 0;
    qint64 cardTenders = 0;
    qint64 qrTenders = 0;
    qint64 cashTenders = 0;
    qint64 splitSales = 0;
    qint64 declinedCards = 0;
    qint64 shifts = 0;
    qint64 commits = 0;
};

struct GeneratedLedger
{
    GeneratorStats stats;
    QDate firstDay;
    int products = 0;
};

// Fills a new, empty ledger. Commits every few thousand events (bulk tool: never how a till commits).
Result<GeneratedLedger> generateLedger(storage::Ledger& ledger, const GeneratorOptions& options);

} // namespace cli
} // namespace pos
