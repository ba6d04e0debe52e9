// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace pos {
namespace sim {

class HostLedger;

// Key scopes of the JSON API.
namespace apiscope {
inline const QString installer = QStringLiteral("installer");
inline const QString terminal = QStringLiteral("terminal");
} // namespace apiscope

struct ApiKeyRecord
{
    QString keyId;
    QByteArray secret; // 32 bytes; simulator only: stored in clear like the TMKs
    QString scope;     // apiscope::*
    QString tid;       // terminal keys
    QString mid;
};

struct DocumentRecord
{
    QString documentId; // "D" + first 16 hex of sha256
    QString sha256Hex;
    QString kind;
    QString contentType;
    qint64 sizeBytes = 0;
};

namespace appstatus {
inline const QString submitted = QStringLiteral("submitted");
inline const QString underReview = QStringLiteral("under_review");
inline const QString approved = QStringLiteral("approved");
inline const QString rejected = QStringLiteral("rejected");
} // namespace appstatus

struct ApplicationRecord
{
    QString applicationId;
    QString clientReference;
    QJsonObject body; // as submitted (validated)
    QString status;   // appstatus::*
    QJsonArray reasons;
    QString merchantId;
    QString activationCode;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

struct MerchantRecord
{
    QString merchantId;
    QString uscc;
    QString registeredName;
    QString shopName;
    QString applicationId;
};

struct ActivationCodeRecord
{
    QString code;
    QString merchantId;
    QString pinPadSerial; // empty until used
    QString publicKeySha256;
    QString tid;
    QString keyId;
    std::optional<qint64> usedMs;
};

// The JSON API's tables in the host database (schema version 2 of HostLedger): API keys, onboarding documents
// and applications, merchants and activation codes. Same thread and blocking contract as HostLedger; every
// write is committed when the call returns. Failures carry the storage wrapper's codes.
class ApiStore final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::ApiStore)

public:
    explicit ApiStore(HostLedger& ledger) : m_ledger(ledger) {}

    HostLedger& ledger() { return m_ledger; }

    Result<std::optional<ApiKeyRecord>> apiKey(const QString& keyId);
    Result<> insertApiKey(const ApiKeyRecord& key, qint64 nowMs);

    Result<std::optional<DocumentRecord>> documentBySha256(const QString& sha256Hex);
    Result<bool> documentExists(const QString& documentId);
    Result<> insertDocument(const DocumentRecord& document, const QByteArray& content, qint64 nowMs);

    Result<std::optional<ApplicationRecord>> application(const QString& applicationId);
    Result<std::optional<ApplicationRecord>> applicationByClientReference(const QString& clientReference);
    Result<> insertApplication(const ApplicationRecord& application);
    // Rewrites body, status, reasons, merchant, code and updatedMs.
    Result<> updateApplication(const ApplicationRecord& application);
    // Applications still waiting for a decision (submitted or under_review), oldest first.
    Result<QList<ApplicationRecord>> undecidedApplications();

    Result<bool> merchantWithUsccExists(const QString& uscc);
    Result<std::optional<MerchantRecord>> merchant(const QString& merchantId);
    Result<> insertMerchant(const MerchantRecord& merchant, qint64 nowMs);

    Result<std::optional<ActivationCodeRecord>> activationCode(const QString& code);
    Result<> insertActivationCode(const ActivationCodeRecord& code);
    // Stores serial, key hash, TID, key id and usedMs of an activation.
    Result<> markActivationCodeUsed(const ActivationCodeRecord& code);

private:
    Result<std::optional<ApplicationRecord>> fetchApplication(const char* where, const QString& value);

    HostLedger& m_ledger;
};

} // namespace sim
} // namespace pos
