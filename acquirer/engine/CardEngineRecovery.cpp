// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// CardEngine: the recovery queue (reversals and refund advices, reference §9.3 rule 4) and settlement with
// batch upload (rule 10).
#include "acquirer/AcquirerLog.h"
#include "acquirer/engine/CardEngine.h"
#include "acquirer/engine/CardEngineInternal.h"
#include "acquirer/iso8583/StructuredFields.h"

namespace pos {
namespace acquirer {

namespace {

bool asksForSignOn(const QString& responseCode)
{
    return responseCode == QLatin1String("A0") || responseCode == QLatin1String("99");
}

pos::SettlementTotals totalsOf(const acquirer::SettlementTotalsPart& part)
{
    return {part.debitCount, Money::fromFen(part.debitAmountFen), part.creditCount,
            Money::fromFen(part.creditAmountFen)};
}

} // namespace

void CardEngine::sendRecoveries(Completion<qint64> done)
{
    if (!begin([done](const Error& error) { done(Failure{error}); }))
        return;
    const auto drain = [this, done] {
        drainRecoveries([this, done] {
            m_journal.pendingReversalCount(this, [this, done](Result<qint64> owed) {
                end();
                done(std::move(owed));
            });
        });
    };
    if (m_signedOn) {
        drain();
        return;
    }
    doSignOn([this, done, drain](Result<WorkKeyCheck> check) {
        if (!check) {
            end();
            done(Failure{check.error()});
            return;
        }
        drain();
    });
}

// Head of line: the oldest due item is sent until it is answered or its immediate attempts are used up; in
// the second case the queue stops there (the item waits for its retry time) and next() runs.
void CardEngine::drainRecoveries(const Step& next)
{
    m_journal.claimDueRecovery(now(), this, [this, next](Result<std::optional<ClaimedRecovery>> claimed) {
        if (!claimed) {
            qCWarning(lcAcquirer).noquote() << "recovery queue unreadable:" << claimed.error().detail;
            next();
            return;
        }
        if (!claimed.value()) {
            next();
            return;
        }
        attemptRecovery(*claimed.value(), 1, next);
    });
}

void CardEngine::attemptRecovery(const ClaimedRecovery& claimed, int attempt, const Step& next)
{
    const OutboxItem& item = claimed.item;
    const QString reason = item.reasonCode.isEmpty() ? QStringLiteral("06") : item.reasonCode;
    Result<IsoMessage> request =
        recoveryRequest(m_config.profile, item.payload, claimed.payment.trace, reason);
    if (!request) {
        // A payload this program cannot read will not get better by retrying: park it for a person.
        m_journal.failRecovery(item.id, request.error().detail, AttemptVerdict::GiveUp, m_config.retryPolicy,
                               now(), this, [this, next](Result<void>) { drainRecoveries(next); });
        return;
    }
    if (attempt > 1 && m_config.reversalRetryAs0401 && request.value().mti() == QLatin1String("0400"))
        request.value().setMti(QStringLiteral("0401"));
    exchange(request.value(), [this, claimed, attempt, next](Exchanged answer) {
        const OutboxItem& sent = claimed.item;
        const bool answered = answer.kind == Exchanged::Kind::Answered && answer.macValid;
        const QString code = answered ? answer.response.text(39) : QString();
        if (answered && asksForSignOn(code)) {
            m_signedOn = false;
            Q_EMIT signOnRequired();
        }
        const bool retryCode = m_config.recoveryRetryCodes.contains(code);
        if (answered && !asksForSignOn(code) && !retryCode &&
            !(sent.kind == OutboxKind::Advice && code == QLatin1String("94"))) {
            CardOutcome outcome;
            outcome.approved = code == QLatin1String("00");
            outcome.responseCode = code;
            outcome.rrn = answer.response.text(37).trimmed();
            outcome.authCode = answer.response.text(38).trimmed();
            outcome.completedMs = now();
            qCInfo(lcAcquirer).noquote()
                << outboxKindKey(sent.kind) << "of stan" << claimed.payment.trace.stan << "answered" << code;
            m_journal.completeRecovery(sent.id, outcome, this, [this, next](Result<void> done) {
                if (!done)
                    qCWarning(lcAcquirer).noquote() << "recovery not recorded:" << done.error().detail;
                drainRecoveries(next);
            });
            return;
        }
        if (answered && code == QLatin1String("94")) {
            // The host says it already has this advice: never repeated blindly (reference §9.3 rule 7).
            m_journal.failRecovery(sent.id, QStringLiteral("host answered 94 (duplicate)"),
                                   AttemptVerdict::GiveUp, m_config.retryPolicy, now(), this,
                                   [next](Result<void>) { next(); });
            return;
        }
        const QString error =
            answered
                ? (retryCode ? QStringLiteral("host answered %1: not processed, try again").arg(code)
                             : QStringLiteral("host asked for a new sign-on (%1)").arg(code))
                : (answer.kind == Exchanged::Kind::Answered ? QStringLiteral("answer failed its MAC check")
                                                            : answer.error.detail);
        if (attempt < m_config.immediateRecoveryAttempts) {
            const auto retry = [this, claimed, attempt, next] {
                attemptRecovery(claimed, attempt + 1, next);
            };
            if (!m_signedOn) {
                doSignOn([retry](Result<WorkKeyCheck>) { retry(); });
                return;
            }
            retry();
            return;
        }
        qCWarning(lcAcquirer).noquote() << outboxKindKey(sent.kind) << "of stan" << claimed.payment.trace.stan
                                        << "queued for later:" << error;
        m_journal.failRecovery(sent.id, error, AttemptVerdict::RetryLater, m_config.retryPolicy, now(), this,
                               [next](Result<void>) { next(); });
    });
}

// --- settlement
// ---------------------------------------------------------------------------------------------

void CardEngine::settle(Completion<SettlementReport> done)
{
    if (!begin([done](const Error& error) { done(Failure{error}); }))
        return;
    auto failed = [this, done](const Error& error) {
        end();
        done(Failure{error});
    };
    readyForFinancial(failed, [this, done, failed] {
        m_journal.beginSettlement(now(), this, [this, done, failed](Result<SettlementBatch> batch) {
            if (!batch) {
                failed(batch.error());
                return;
            }
            settleBatch(batch.value(), [this, done](Result<SettlementReport> report) {
                end();
                done(std::move(report));
            });
        });
    });
}

void CardEngine::settleBatch(const SettlementBatch& batch, Completion<SettlementReport> done)
{
    m_journal.allocateStan(now(), this, [this, batch, done](Result<TerminalTrace> trace) {
        const Result<IsoMessage> request =
            trace ? settlementRequest(m_config.profile, trace.value(), batch.local)
                  : Result<IsoMessage>(Failure{trace.error()});
        if (!request) {
            done(Failure{request.error()});
            return;
        }
        exchange(request.value(), [this, batch, done](Exchanged answer) {
            if (answer.kind != Exchanged::Kind::Answered) {
                done(fail(ErrorCode::OutcomeUnknown,
                          EngineText::tr(
                              "The acquirer did not confirm the settlement. Try again; nothing is lost."),
                          answer.error.detail));
                return;
            }
            const QString code = answer.response.text(39);
            const Result<acquirer::SettlementTotals> hostTotals =
                acquirer::SettlementTotals::parse(answer.response.digits(48));
            if (code != QLatin1String("00") || !hostTotals) {
                done(fail(ErrorCode::Declined,
                          EngineText::tr("The acquirer refused the settlement (code %1).").arg(code),
                          hostTotals ? QStringLiteral("0510 F39 %1").arg(code) : hostTotals.error().detail));
                return;
            }
            SettlementReport report;
            report.batchNo = batch.batchNo;
            report.local = batch.local;
            report.host = totalsOf(hostTotals.value().domestic);
            report.balanced = hostTotals.value().domestic.settleFlag == 1;
            const SettlementHostResult result{report.host, report.balanced, code, now()};
            m_journal.completeSettlement(
                batch.id, result, this, [this, batch, report, done](Result<void> stored) {
                    if (!stored) {
                        done(Failure{stored.error()});
                        return;
                    }
                    if (report.balanced) {
                        qCInfo(lcAcquirer) << "batch" << batch.batchNo << "settled, balanced";
                        done(report);
                        return;
                    }
                    qCWarning(lcAcquirer)
                        << "batch" << batch.batchNo << "unbalanced: uploading its transactions";
                    uploadBatch(batch, report, done);
                });
        });
    });
}

void CardEngine::uploadBatch(const SettlementBatch& batch,
                             SettlementReport report,
                             Completion<SettlementReport> done)
{
    m_journal.batchCardRecords(
        batch.terminalId, batch.batchNo, this,
        [this, batch, report, done](Result<QList<BatchCardRecord>> records) {
            if (!records) {
                done(Failure{records.error()});
                return;
            }
            // The messages: magstripe records in 201 groups first, then each IC record as 205, then the end
            // (207). Their STANs are taken in one durable step, then the messages go one at a time.
            auto chunks = std::make_shared<QList<QList<BatchCardRecord>>>();
            for (const BatchCardRecord& record : records.value()) {
                if (isIcRecord(record))
                    continue;
                if (chunks->isEmpty() || chunks->last().size() == batchUploadRecordsPerMessage)
                    chunks->append(QList<BatchCardRecord>());
                chunks->last().append(record);
            }
            for (const BatchCardRecord& record : records.value())
                if (isIcRecord(record))
                    chunks->append(QList<BatchCardRecord>{record});
            const auto refuse = [done](const Error& error) {
                done(fail(ErrorCode::OutcomeUnknown,
                          EngineText::tr(
                              "The batch upload to the acquirer was interrupted. Settle again to finish it."),
                          error.detail));
            };
            m_journal.allocateStans(
                static_cast<int>(chunks->size()) + 1, now(), this,
                [this, batch, report, done, chunks, refuse](Result<QList<TerminalTrace>> traces) {
                    if (!traces) {
                        refuse(traces.error());
                        return;
                    }
                    sendUploadMessage(batch, report, chunks,
                                      std::make_shared<QList<TerminalTrace>>(traces.value()), 0, 0, done);
                });
        });
}

void CardEngine::sendUploadMessage(const SettlementBatch& batch,
                                   SettlementReport report,
                                   std::shared_ptr<QList<QList<BatchCardRecord>>> chunks,
                                   std::shared_ptr<QList<TerminalTrace>> traces,
                                   int index,
                                   int uploaded,
                                   Completion<SettlementReport> done)
{
    const auto refuse = [done](const Error& error) {
        done(fail(
            ErrorCode::OutcomeUnknown,
            EngineText::tr("The batch upload to the acquirer was interrupted. Settle again to finish it."),
            error.detail));
    };
    const bool last = index == chunks->size();
    const TerminalTrace& trace = traces->at(index);
    const Result<IsoMessage> request =
        last ? batchUploadEndRequest(m_config.profile, trace, uploaded, true)
        : isIcRecord(chunks->at(index).front())
            ? icDetailUploadRequest(m_config.profile, trace, batch.batchNo, chunks->at(index).front(), true)
            : batchUploadRequest(m_config.profile, trace, chunks->at(index));
    if (!request) {
        refuse(request.error());
        return;
    }
    exchange(request.value(), [=, this](Exchanged answer) {
        if (answer.kind != Exchanged::Kind::Answered || answer.response.text(39) != QLatin1String("00")) {
            refuse(answer.kind == Exchanged::Kind::Answered
                       ? Error{ErrorCode::Declined, QString(),
                               QStringLiteral("0330 F39 %1").arg(answer.response.text(39))}
                       : answer.error);
            return;
        }
        if (!last) {
            sendUploadMessage(batch, report, chunks, traces, index + 1,
                              uploaded + static_cast<int>(chunks->at(index).size()), done);
            return;
        }
        m_journal.finishBatchUpload(batch.id, now(), this,
                                    [report, uploaded, done](Result<void> closed) mutable {
                                        if (!closed) {
                                            done(Failure{closed.error()});
                                            return;
                                        }
                                        report.uploadedRecords = uploaded;
                                        done(report);
                                    });
    });
}

} // namespace acquirer
} // namespace pos
