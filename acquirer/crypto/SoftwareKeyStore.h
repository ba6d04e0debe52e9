// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/crypto/WorkKeys.h"
#include "core/KeyOperations.h"

#include <QByteArray>

namespace pos {
namespace acquirer {

// KeyOperations in the PC process, with the terminal master key given in the clear at construction.
// FOR THE HOST SIMULATOR, TESTS AND DEMO MODE ONLY: a real terminal keeps its TMK and work keys inside the
// PIN pad and uses the PIN pad's KeyOperations (devices/), so that no key ever exists in this process.
//
// The TMK and the work keys live in buffers that are wiped when replaced and on destruction. Every operation
// does its work at once and posts the completion to context (Qt::QueuedConnection), so completions never run
// inside the call and arrive in call order. Not thread-safe: use from one thread. The store may be destroyed
// while completions are pending (they carry no reference to it).
class SoftwareKeyStore final : public KeyOperations
{
public:
    // tmkScheme: SingleDes (8-byte TMK, layout 001 only), TripleDes (16 bytes: 001, 003, 004) or Sm4 (16
    // bytes: 006). The store keeps its own copy of tmk; the caller wipes the one it passed. A TMK of the
    // wrong length is reported by installWorkKeys().
    SoftwareKeyStore(KeyScheme tmkScheme, QByteArray tmk);
    ~SoftwareKeyStore() override;
    Q_DISABLE_COPY_MOVE(SoftwareKeyStore)

    KeyScheme keyScheme() const override;
    void installWorkKeys(WorkKeyLayout layout,
                         QByteArray f62Block,
                         QObject* context,
                         Completion<WorkKeyCheck> done) override;
    void computeMac(MacAlgorithm algorithm,
                    QByteArray macBlock,
                    QObject* context,
                    Completion<QByteArray> done) override;
    void encryptTrack(QByteArray trackDigits, QObject* context, Completion<QByteArray> done) override;

    // What a PIN pad does when the cardholder types a PIN: the format 0 block for pan, encrypted under the
    // installed PIK (the F52 value). Synchronous; for the demo and tests, which emulate the pad in-process.
    Result<QByteArray> encryptPin(QByteArrayView pin, QByteArrayView pan) const;
    // The same for track 2 under the TDK (synchronous twin of encryptTrack).
    Result<QByteArray> encryptTrackNow(QByteArrayView trackDigits) const;

private:
    Result<WorkKeyCheck> install(WorkKeyLayout layout, QByteArrayView f62Block);
    Result<void> requireKey(WorkKeyRole role) const;

    KeyScheme m_tmkScheme;
    QByteArray m_tmk;
    WorkKeySet m_workKeys;
};

} // namespace acquirer
} // namespace pos
