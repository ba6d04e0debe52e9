// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The acquiring agreement (特约商户受理协议) the simulator publishes at GET /v1/onboarding/agreement, and the
// fee schedule the card host hands to a terminal in its first-swipe activation answer (F62). One source for
// both, so what the merchant signed is what the terminal is told.
namespace pos {
namespace sim {

struct PublishedFee
{
    QString tender; // "debit", "credit", "qr"
    int rateBasisPoints = 0;
    std::optional<qint64> capFen;
};

struct PublishedAgreement
{
    QString version;
    QString text; // the full agreement, Chinese
    QList<PublishedFee> fees;
    QStringList settlementCycles;

    // Lowercase hex SHA-256 of text's UTF-8 bytes (what an application's agreement.textSha256 must be).
    QString textSha256() const;
    // The fee list as the FEE= item of the first-swipe answer's F62 ("debit:50:2000|credit:60:|qr:38:",
    // acquirer/engine/ActivationTerms.h).
    QString feeScheduleText() const;
    // The 200 body of GET /v1/onboarding/agreement.
    QJsonObject json() const;
};

// Every version the simulator has published, newest first (today one: "2026-01").
const QList<PublishedAgreement>& publishedAgreements();
const PublishedAgreement& currentAgreement();
// nullptr when the simulator never published version.
const PublishedAgreement* findAgreement(const QString& version);

} // namespace sim
} // namespace pos
