// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/engine/ActivationTerms.h"
#include "acquirer/engine/CardMessages.h"
#include "acquirer/iso8583/Iso8583Codec.h"
#include "core/CardRead.h"
#include "core/KeyOperations.h"
#include "core/ledger/CardHostJournal.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

// The card transaction engine (acquirer-protocol.md §9.3, docs/acquirer-protocol.md "Engine"):
// - one operation at a time, so at most one financial request is outstanding;
// - persist before send: the intent and its recovery record are committed through the CardHostJournal before
//   the request is written; the answer is committed before the caller is told;
// - every response is matched (MTI class, F11, F41, F42) and its MAC verified where the wire contract says
// so;
// - an unusable outcome (timeout, lost connection, garbage, unmatched or bad-MAC approval) becomes a due
//   reversal (98, or A0 for a bad MAC) that is sent at once up to immediateRecoveryAttempts times and then
//   left to the journal's retry schedule; while a reversal is owed, no financial message and no settlement
//   goes out;
// - a refund (0220) is never reversed: its advice repeats the same 0220 until the host answers.
//
// Thread affinity: the thread that created it (the exchange function, key operations and journal deliver
// there). Completions run in that thread, exactly once, never synchronously inside the call.
namespace pos {
namespace acquirer {

struct CardEngineConfig
{
    MessageProfile profile;
    MacAlgorithm macAlgorithm = MacAlgorithm::CupEcb;
    int immediateRecoveryAttempts = 3; // reference §9.2: three immediate tries, then the persistent queue
    RetryPolicy retryPolicy;
    bool reversalRetryAs0401 = false; // [A] some hosts want 0401 on a repeated reversal
    // [A] F39 values of a 0410/0230 that mean "not processed": the reversal or advice stays owed and is
    // retried (immediately, then from the persistent queue). Any other answer with a valid MAC completes it
    // (reference §9.3 rule 4: "done" set = everything else; A0/99 sign on first).
    QStringList recoveryRetryCodes{QStringLiteral("68"), QStringLiteral("91"), QStringLiteral("96"),
                                   QStringLiteral("98")};
    QByteArray panHashKey; // HMAC-SHA256 key for the ledger's PAN reference (never the PAN itself)
    int panHashKeyId = 1;
    std::function<qint64()> clock; // UTC ms; default QDateTime::currentMSecsSinceEpoch
    // [A] F39 with which the host refuses a terminal still pending first swipe (docs/acquirer-protocol.md
    // "First-swipe activation"): the engine emits activationRequired().
    QString notActivatedCode = QStringLiteral("40");
};

// The outcome of one card transaction, as the cashier must hear it.
struct CardResult
{
    enum class Outcome {
        Approved,
        Declined,
        NotSent,         // the request never left (no connection): nothing happened at the host
        Reversed,        // the outcome was unknown and the reversal is confirmed: nothing was charged
        ReversalPending, // the outcome was unknown and the reversal is queued: do not hand over goods
    };
    Outcome outcome = Outcome::Declined;
    qint64 paymentId = 0; // 0 for a balance inquiry
    QString responseCode; // F39 when the host answered
    QString rrn;
    QString authCode;
    QString cardOrganisation; // 63.1
    QString balance;          // F54 of a balance inquiry, as sent
    TerminalTrace trace;
    Money amount;
};

// The first swipe (首刷激活): the outcome, and on approval the terms the host sent in F62. Outcomes as for a
// sale: Approved (terms filled), Declined (responseCode: 55 wrong PIN, 41 lost card, …), NotSent, Reversed /
// ReversalPending (the outcome was unknown, or the approval's terms were unreadable, and it is being
// reversed: the terminal is still pending at the host; swipe again once the reversal is confirmed).
struct ActivationSwipeResult
{
    CardResult::Outcome outcome = CardResult::Outcome::Declined;
    QString responseCode;
    QString rrn;
    TerminalTrace trace;
    qint64 singleLimitFen = 0;
    qint64 dailyLimitFen = 0;
    QList<AgreementFee> fees;
};

struct SettlementReport
{
    int batchNo = 0;
    pos::SettlementTotals local;
    pos::SettlementTotals host;
    bool balanced = false;
    int uploadedRecords = 0; // batch upload after an unbalanced 0510
};

class CardEngine final : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Completion = std::function<void(Result<T>)>;
    // Sends one frame (length prefix included) and delivers the response frame. Errors: NetworkFailure means
    // the request was certainly not sent; any other failure means its fate is unknown (AcquirerLink's
    // contract).
    using ExchangeFunction =
        std::function<void(QByteArray frame, QObject* context, std::function<void(Result<QByteArray>)> done)>;

    // keys and journal must outlive the engine.
    CardEngine(CardEngineConfig config,
               ExchangeFunction exchange,
               KeyOperations& keys,
               CardHostJournal& journal,
               QObject* parent = nullptr);
    ~CardEngine() override;

    bool isBusy() const { return m_busy; }
    bool isSignedOn() const { return m_signedOn; }

    // 0800 with the profile's key layout; the work keys are installed (KCV-checked) in the key holder.
    void signOn(Completion<WorkKeyCheck> done);
    // 0820 echo test (60.3 301).
    void echo(Completion<void> done);
    // 0820 sign-off (60.3 002): on success the next operation signs on first.
    void signOff(Completion<void> done);
    // Financial operations sign on first when needed and send owed reversals first.
    void sale(Money amount, const CardRead& card, Completion<CardResult> done);
    void voidSale(qint64 originalPaymentId, const std::optional<CardRead>& card, Completion<CardResult> done);
    void refund(qint64 originalPaymentId, Money amount, const CardRead& card, Completion<CardResult> done);
    void balanceInquiry(const CardRead& card, Completion<CardResult> done);
    // The first-swipe activation transaction (0200, profile.activationProcessingCode / activationTypeCode, no
    // F4, PIN block required by default). Journaled like a sale (intent and armed reversal committed before
    // sending, an unknown outcome reversed) as a card payment of type activation with amount 0, which no
    // sales total, settlement total or batch upload counts.
    void activate(const CardRead& card, Completion<ActivationSwipeResult> done);
    // Sends the due reversals and advices now; done gets the reversals still owed afterwards.
    void sendRecoveries(Completion<qint64> done);
    // 0500; on an unbalanced answer the batch upload (0320) and its end; the batch is then closed.
    void settle(Completion<SettlementReport> done);

Q_SIGNALS:
    // The host asked for a new sign-on (header requirement 3, F39 A0/99, a bad response MAC).
    void signOnRequired();
    // The response header asked for a download (processing requirement 4-7: parameters, status, CA public
    // keys, IC parameters; reference §9.3 rule 9). The engine only reports it: the caller schedules the
    // download after the current transaction (parameter downloads are acquirer-specific, docs [A]).
    void downloadRequested(int processingRequirement);
    // A financial request was refused with config.notActivatedCode: the terminal must do its first swipe.
    void activationRequired();

private:
    void networkManagement(const QString& code, Completion<void> done);

    struct Exchanged;
    struct FinancialJob;
    using Step = std::function<void()>;
    using FailStep = std::function<void(const Error&)>;

    bool begin(const std::function<void(const Error&)>& refuse);
    void end();
    qint64 now() const;

    void exchange(IsoMessage request, std::function<void(Exchanged)> next);
    void sendFrame(const IsoMessage& request, std::function<void(Exchanged)> next);
    void verifyResponse(const IsoMessage& request, IsoMessage response, std::function<void(Exchanged)> next);

    void doSignOn(Completion<WorkKeyCheck> done);
    void readyForFinancial(const FailStep& failed, const Step& next);
    void startFinancial(std::shared_ptr<FinancialJob> job);
    void sendFinancial(std::shared_ptr<FinancialJob> job, const CardIntent& intent);
    void finishFinancial(std::shared_ptr<FinancialJob> job, Exchanged answer);
    void recoverFinancial(std::shared_ptr<FinancialJob> job, const QString& reasonCode);

    void drainRecoveries(const Step& next);
    void attemptRecovery(const ClaimedRecovery& claimed, int attempt, const Step& next);
    void settleBatch(const SettlementBatch& batch, Completion<SettlementReport> done);
    void
    uploadBatch(const SettlementBatch& batch, SettlementReport report, Completion<SettlementReport> done);
    void sendUploadMessage(const SettlementBatch& batch,
                           SettlementReport report,
                           std::shared_ptr<QList<QList<BatchCardRecord>>> chunks,
                           std::shared_ptr<QList<TerminalTrace>> traces,
                           int index,
                           int uploaded,
                           Completion<SettlementReport> done);

    CardEngineConfig m_config;
    ExchangeFunction m_exchange;
    KeyOperations& m_keys;
    CardHostJournal& m_journal;
    Iso8583Codec m_codec;
    bool m_busy = false;
    bool m_signedOn = false;
};

} // namespace acquirer
} // namespace pos
