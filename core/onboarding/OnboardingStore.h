// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace pos {

// The onboarding application as persisted (one per terminal). Personal data never reaches the store in
// clear: the whole draft and the activation code arrive sealed (crypto/Aes256Gcm.h) under the key named by
// keyId; the clear fields are non-personal state only.
struct StoredOnboarding
{
    QString status =
        QStringLiteral("draft"); // draft, submitting, submitted, under_review, approved, rejected
    QString clientReference;     // idempotency key, stored before anything is sent
    QString applicationId;       // the acquirer's, once it took the application
    QString reasonsJson;         // the last rejection's reasons (JSON array), else empty
    QString merchantId;          // once approved
    int lastCompletedPage = -1;
    QString keyId;                   // id of the key that sealed sealedDraft and sealedActivationCode
    QByteArray sealedDraft;          // the draft's persistence JSON, sealed
    QByteArray sealedActivationCode; // once approved, sealed; empty before
    qint64 updatedMs = 0;
    bool operator==(const StoredOnboarding&) const = default;
};

// One attached scan, sealed. kind: the contract's wire name ("licence", "id-front", "id-back").
struct StoredAttachment
{
    QString kind;
    QString mime;
    QString sha256; // lowercase hex of the clear bytes
    qint64 sizeBytes = 0;
    QString keyId;
    QByteArray sealedBytes;
    qint64 updatedMs = 0;
    bool operator==(const StoredAttachment&) const = default;
};

// Persistence of the onboarding application (activation/OnboardingService). storage/ implements it on the
// ledger's writer thread (storage/LedgerOnboardingStore); app/ wires it in.
//
// Asynchronous contract, common to every operation (as core/ledger/CardHostJournal.h): context must not be
// null; done is invoked exactly once, later, in context's thread, never synchronously inside the call, and
// not at all if context is destroyed first. Operations complete in call order. Each write is one ledger
// transaction: success means durable.
class OnboardingStore
{
public:
    template <typename T>
    using Completion = std::function<void(Result<T>)>;

    virtual ~OnboardingStore() = default;

    // The saved application, or nullopt when none was ever saved.
    virtual void load(QObject* context, Completion<std::optional<StoredOnboarding>> done) = 0;
    // Replaces the saved application with state (InvalidInput for an unknown status or an empty keyId).
    virtual void save(const StoredOnboarding& state, QObject* context, Completion<void> done) = 0;
    // Replaces the scan of attachment.kind (InvalidInput for an unknown kind or empty sealed bytes).
    virtual void
    putAttachment(const StoredAttachment& attachment, QObject* context, Completion<void> done) = 0;
    // The scan of kind, or nullopt when none was attached.
    virtual void
    attachment(const QString& kind, QObject* context, Completion<std::optional<StoredAttachment>> done) = 0;
};

} // namespace pos
