// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/crypto/SoftwareKeyStore.h"

#include "acquirer/AcquirerLog.h"
#include "acquirer/crypto/CupMac.h"
#include "acquirer/crypto/PinBlock.h"
#include "acquirer/crypto/TrackEncryption.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QStringList>

#include <utility>

namespace pos {
namespace acquirer {
namespace {

struct KeyStoreText
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::SoftwareKeyStore)
};

// Delivers result to done in context's thread, after the current call has returned.
template <typename T>
void post(QObject* context, KeyOperations::Completion<T> done, Result<T> result)
{
    Q_ASSERT(context);
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)]() { done(result); },
        Qt::QueuedConnection);
}

QString describeMismatches(const WorkKeyCheck& check)
{
    QStringList mismatches;
    for (const KeyCheckOutcome& key : check.keys) {
        if (!key.matches())
            mismatches << QStringLiteral("%1 KCV received %2, computed %3")
                              .arg(workKeyRoleName(key.role),
                                   QString::fromLatin1(key.receivedKcv.toHex().toUpper()),
                                   QString::fromLatin1(key.computedKcv.toHex().toUpper()));
    }
    return mismatches.join(QStringLiteral("; "));
}

} // namespace

SoftwareKeyStore::SoftwareKeyStore(KeyScheme tmkScheme, QByteArray tmk)
    : m_tmkScheme(tmkScheme)
    , m_tmk(std::move(tmk))
{
    m_tmk.detach(); // our own buffer, so wiping it never touches the caller's
}

SoftwareKeyStore::~SoftwareKeyStore()
{
    crypto::secureWipe(m_tmk);
}

KeyScheme SoftwareKeyStore::keyScheme() const
{
    if (!m_workKeys.isEmpty())
        return workKeyScheme(m_workKeys.layout(), WorkKeyRole::Pin);
    return m_tmkScheme;
}

void SoftwareKeyStore::installWorkKeys(WorkKeyLayout layout,
                                       QByteArray f62Block,
                                       QObject* context,
                                       Completion<WorkKeyCheck> done)
{
    post(context, std::move(done), install(layout, f62Block));
}

Result<WorkKeyCheck> SoftwareKeyStore::install(WorkKeyLayout layout, QByteArrayView f62Block)
{
    Result<UnwrappedWorkKeys> unwrapped = unwrapWorkKeys(layout, m_tmkScheme, m_tmk, f62Block);
    if (!unwrapped)
        return Failure{unwrapped.error()};
    UnwrappedWorkKeys result = std::move(unwrapped).value();
    if (!result.check.allMatch()) {
        qCWarning(lcAcquirer) << "work keys rejected, previous keys kept:"
                              << describeMismatches(result.check);
        return fail(
            ErrorCode::ProtocolViolation,
            KeyStoreText::tr("The work keys from the acquirer failed their check. Sign on again."),
            QStringLiteral("layout %1: %2").arg(workKeyLayoutName(layout), describeMismatches(result.check)));
    }
    m_workKeys = std::move(result.keys); // wipes the previous keys
    qCInfo(lcAcquirer) << "work keys installed, layout" << workKeyLayoutName(layout);
    return result.check;
}

Result<void> SoftwareKeyStore::requireKey(WorkKeyRole role) const
{
    if (m_workKeys.has(role))
        return {};
    return fail(ErrorCode::NotFound,
                role == WorkKeyRole::Track
                    ? KeyStoreText::tr("No track key is installed. Sign on with track encryption first.")
                    : KeyStoreText::tr("No work keys are installed. Sign on first."),
                QStringLiteral("no %1 installed").arg(workKeyRoleName(role)));
}

void SoftwareKeyStore::computeMac(MacAlgorithm algorithm,
                                  QByteArray macBlock,
                                  QObject* context,
                                  Completion<QByteArray> done)
{
    if (const Result<void> present = requireKey(WorkKeyRole::Mac); !present) {
        post<QByteArray>(context, std::move(done), Failure{present.error()});
        return;
    }
    const WorkKeyLayout layout = m_workKeys.layout();
    post(context, std::move(done),
         acquirer::computeMac(algorithm, workKeyScheme(layout, WorkKeyRole::Mac),
                              m_workKeys.key(WorkKeyRole::Mac), macBlock));
}

void SoftwareKeyStore::encryptTrack(QByteArray trackDigits, QObject* context, Completion<QByteArray> done)
{
    if (const Result<void> present = requireKey(WorkKeyRole::Track); !present) {
        post<QByteArray>(context, std::move(done), Failure{present.error()});
        return;
    }
    const WorkKeyLayout layout = m_workKeys.layout();
    Result<QByteArray> encrypted = acquirer::encryptTrack(workKeyScheme(layout, WorkKeyRole::Track),
                                                          m_workKeys.key(WorkKeyRole::Track), trackDigits);
    crypto::secureWipe(trackDigits);
    post(context, std::move(done), std::move(encrypted));
}

Result<QByteArray> SoftwareKeyStore::encryptPin(QByteArrayView pin, QByteArrayView pan) const
{
    if (const Result<void> present = requireKey(WorkKeyRole::Pin); !present)
        return Failure{present.error()};
    const WorkKeyLayout layout = m_workKeys.layout();
    return encryptPinBlock(workKeyScheme(layout, WorkKeyRole::Pin), m_workKeys.key(WorkKeyRole::Pin), pin,
                           pan);
}

Result<QByteArray> SoftwareKeyStore::encryptTrackNow(QByteArrayView trackDigits) const
{
    if (const Result<void> present = requireKey(WorkKeyRole::Track); !present)
        return Failure{present.error()};
    const WorkKeyLayout layout = m_workKeys.layout();
    return acquirer::encryptTrack(workKeyScheme(layout, WorkKeyRole::Track),
                                  m_workKeys.key(WorkKeyRole::Track), trackDigits);
}

} // namespace acquirer
} // namespace pos
