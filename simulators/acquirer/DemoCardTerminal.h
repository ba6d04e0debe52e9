// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/engine/CardEngine.h"
#include "acquirer/link/LinkConfig.h"
#include "core/CardRead.h"
#include "core/Result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace pos {
namespace acquirer {
class AcquirerLink;
class SoftwareKeyStore;
} // namespace acquirer
namespace storage {
class LedgerCardJournal;
class LedgerService;
} // namespace storage

namespace sim {

// The demo terminal's card side assembled without the app, for `pos-tool card` and tests: a ledger file
// behind LedgerService (opening it turns every payment left 'sending' by a crash into a due reversal), the
// card journal, the software key store with the demo TMK of DemoTerminal.h standing in for the PIN pad
// (published test keys: never a real terminal), an AcquirerLink to the host and the CardEngine.
// Thread affinity: created, used and destroyed on one thread with an event loop; completions run there.
class DemoCardTerminal final : public QObject
{
    Q_OBJECT

public:
    DemoCardTerminal(QString ledgerPath, acquirer::CardEngineConfig engineConfig);
    ~DemoCardTerminal() override;

    // Opens the ledger and records the demo terminal identity. done(failure) when the file cannot be used.
    void open(std::function<void(Result<void>)> done);
    // The host to talk to (replaces the previous link; an exchange without a link is "not sent").
    void connectTo(const acquirer::LinkConfig& link);
    void disconnectHost();

    acquirer::CardEngine& engine() { return *m_engine; }
    acquirer::SoftwareKeyStore& keys() { return *m_keys; }
    storage::LedgerService& ledger() { return *m_service; }

    // What the emulated PIN pad returns for the simulator's test card with this label (TestCards.h): PAN,
    // track 2 (clear, as under 003 keys), chip data for chip and contactless cards, and the PIN block under
    // the installed PIK. pin: the card's own PIN when empty. Nothing for an unknown label or without a PIK.
    std::optional<CardRead> cardRead(const QString& label, const QString& pin = {}) const;

private:
    QString m_ledgerPath;
    std::unique_ptr<storage::LedgerService> m_service;
    std::unique_ptr<storage::LedgerCardJournal> m_journal;
    std::unique_ptr<acquirer::SoftwareKeyStore> m_keys;
    std::unique_ptr<acquirer::AcquirerLink> m_link;
    std::unique_ptr<acquirer::CardEngine> m_engine;
};

// The CardRead for a test card as the emulated pad would produce it; the PIN block from keys (needs a PIK).
std::optional<CardRead>
testCardRead(const QString& label, const acquirer::SoftwareKeyStore& keys, const QString& pin = {});

} // namespace sim
} // namespace pos
