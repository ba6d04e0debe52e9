// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerActivationStore.h"

#include "storage/LedgerService.h"

namespace pos {
namespace storage {

void LedgerActivationStore::load(QObject* context, Completion<TerminalActivation> done)
{
    m_service.run<TerminalActivation>([](Ledger& ledger) { return ledger.terminalActivation(); }, context,
                                      [done](const Result<TerminalActivation>& result) { done(result); });
}

void LedgerActivationStore::save(const TerminalActivation& record,
                                 qint64 nowMs,
                                 QObject* context,
                                 Completion<void> done)
{
    m_service.run<void>(
        [record, nowMs](Ledger& ledger) { return ledger.saveTerminalActivation(record, nowMs); }, context,
        [done](const Result<>& result) { done(result); });
}

} // namespace storage
} // namespace pos
