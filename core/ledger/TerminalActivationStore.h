// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace pos {

// Where the terminal stands in activation (product.md §3), committed after each step so that a restart
// resumes at the right one. Stored as these ints: append only.
enum class ActivationStep {
    NotStarted = 0,
    Registering,        // code and pad serial stored, POST /v1/terminals/activate may have been sent
    TerminalRegistered, // the acquirer answered: terminal id, API key, limits known
    TmkLoaded,          // the pad holds the TMK (KCV matched)
    SignedOn,           // work keys installed and KCV-checked inside the pad
    FirstSwipeApproved, // the activation transaction was approved: the terminal is active at the host
    Activated,          // the activation slip is queued for printing: selling may start
};
QString activationStepKey(ActivationStep step); // "not_started", "registering", ...

// The terminal's activation record (terminal_profile). No secret is stored in clear: the terminal's API
// secret is sealed by the caller (AES-256-GCM under the personal-data key, activation/) before it gets
// here. The activation code is kept only until the terminal is activated (it is single-use and bound to
// the pad's serial once used) and cleared then.
struct TerminalActivation
{
    ActivationStep step = ActivationStep::NotStarted;
    QString activationCode;
    QString pinPadSerial;
    QString terminalId; // 8 digits
    QString merchantId; // 15 characters
    QString merchantName;
    QString apiKeyId;
    QByteArray sealedApiSecret;
    QString cardHost;  // "host:port"
    QString tmkScheme; // "3des" or "sm4"
    qint64 singleLimitFen = 0;
    qint64 dailyLimitFen = 0;
    QString feeScheduleJson;    // the fee rows the host returned with the first swipe
    QStringList enabledTenders; // "cash" plus the card and QR tenders requested and approved
    QString firstSwipeRrn;
    qint64 activatedMs = 0;
};

// Asynchronous contract, as CardHostJournal: context must not be null; done is invoked exactly once, later,
// in context's thread, never synchronously, and not at all if context is destroyed first. Operations
// complete in call order; each is one ledger transaction (success means durable).
class TerminalActivationStore
{
public:
    template <typename T>
    using Completion = std::function<void(Result<T>)>;

    virtual ~TerminalActivationStore() = default;

    virtual void load(QObject* context, Completion<TerminalActivation> done) = 0;
    // Replaces the record; the terminal identity (tid, mid) is written with it once known. A step change is
    // recorded in the audit log (step names only, never the secret or the code).
    virtual void
    save(const TerminalActivation& record, qint64 nowMs, QObject* context, Completion<void> done) = 0;
};

} // namespace pos
