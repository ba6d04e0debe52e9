// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/api/QrPaymentFlow.h"

#include "acquirer/AcquirerLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

namespace pos {
namespace acquirer {
namespace {

class QrFlowText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::QrPaymentFlow)

public:
    static QString busy() { return tr("A QR payment is already in progress."); }
    static QString badAmount()
    {
        return tr("The QR payment amount must be between 0.01 and 1,000,000 yuan.");
    }
    static QString badCode() { return tr("This is not a WeChat, Alipay or UnionPay payment code."); }
};

constexpr qint64 maxPayFen = 100'000'000;

using Outcome = QrPaymentResult::Outcome;

} // namespace

struct QrPaymentFlow::Job
{
    QrSaleRequest request;
    Completion<QrPaymentResult> done;
    QrPaymentResult result;
    QrState ledgerState = QrState::Created;
    std::optional<qint64> userPayingDeadlineMs;
};

QrPaymentFlow::QrPaymentFlow(QrFlowConfig config, QrClient& client, QrHostJournal& journal, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_client(client)
    , m_journal(journal)
{}

QrPaymentFlow::~QrPaymentFlow() = default;

qint64 QrPaymentFlow::now() const
{
    return m_config.clock ? m_config.clock() : QDateTime::currentMSecsSinceEpoch();
}

void QrPaymentFlow::afterTimeout(int ms, std::function<void()> step)
{
    QTimer::singleShot(std::max(ms, 0), this, std::move(step));
}

void QrPaymentFlow::finish(const JobPtr& job, Outcome outcome)
{
    job->result.outcome = outcome;
    qCInfo(lcAcquirer).noquote() << "qr payment" << job->result.paymentId << "finished:" << int(outcome)
                                 << job->result.declineCode;
    m_busy = false;
    if (job->done)
        job->done(job->result);
}

void QrPaymentFlow::pay(const QrSaleRequest& request, Completion<QrPaymentResult> done)
{
    auto refuse = [this, &done](const QString& message, const QString& detail) {
        QTimer::singleShot(0, this,
                           [done, message, detail] { done(fail(ErrorCode::InvalidInput, message, detail)); });
    };
    if (m_busy)
        return refuse(QrFlowText::busy(), QStringLiteral("qr flow busy"));
    if (request.amount.fen() < 1 || request.amount.fen() > maxPayFen)
        return refuse(QrFlowText::badAmount(), QStringLiteral("amount %1 fen").arg(request.amount.fen()));
    const std::optional<QrChannel> channel = qrChannelOfAuthCode(request.authCode);
    if (!channel)
        return refuse(
            QrFlowText::badCode(),
            QStringLiteral("payment code of %1 characters, unknown prefix").arg(request.authCode.size()));
    m_busy = true;
    auto job = std::make_shared<Job>();
    job->request = request;
    job->done = std::move(done);
    job->result.channel = *channel;
    job->result.amount = request.amount;
    m_journal.beginQrPayment({m_config.terminalId, *channel, request.amount, now()}, this,
                             [this, job](Result<QrPayIntent> intent) {
                                 if (!intent) {
                                     m_busy = false;
                                     job->done(Failure{intent.error()});
                                     return;
                                 }
                                 job->result.paymentId = intent.value().paymentId;
                                 job->result.outTradeNo = intent.value().outTradeNo;
                                 sendPay(job);
                             });
}

void QrPaymentFlow::sendPay(const JobPtr& job)
{
    m_client.pay(
        job->result.outTradeNo, job->request.amount.fen(), job->request.authCode, job->request.description,
        this, [this, job](Result<ApiAnswer<QrOrderResult>> answer) { onPayAnswer(job, std::move(answer)); });
}

void QrPaymentFlow::onPayAnswer(const JobPtr& job, Result<ApiAnswer<QrOrderResult>> answer)
{
    if (!answer) {
        if (apiOutcomeOf(answer.error()) == ApiOutcome::NotSent) {
            job->result.message = answer.error().userMessage;
            record(job, QrState::NotPaid, {}, [this, job](bool) { finish(job, Outcome::NotSent); });
            return;
        }
        qCWarning(lcAcquirer).noquote()
            << "qr pay" << job->result.paymentId << "outcome unknown:" << answer.error().detail;
        queryUnknown(job, 1);
        return;
    }
    if (!answer.value().succeeded()) {
        // 4xx: refused, nothing was done.
        job->result.declineCode = answer.value().refusalCode();
        job->result.message = answer.value().refusal ? answer.value().refusal->message : QString();
        record(job, QrState::NotPaid, {}, [this, job](bool) { finish(job, Outcome::Declined); });
        return;
    }
    actOn(job, *answer.value().value);
}

// Acts on a definite result of pay or query. An answer about another order or amount is no answer.
void QrPaymentFlow::actOn(const JobPtr& job, const QrOrderResult& order)
{
    const bool matches =
        order.outTradeNo == job->result.outTradeNo &&
        (order.amountFen == job->request.amount.fen() || order.status != QrOrderStatus::Paid);
    if (!matches) {
        qCWarning(lcAcquirer) << "qr payment" << job->result.paymentId
                              << "answer for another order or amount";
        reverse(job);
        return;
    }
    job->result.message = order.message;
    switch (order.status) {
    case QrOrderStatus::Paid:
        job->result.transactionId = order.transactionId;
        job->result.paidAtMs = order.paidAtMs;
        record(job, QrState::Paid, order.transactionId, [this, job](bool committed) {
            if (committed) {
                finish(job, Outcome::Paid);
                return;
            }
            // Paid at the acquirer but not in the book of record: it must not be used; give it back.
            reverse(job);
        });
        return;
    case QrOrderStatus::UserPaying: {
        if (!job->userPayingDeadlineMs)
            job->userPayingDeadlineMs = now() + m_config.userPayingDeadlineMs;
        if (now() >= *job->userPayingDeadlineMs) {
            reverse(job);
            return;
        }
        if (job->ledgerState == QrState::UserPaying) {
            pollUserPaying(job);
            return;
        }
        record(job, QrState::UserPaying, {}, [this, job](bool) {
            Q_EMIT waitingForCustomer(job->result.paymentId);
            pollUserPaying(job);
        });
        return;
    }
    case QrOrderStatus::NotPay:
    case QrOrderStatus::PayError:
        job->result.declineCode =
            order.status == QrOrderStatus::PayError ? order.errorCode : QStringLiteral("NOTPAY");
        record(job, QrState::NotPaid, {}, [this, job](bool) { closeDeclined(job); });
        return;
    case QrOrderStatus::Closed:
        job->result.declineCode = QStringLiteral("CLOSED");
        record(job, QrState::Closed, {}, [this, job](bool) { finish(job, Outcome::Declined); });
        return;
    case QrOrderStatus::Reversed:
    case QrOrderStatus::Refund:
        // Not an answer a pay or query of this order can give: settle it by reversing (idempotent).
        reverse(job);
        return;
    }
}

// Commits the new state; next(true) once durable. A refused or failed commit is logged and next(false):
// the payment keeps its previous state in the ledger (recovered at the next start if it stayed open).
void QrPaymentFlow::record(const JobPtr& job,
                           QrState state,
                           const QString& channelOrderId,
                           std::function<void(bool)> next)
{
    m_journal.updateQrPayment(job->result.paymentId, {state, channelOrderId, now()}, this,
                              [job, state, next = std::move(next)](Result<> committed) {
                                  if (committed)
                                      job->ledgerState = state;
                                  else
                                      qCWarning(lcAcquirer).noquote()
                                          << "qr payment" << job->result.paymentId << "not recorded as"
                                          << qrStateKey(state) << ":" << committed.error().detail;
                                  next(committed.hasValue());
                              });
}

void QrPaymentFlow::queryUnknown(const JobPtr& job, int attempt)
{
    afterTimeout(m_config.unknownQueryIntervalMs, [this, job, attempt] {
        m_client.query(job->result.outTradeNo, this,
                       [this, job, attempt](Result<ApiAnswer<QrOrderResult>> answer) {
                           if (answer && answer.value().succeeded()) {
                               actOn(job, *answer.value().value);
                               return;
                           }
                           // ORDER_NOT_EXIST (the pay may still be on its way) or any other refusal: the
                           // reverse leaves a tombstone a late pay cannot pass.
                           if (answer || attempt >= m_config.unknownQueryAttempts) {
                               reverse(job);
                               return;
                           }
                           queryUnknown(job, attempt + 1);
                       });
    });
}

void QrPaymentFlow::pollUserPaying(const JobPtr& job)
{
    afterTimeout(m_config.pollIntervalMs, [this, job] {
        m_client.query(job->result.outTradeNo, this, [this, job](Result<ApiAnswer<QrOrderResult>> answer) {
            if (answer && answer.value().succeeded()) {
                actOn(job, *answer.value().value);
                return;
            }
            if (answer || now() >= *job->userPayingDeadlineMs) {
                reverse(job);
                return;
            }
            pollUserPaying(job); // a lost query changes nothing: ask again
        });
    });
}

void QrPaymentFlow::closeDeclined(const JobPtr& job)
{
    m_client.close(job->result.outTradeNo, this, [this, job](Result<ApiAnswer<QrOrderResult>> answer) {
        if (answer && answer.value().succeeded() && answer.value().value->status == QrOrderStatus::Closed &&
            job->ledgerState == QrState::NotPaid) {
            record(job, QrState::Closed, {}, [this, job](bool) { finish(job, Outcome::Declined); });
            return;
        }
        // NOTPAY/PAYERROR is final at the acquirer; the close is a courtesy.
        finish(job, Outcome::Declined);
    });
}

void QrPaymentFlow::reverse(const JobPtr& job)
{
    m_journal.beginQrReverse(job->result.paymentId, now(), this, [this, job](Result<OutboxItem> item) {
        if (!item) {
            // The ledger keeps the payment open; the next start makes its query due and recovery reverses it.
            qCWarning(lcAcquirer).noquote()
                << "qr payment" << job->result.paymentId << "reverse not recorded:" << item.error().detail;
            finish(job, Outcome::ReversalPending);
            return;
        }
        job->ledgerState = QrState::Unknown;
        sendReverse(job, item.value(), 1);
    });
}

void QrPaymentFlow::sendReverse(const JobPtr& job, const OutboxItem& item, int attempt)
{
    m_client.reverse(
        job->result.outTradeNo, this, [this, job, item, attempt](Result<ApiAnswer<QrOrderResult>> answer) {
            const bool reversed = answer && answer.value().succeeded() &&
                                  answer.value().value->status == QrOrderStatus::Reversed;
            if (reversed) {
                m_journal.completeRecovery(
                    item.id, QrState::Reversed, now(), this, [this, job](Result<> committed) {
                        finish(job, committed ? Outcome::Reversed : Outcome::ReversalPending);
                    });
                return;
            }
            const bool refused = answer && !answer.value().succeeded();
            if (!refused && attempt < m_config.immediateReverseAttempts) {
                afterTimeout(m_config.immediateReverseIntervalMs,
                             [this, job, item, attempt] { sendReverse(job, item, attempt + 1); });
                return;
            }
            const QString error = !answer   ? answer.error().detail
                                  : refused ? QStringLiteral("refused: %1").arg(answer.value().refusalCode())
                                            : QStringLiteral("answer was not REVERSED");
            job->result.declineCode = refused ? answer.value().refusalCode() : QString();
            m_journal.failRecovery(item.id, error,
                                   refused ? AttemptVerdict::GiveUp : AttemptVerdict::RetryLater,
                                   m_config.retryPolicy, now(), this,
                                   [this, job](Result<>) { finish(job, Outcome::ReversalPending); });
        });
}

void QrPaymentFlow::sendRecoveries(Completion<qint64> done)
{
    if (m_busy) {
        QTimer::singleShot(0, this, [done] {
            done(fail(ErrorCode::InvalidInput, QrFlowText::busy(), QStringLiteral("qr flow busy")));
        });
        return;
    }
    m_busy = true;
    drainRecoveries([this, done] {
        m_journal.pendingRecoveryCount(this, [this, done](Result<qint64> count) {
            m_busy = false;
            done(count);
        });
    });
}

void QrPaymentFlow::drainRecoveries(std::function<void()> finished)
{
    m_journal.claimDueRecovery(
        now(), this, [this, finished](Result<std::optional<ClaimedQrRecovery>> claimed) {
            if (!claimed || !claimed.value()) {
                if (!claimed)
                    qCWarning(lcAcquirer).noquote() << "qr recovery: claim failed:" << claimed.error().detail;
                finished();
                return;
            }
            const ClaimedQrRecovery recovery = *claimed.value();
            auto next = [this, finished](bool keepGoing) {
                if (keepGoing)
                    drainRecoveries(finished);
                else
                    finished();
            };
            if (recovery.payment.refund) {
                // No QR refund flow resends refunds yet: a person settles it (pos-tool, the acquirer's
                // portal).
                m_journal.failRecovery(recovery.item.id, QStringLiteral("qr refund recovery is manual"),
                                       AttemptVerdict::GiveUp, m_config.retryPolicy, now(), this,
                                       [next](Result<>) { next(true); });
                return;
            }
            if (recovery.item.kind == OutboxKind::QrReverse) {
                recoverByReverse(recovery.payment.paymentId, recovery.payment.outTradeNo, recovery.item,
                                 next);
                return;
            }
            recoverByQuery(recovery, next);
        });
}

void QrPaymentFlow::recoverByQuery(const ClaimedQrRecovery& claimed, std::function<void(bool)> next)
{
    m_client.query(
        claimed.payment.outTradeNo, this, [this, claimed, next](Result<ApiAnswer<QrOrderResult>> answer) {
            if (!answer) {
                m_journal.failRecovery(claimed.item.id, answer.error().detail, AttemptVerdict::RetryLater,
                                       m_config.retryPolicy, now(), this, [next](Result<>) { next(false); });
                return;
            }
            if (answer.value().succeeded() &&
                answer.value().value->outTradeNo == claimed.payment.outTradeNo) {
                const QrOrderStatus status = answer.value().value->status;
                if (status == QrOrderStatus::Closed || status == QrOrderStatus::Reversed) {
                    m_journal.completeRecovery(
                        claimed.item.id,
                        status == QrOrderStatus::Closed ? QrState::Closed : QrState::Reversed, now(), this,
                        [next](Result<> committed) { next(committed.hasValue()); });
                    return;
                }
            }
            // Paid, still paying, declined but not closed, or unknown to the acquirer: the sale it was for
            // never completed, so the order is reversed (refunds the payer, or closes it).
            m_journal.beginQrReverse(
                claimed.payment.paymentId, now(), this, [this, claimed, next](Result<OutboxItem> item) {
                    if (!item) {
                        qCWarning(lcAcquirer).noquote()
                            << "qr recovery: reverse not recorded:" << item.error().detail;
                        next(false);
                        return;
                    }
                    recoverByReverse(claimed.payment.paymentId, claimed.payment.outTradeNo, item.value(),
                                     next);
                });
        });
}

void QrPaymentFlow::recoverByReverse(qint64 paymentId,
                                     const QString& outTradeNo,
                                     const OutboxItem& item,
                                     std::function<void(bool)> next)
{
    m_client.reverse(
        outTradeNo, this, [this, paymentId, item, next](Result<ApiAnswer<QrOrderResult>> answer) {
            if (answer && answer.value().succeeded() &&
                answer.value().value->status == QrOrderStatus::Reversed) {
                m_journal.completeRecovery(item.id, QrState::Reversed, now(), this,
                                           [next](Result<> committed) { next(committed.hasValue()); });
                return;
            }
            const bool refused = answer && !answer.value().succeeded();
            const QString error = !answer   ? answer.error().detail
                                  : refused ? QStringLiteral("refused: %1").arg(answer.value().refusalCode())
                                            : QStringLiteral("answer was not REVERSED");
            qCWarning(lcAcquirer).noquote()
                << "qr recovery: reverse of payment" << paymentId << "failed:" << error;
            m_journal.failRecovery(
                item.id, error, refused ? AttemptVerdict::GiveUp : AttemptVerdict::RetryLater,
                m_config.retryPolicy, now(), this, [next, refused](Result<>) { next(refused); });
        });
}

} // namespace acquirer
} // namespace pos
