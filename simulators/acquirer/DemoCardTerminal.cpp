// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/DemoCardTerminal.h"

#include "acquirer/crypto/SoftwareKeyStore.h"
#include "acquirer/link/AcquirerLink.h"
#include "simulators/acquirer/DemoTerminal.h"
#include "simulators/acquirer/TestCards.h"
#include "storage/Ledger.h"
#include "storage/LedgerCardJournal.h"
#include "storage/LedgerService.h"

#include <QCoreApplication>
#include <QDateTime>

namespace pos {
namespace sim {

DemoCardTerminal::DemoCardTerminal(QString ledgerPath, acquirer::CardEngineConfig engineConfig)
    : m_ledgerPath(std::move(ledgerPath))
    , m_service(std::make_unique<storage::LedgerService>())
    , m_journal(std::make_unique<storage::LedgerCardJournal>(*m_service))
    , m_keys(
          std::make_unique<acquirer::SoftwareKeyStore>(KeyScheme::TripleDes, QByteArray::fromHex(demoTmkHex)))
{
    m_engine = std::make_unique<acquirer::CardEngine>(
        std::move(engineConfig),
        [this](QByteArray frame, QObject* context, std::function<void(Result<QByteArray>)> done) {
            if (!m_link) {
                done(fail(ErrorCode::NetworkFailure,
                          QCoreApplication::translate("pos::sim::DemoCardTerminal",
                                                      "No acquirer host is configured."),
                          QStringLiteral("not sent: no link")));
                return;
            }
            m_link->exchange(std::move(frame), context, std::move(done));
        },
        *m_keys, *m_journal);
}

DemoCardTerminal::~DemoCardTerminal() = default; // members go in reverse order: the engine first

void DemoCardTerminal::open(std::function<void(Result<void>)> done)
{
    m_service->open(m_ledgerPath, this, [this, done](const Result<>& opened) {
        if (!opened) {
            done(opened);
            return;
        }
        m_service->run<void>(
            [](storage::Ledger& ledger) {
                return ledger.setTerminalIdentity(QString::fromLatin1(demoTerminalId),
                                                  QString::fromLatin1(demoMerchantId),
                                                  QDateTime::currentMSecsSinceEpoch());
            },
            this, [done](const Result<>& identity) { done(identity); });
    });
}

void DemoCardTerminal::connectTo(const acquirer::LinkConfig& link)
{
    m_link = std::make_unique<acquirer::AcquirerLink>(link);
}

void DemoCardTerminal::disconnectHost()
{
    m_link.reset();
}

std::optional<CardRead> DemoCardTerminal::cardRead(const QString& label, const QString& pin) const
{
    return testCardRead(label, *m_keys, pin);
}

std::optional<CardRead>
testCardRead(const QString& label, const acquirer::SoftwareKeyStore& keys, const QString& pin)
{
    const std::optional<TestCard> card = findTestCardByLabel(label);
    if (!card)
        return std::nullopt;
    CardRead read;
    read.entry = card->kind == TestCard::Chip          ? CardEntry::Chip
                 : card->kind == TestCard::Contactless ? CardEntry::Contactless
                                                       : CardEntry::Magstripe;
    read.pan = card->pan;
    read.panMasked =
        card->pan.left(6) + QString(card->pan.size() - 10, QLatin1Char('*')) + card->pan.right(4);
    read.expiry = card->expiry;
    read.cardSequence = card->cardSequence;
    read.track2 = track2Of(*card).toLatin1();
    if (read.entry != CardEntry::Magstripe)
        read.icData = QByteArray::fromHex("9F26081122334455667788"
                                          "9F36020001"
                                          "95050000000000"
                                          "9F100701010103A00000");
    const Result<QByteArray> block =
        keys.encryptPin((pin.isEmpty() ? card->pin : pin).toLatin1(), card->pan.toLatin1());
    if (!block)
        return std::nullopt;
    read.pinBlock = block.value();
    return read;
}

} // namespace sim
} // namespace pos
