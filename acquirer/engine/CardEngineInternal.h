// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/engine/CardEngine.h"

#include <QCoreApplication>

// Shared by the CardEngine implementation files only.
namespace pos {
namespace acquirer {

struct EngineText
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::CardEngine)
};

struct CardEngine::Exchanged
{
    enum class Kind { Answered, NotSent, Unknown };
    Kind kind = Kind::Unknown;
    IsoMessage request; // as sent, F64 included
    IsoMessage response;
    bool macValid = true; // false when the response needed a MAC and it was missing or wrong
    Error error;          // NotSent / Unknown: why
};

struct CardEngine::FinancialJob
{
    FinancialKind kind = FinancialKind::Sale;
    Money amount;
    std::optional<CardRead> card;
    std::optional<qint64> originalPaymentId;
    std::optional<OriginalTransaction> original;
    std::optional<CardPaymentReference> originalReference;
    CardIntent intent;
    std::optional<ActivationTerms> activationTerms; // an approved activation's F62
    Completion<CardResult> done;
};

} // namespace acquirer
} // namespace pos
