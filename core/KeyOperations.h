// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/KeyTypes.h"
#include "core/Result.h"

#include <QByteArray>

#include <functional>

class QObject;

namespace pos {

// The keyed steps of the acquirer link, performed by whoever holds the keys. On a real terminal that is the
// PIN pad (devices/), so the terminal master key and the work keys never exist in the PC process; the
// software implementation (acquirer/crypto/SoftwareKeyStore) serves the host simulator, tests and demo mode.
//
// Asynchronous contract, common to every operation that takes a completion:
// - context must not be null. done is invoked exactly once, later, in context's thread, and never
//   synchronously inside the call (callers may hold locks or be half-way through a state change).
// - If context is destroyed first, done is not invoked.
// - Errors arrive as a failed Result (ErrorCode::InvalidInput for malformed input, NotFound when the needed
//   work key is not installed, ProtocolViolation for a KCV mismatch, DeviceOffline/DeviceTimeout from
//   hardware). Error details never contain key material, PINs or card data.
// - Operations are started from the implementation's own thread. Completions for one context arrive in
//   call order.
class KeyOperations
{
public:
    template <typename T>
    using Completion = std::function<void(Result<T>)>;

    virtual ~KeyOperations() = default;

    // Scheme of the work keys in force (of the PIK: TripleDes for 003/004 even though their MAK is single
    // length). Before the first successful installWorkKeys(): the scheme of the TMK.
    virtual KeyScheme keyScheme() const = 0;

    // Unwraps the work keys of an F62 block (layout per the 60.3 code of the sign-on) under the TMK and
    // checks every KCV inside the key holder. On success the new keys replace the old ones and done receives
    // the per-key check (all matching). On any failure — including a KCV mismatch — the previous keys stay in
    // force; the error detail names the mismatching keys and their KCVs.
    virtual void installWorkKeys(WorkKeyLayout layout,
                                 QByteArray f62Block,
                                 QObject* context,
                                 Completion<WorkKeyCheck> done) = 0;

    // MAC of a MAC block (for CUP ECB: MTI through F63 as on the wire, bitmap bit 64 set) with the installed
    // MAK. CupEcb yields the 8 ASCII hex characters of F64; AnsiX99/AnsiX919 the 8-byte binary MAC.
    virtual void computeMac(MacAlgorithm algorithm,
                            QByteArray macBlock,
                            QObject* context,
                            Completion<QByteArray> done) = 0;

    // Encrypts track 2 or 3 digits ("0"–"9", "D" or "=" as separator) with the installed TDK (reference
    // §6.5): same length, the digits of the encrypted window replaced by upper-case hex, "=" written as "D".
    virtual void encryptTrack(QByteArray trackDigits, QObject* context, Completion<QByteArray> done) = 0;
};

} // namespace pos
