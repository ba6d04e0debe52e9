// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/api/QrClient.h"
#include "core/ledger/QrHostJournal.h"

#include <QObject>

#include <functional>
#include <memory>

// The B扫C payment flow (docs/acquirer-api.md "QR flow"): the cashier scans the customer's payment code and
// the POS drives the order to a final state. Rules ([A] defaults in QrFlowConfig):
// - intent before send: the order number and its armed query record are committed (QrHostJournal) before
//   the pay request's first byte; every answer is committed before the caller hears it, and Paid is never
//   reported before the Paid commit;
// - PAID → Paid. USERPAYING → query every pollIntervalMs until userPayingDeadlineMs; PAID → Paid;
//   NOTPAY/PAYERROR → close, Declined; still USERPAYING at the deadline → reverse;
// - outcome unknown (5xx, timeout, network error, bad signature, unreadable or mismatched answer) → query up
//   to unknownQueryAttempts times, unknownQueryIntervalMs apart; a definite answer is acted on; still
//   unknown (or ORDER_NOT_EXIST) → reverse;
// - reverse: a qr_reverse item is committed (in flight) first, sent up to immediateReverseAttempts times;
//   REVERSED → Reversed; otherwise it stays queued (RetryPolicy) and sendRecoveries() retries it later.
// - at start-up the ledger turns payments a dead process left open into due queries; sendRecoveries()
//   queries them and reverses every one not already closed or reversed at the acquirer (a payment whose sale
//   was never recorded must not keep the customer's money).
//
// Thread affinity: the creating thread (QrClient's ApiClient and the journal deliver there). One operation
// (pay or sendRecoveries) at a time; completions run exactly once, never synchronously inside the call.
namespace pos {
namespace acquirer {

struct QrFlowConfig
{
    QString terminalId; // prefix of the order numbers (QrHostJournal)
    int pollIntervalMs = 3000;
    int userPayingDeadlineMs = 60000;
    int unknownQueryAttempts = 3;
    int unknownQueryIntervalMs = 1000;
    int immediateReverseAttempts = 3;
    int immediateReverseIntervalMs = 1000;
    RetryPolicy retryPolicy;       // for reversals left queued
    std::function<qint64()> clock; // UTC ms; default QDateTime::currentMSecsSinceEpoch
};

struct QrSaleRequest
{
    Money amount;        // 1 fen … 1 000 000 yuan
    QString authCode;    // the customer's 18-digit payment code (never logged or stored)
    QString description; // goods description shown in the wallet
};

struct QrPaymentResult
{
    enum class Outcome {
        Paid,            // PAID received and committed: the tender may be recorded
        Declined,        // definitely not paid (NOTPAY, PAYERROR, a 4xx refusal, closed)
        NotSent,         // the pay request never left: nothing happened at the acquirer
        Reversed,        // the outcome was unknown and the reverse is confirmed: nothing is charged
        ReversalPending, // the reverse is queued: do not hand over goods, the money comes back later
    };
    Outcome outcome = Outcome::Declined;
    qint64 paymentId = 0;
    QString outTradeNo;
    QrChannel channel = QrChannel::UnionPay;
    Money amount;
    QString transactionId;          // Paid
    std::optional<qint64> paidAtMs; // Paid
    QString declineCode;            // Declined: the 4xx error code, PAYERROR's errorCode, "NOTPAY", "CLOSED"
    QString message;                // the acquirer's message, if any
};

class QrPaymentFlow final : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Completion = std::function<void(Result<T>)>;

    // client and journal must outlive the flow.
    QrPaymentFlow(QrFlowConfig config, QrClient& client, QrHostJournal& journal, QObject* parent = nullptr);
    ~QrPaymentFlow() override;

    bool isBusy() const { return m_busy; }

    // A failed Result means nothing was sent: InvalidInput (amount or payment code refused locally, busy) or
    // the ledger's error when the intent could not be committed. Every outcome past the intent is a value.
    void pay(const QrSaleRequest& request, Completion<QrPaymentResult> done);
    // Sends due queries and reversals until none is due or one fails (it stays queued); done gets the QR
    // payments still waiting for recovery.
    void sendRecoveries(Completion<qint64> done);

Q_SIGNALS:
    // The acquirer answered USERPAYING: the customer must confirm on the phone (show "waiting").
    void waitingForCustomer(qint64 paymentId);

private:
    struct Job;
    using JobPtr = std::shared_ptr<Job>;

    qint64 now() const;
    void finish(const JobPtr& job, QrPaymentResult::Outcome outcome);
    void afterTimeout(int ms, std::function<void()> step);

    void sendPay(const JobPtr& job);
    void onPayAnswer(const JobPtr& job, Result<ApiAnswer<QrOrderResult>> answer);
    void actOn(const JobPtr& job, const QrOrderResult& order);
    void
    record(const JobPtr& job, QrState state, const QString& channelOrderId, std::function<void(bool)> next);
    void queryUnknown(const JobPtr& job, int attempt);
    void pollUserPaying(const JobPtr& job);
    void closeDeclined(const JobPtr& job);
    void reverse(const JobPtr& job);
    void sendReverse(const JobPtr& job, const OutboxItem& item, int attempt);

    void drainRecoveries(std::function<void()> finished);
    void recoverByQuery(const ClaimedQrRecovery& claimed, std::function<void(bool)> next);
    void recoverByReverse(qint64 paymentId,
                          const QString& outTradeNo,
                          const OutboxItem& item,
                          std::function<void(bool)> next);

    QrFlowConfig m_config;
    QrClient& m_client;
    QrHostJournal& m_journal;
    bool m_busy = false;
};

} // namespace acquirer
} // namespace pos
