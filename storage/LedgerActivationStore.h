// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/ledger/TerminalActivationStore.h"

namespace pos {
namespace storage {

class LedgerService;

// TerminalActivationStore on the ledger's writer thread (LedgerService), as LedgerPrintQueue. The service
// must outlive this object and be open before the first call. Thread affinity: the service's thread.
class LedgerActivationStore final : public TerminalActivationStore
{
public:
    explicit LedgerActivationStore(LedgerService& service) : m_service(service) {}

    void load(QObject* context, Completion<TerminalActivation> done) override;
    void
    save(const TerminalActivation& record, qint64 nowMs, QObject* context, Completion<void> done) override;

private:
    LedgerService& m_service;
};

} // namespace storage
} // namespace pos
