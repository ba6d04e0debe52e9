// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerQrJournal.h"

#include "storage/LedgerService.h"
#include "storage/LedgerSupport.h"

#include <QDateTime>
#include <QRegularExpression>

namespace pos {
namespace storage {

namespace {

template <typename T>
std::function<void(const Result<T>&)> forward(QrHostJournal::Completion<T> done)
{
    return [done = std::move(done)](const Result<T>& result) {
        if (done)
            done(result);
    };
}

} // namespace

Result<QString> qrOrderNumber(const QString& terminalId, qint64 createdMs, qint64 sequence)
{
    static const QRegularExpression terminal(QStringLiteral("^[0-9A-Za-z]{1,16}$"));
    if (!terminal.match(terminalId).hasMatch() || sequence < 0)
        return detail::invalid(
            detail::LedgerText::tr("The terminal has no valid terminal id for QR payments."),
            QStringLiteral("terminal id of %1 characters").arg(terminalId.size()));
    const QString date = QDateTime::fromMSecsSinceEpoch(createdMs).toString(QStringLiteral("yyMMdd"));
    return QString(terminalId + date +
                   QStringLiteral("%1").arg(sequence % 100'000'000, 8, 10, QLatin1Char('0')));
}

void LedgerQrJournal::beginQrPayment(const QrPayIntentInput& intent,
                                     QObject* context,
                                     Completion<QrPayIntent> done)
{
    m_service.run<QrPayIntent>(
        [intent](Ledger& ledger) -> Result<QrPayIntent> {
            const Result<qint64> sequence = ledger.nextQrOrderSequence();
            if (!sequence)
                return Failure{sequence.error()};
            const Result<QString> number =
                qrOrderNumber(intent.terminalId, intent.createdMs, sequence.value());
            if (!number)
                return Failure{number.error()};
            const Result<qint64> paymentId = ledger.beginQrPayment(
                {false, intent.channel, intent.amount, number.value(), std::nullopt, intent.createdMs});
            if (!paymentId)
                return Failure{paymentId.error()};
            return QrPayIntent{paymentId.value(), number.value()};
        },
        context, forward(std::move(done)));
}

void LedgerQrJournal::updateQrPayment(qint64 paymentId,
                                      const QrUpdate& update,
                                      QObject* context,
                                      Completion<void> done)
{
    m_service.run<void>(
        [paymentId, update](Ledger& ledger) { return ledger.updateQrPayment(paymentId, update); }, context,
        forward(std::move(done)));
}

void LedgerQrJournal::beginQrReverse(qint64 paymentId,
                                     qint64 nowMs,
                                     QObject* context,
                                     Completion<OutboxItem> done)
{
    m_service.run<OutboxItem>(
        [paymentId, nowMs](Ledger& ledger) { return ledger.beginQrReverse(paymentId, nowMs); }, context,
        forward(std::move(done)));
}

void LedgerQrJournal::claimDueRecovery(qint64 nowMs,
                                       QObject* context,
                                       Completion<std::optional<ClaimedQrRecovery>> done)
{
    m_service.run<std::optional<ClaimedQrRecovery>>(
        [nowMs](Ledger& ledger) -> Result<std::optional<ClaimedQrRecovery>> {
            const Result<std::optional<OutboxItem>> claimed =
                ledger.claimDueOutbox(nowMs, {OutboxKind::QrQuery, OutboxKind::QrReverse});
            if (!claimed)
                return Failure{claimed.error()};
            if (!claimed.value())
                return std::optional<ClaimedQrRecovery>();
            const OutboxItem& item = *claimed.value();
            if (!item.qrPaymentId)
                return fail(ErrorCode::Internal, QString(),
                            QStringLiteral("outbox item %1 recovers no QR payment").arg(item.id));
            const Result<QrPaymentReference> payment = ledger.qrPaymentReference(*item.qrPaymentId);
            if (!payment)
                return Failure{payment.error()};
            return std::optional<ClaimedQrRecovery>(ClaimedQrRecovery{item, payment.value()});
        },
        context, forward(std::move(done)));
}

void LedgerQrJournal::completeRecovery(
    qint64 itemId, QrState finalState, qint64 nowMs, QObject* context, Completion<void> done)
{
    m_service.run<void>([itemId, finalState,
                         nowMs](Ledger& ledger) { return ledger.completeOutbox(itemId, nowMs, finalState); },
                        context, forward(std::move(done)));
}

void LedgerQrJournal::failRecovery(qint64 itemId,
                                   const QString& error,
                                   AttemptVerdict verdict,
                                   const RetryPolicy& policy,
                                   qint64 nowMs,
                                   QObject* context,
                                   Completion<void> done)
{
    m_service.run<void>(
        [itemId, error, verdict, policy, nowMs](Ledger& ledger) {
            return ledger.failOutboxAttempt(itemId, error, verdict, policy, nowMs);
        },
        context, forward(std::move(done)));
}

void LedgerQrJournal::pendingRecoveryCount(QObject* context, Completion<qint64> done)
{
    m_service.run<qint64>([](Ledger& ledger) { return ledger.pendingQrRecoveryCount(); }, context,
                          forward(std::move(done)));
}

} // namespace storage
} // namespace pos
