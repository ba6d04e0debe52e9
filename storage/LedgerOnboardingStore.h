// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/onboarding/OnboardingStore.h"

namespace pos {
namespace storage {

class LedgerService;

// OnboardingStore on the ledger's writer thread (LedgerService), tables onboarding_application and
// onboarding_attachments (migrations/0004_onboarding.sql). Each call is one Ledger job run in submission
// order; every write is one transaction. The store keeps what it is given: personal data arrives sealed.
// The service must outlive this object and be open before the first call. Thread affinity: the service's.
class LedgerOnboardingStore final : public OnboardingStore
{
public:
    explicit LedgerOnboardingStore(LedgerService& service) : m_service(service) {}

    void load(QObject* context, Completion<std::optional<StoredOnboarding>> done) override;
    void save(const StoredOnboarding& state, QObject* context, Completion<void> done) override;
    void putAttachment(const StoredAttachment& attachment, QObject* context, Completion<void> done) override;
    void attachment(const QString& kind,
                    QObject* context,
                    Completion<std::optional<StoredAttachment>> done) override;

private:
    LedgerService& m_service;
};

} // namespace storage
} // namespace pos
