// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/engine/CardEngine.h"

#include "acquirer/AcquirerLog.h"
#include "acquirer/engine/CardEngineInternal.h"
#include "acquirer/iso8583/StructuredFields.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QDateTime>
#include <QTimer>

namespace pos {
namespace acquirer {

namespace {

CardIntentInput intentFor(const CardEngineConfig& config,
                          CardTransactionType type,
                          Money amount,
                          const CardRead* card,
                          const CardPaymentReference* original,
                          QByteArray payload,
                          qint64 nowMs)
{
    CardIntentInput intent;
    intent.type = type;
    intent.amount = amount;
    if (card) {
        intent.panMasked = card->panMasked;
        const Result<QByteArray> hash = crypto::hmacSha256(config.panHashKey, card->pan.toLatin1());
        intent.panHmac = hash ? hash.value() : QByteArray();
        intent.panHmacKeyId = config.panHashKeyId;
        intent.entryMode = cardEntryKey(card->entry);
    } else if (original) {
        intent.panMasked = original->panMasked;
        intent.panHmac = original->panHmac;
        intent.panHmacKeyId = original->panHmacKeyId;
        intent.entryMode = QStringLiteral("manual");
    }
    if (original)
        intent.originalPaymentId = original->paymentId;
    intent.recoveryPayload = std::move(payload);
    intent.createdMs = nowMs;
    return intent;
}

CardTransactionType ledgerType(FinancialKind kind)
{
    switch (kind) {
    case FinancialKind::Void: return CardTransactionType::Void;
    case FinancialKind::Refund: return CardTransactionType::Refund;
    case FinancialKind::Activation: return CardTransactionType::Activation;
    case FinancialKind::Sale:
    case FinancialKind::BalanceInquiry: break;
    }
    return CardTransactionType::Sale;
}

// The local calendar date of a UTC timestamp as MMDD (field 61.3 of a refund).
QString localMmdd(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(QStringLiteral("MMdd"));
}

} // namespace

CardEngine::CardEngine(CardEngineConfig config,
                       ExchangeFunction exchange,
                       KeyOperations& keys,
                       CardHostJournal& journal,
                       QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_exchange(std::move(exchange))
    , m_keys(keys)
    , m_journal(journal)
    , m_codec(FieldTable::cupDefault(pinBlockSize(m_config.profile)))
{
    if (!m_config.clock)
        m_config.clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

CardEngine::~CardEngine() = default;

qint64 CardEngine::now() const
{
    return m_config.clock();
}

bool CardEngine::begin(const std::function<void(const Error&)>& refuse)
{
    if (!m_busy) {
        m_busy = true;
        return true;
    }
    const Error busy{ErrorCode::InvalidInput,
                     EngineText::tr("Another card transaction is still running. Wait for it to finish."),
                     QStringLiteral("engine busy")};
    QTimer::singleShot(0, this, [refuse, busy] { refuse(busy); });
    return false;
}

void CardEngine::end()
{
    m_busy = false;
}

// --- exchange -------------------------------------------------------------------------------------------

void CardEngine::exchange(IsoMessage request, std::function<void(Exchanged)> next)
{
    if (!requestNeedsMac(request.mti())) {
        sendFrame(request, std::move(next));
        return;
    }
    const Result<QByteArray> mab = m_codec.macBlock(request);
    if (!mab) {
        Exchanged failed{Exchanged::Kind::NotSent, request, {}, false, mab.error()};
        QTimer::singleShot(0, this, [next, failed] { next(failed); });
        return;
    }
    m_keys.computeMac(m_config.macAlgorithm, mab.value(), this,
                      [this, request, next = std::move(next)](Result<QByteArray> mac) mutable {
                          if (!mac) {
                              next({Exchanged::Kind::NotSent, request, {}, false, mac.error()});
                              return;
                          }
                          request.setField(64, mac.value());
                          sendFrame(request, std::move(next));
                      });
}

void CardEngine::sendFrame(const IsoMessage& request, std::function<void(Exchanged)> next)
{
    const Result<QByteArray> frame = m_codec.encodeFrame(request);
    if (!frame) {
        Exchanged failed{Exchanged::Kind::NotSent, request, {}, false, frame.error()};
        QTimer::singleShot(0, this, [next, failed] { next(failed); });
        return;
    }
    qCInfo(lcAcquirer).noquote() << "send" << request.mti() << "stan" << request.digits(11);
    m_exchange(frame.value(), this, [this, request, next = std::move(next)](Result<QByteArray> answer) {
        if (!answer) {
            const bool notSent = answer.error().code == ErrorCode::NetworkFailure;
            qCWarning(lcAcquirer).noquote()
                << request.mti() << "stan" << request.digits(11)
                << (notSent ? "not sent:" : "outcome unknown:") << answer.error().detail;
            next({notSent ? Exchanged::Kind::NotSent : Exchanged::Kind::Unknown,
                  request,
                  {},
                  false,
                  answer.error()});
            return;
        }
        Result<IsoMessage> response = m_codec.decodeFrame(answer.value());
        if (!response) {
            qCWarning(lcAcquirer).noquote() << "undecodable answer to" << request.mti() << "stan"
                                            << request.digits(11) << ":" << response.error().detail;
            next({Exchanged::Kind::Unknown, request, {}, false, response.error()});
            return;
        }
        if (const Result<> matched = checkResponseMatches(request, response.value()); !matched) {
            qCWarning(lcAcquirer).noquote() << "unmatched answer dropped:" << matched.error().detail;
            next({Exchanged::Kind::Unknown, request, {}, false, matched.error()});
            return;
        }
        const int requirement = response.value().processingRequirement();
        if (requirement == 3 && m_signedOn) {
            m_signedOn = false;
            Q_EMIT signOnRequired();
        } else if (requirement >= 4 && requirement <= 7) {
            Q_EMIT downloadRequested(requirement);
        }
        verifyResponse(request, std::move(response.value()), std::move(next));
    });
}

void CardEngine::verifyResponse(const IsoMessage& request,
                                IsoMessage response,
                                std::function<void(Exchanged)> next)
{
    if (!responseNeedsMac(response)) {
        next({Exchanged::Kind::Answered, request, std::move(response), true, {}});
        return;
    }
    const Result<QByteArray> mab = m_codec.macBlock(response);
    if (!response.hasField(64) || !mab) {
        qCWarning(lcAcquirer).noquote() << response.mti() << "stan" << response.digits(11) << "without MAC";
        next({Exchanged::Kind::Answered, request, std::move(response), false, {}});
        return;
    }
    m_keys.computeMac(m_config.macAlgorithm, mab.value(), this,
                      [request, response, next = std::move(next)](Result<QByteArray> mac) {
                          const bool valid = mac && mac.value() == response.field(64);
                          if (!valid)
                              qCWarning(lcAcquirer).noquote()
                                  << response.mti() << "stan" << response.digits(11)
                                  << "MAC verification failed";
                          next({Exchanged::Kind::Answered, request, response, valid, {}});
                      });
}

// --- sign-on and echo -------------------------------------------------------------------------------------

void CardEngine::signOn(Completion<WorkKeyCheck> done)
{
    if (!begin([done](const Error& error) { done(Failure{error}); }))
        return;
    doSignOn([this, done](Result<WorkKeyCheck> result) {
        end();
        done(std::move(result));
    });
}

void CardEngine::doSignOn(Completion<WorkKeyCheck> done)
{
    m_journal.allocateStan(now(), this, [this, done](Result<TerminalTrace> trace) {
        if (!trace) {
            done(Failure{trace.error()});
            return;
        }
        const Result<IsoMessage> request = signOnRequest(m_config.profile, trace.value());
        if (!request) {
            done(Failure{request.error()});
            return;
        }
        exchange(request.value(), [this, done, batch = trace.value().batchNo](Exchanged answer) {
            if (answer.kind != Exchanged::Kind::Answered) {
                done(fail(
                    answer.error.code == ErrorCode::NetworkFailure ? ErrorCode::NetworkFailure
                                                                   : ErrorCode::OutcomeUnknown,
                    EngineText::tr("Signing on with the acquirer failed: %1").arg(answer.error.userMessage),
                    answer.error.detail));
                return;
            }
            const QString code = answer.response.text(39);
            if (code != QLatin1String("00") || !answer.response.hasField(62)) {
                done(fail(ErrorCode::Declined,
                          EngineText::tr("The acquirer refused the sign-on (code %1).").arg(code),
                          QStringLiteral("0810 F39 %1").arg(code)));
                return;
            }
            const Result<Field60> field60 = Field60::parse(answer.response.digits(60));
            if (field60 && field60.value().batchNumber.toInt() != batch)
                qCWarning(lcAcquirer)
                    << "host batch" << field60.value().batchNumber << "differs from local batch" << batch;
            m_keys.installWorkKeys(m_config.profile.keyLayout, answer.response.field(62), this,
                                   [this, done](Result<WorkKeyCheck> check) {
                                       m_signedOn = check.hasValue();
                                       if (!check)
                                           qCWarning(lcAcquirer).noquote()
                                               << "work keys refused:" << check.error().detail;
                                       else
                                           qCInfo(lcAcquirer) << "signed on";
                                       done(std::move(check));
                                   });
        });
    });
}

void CardEngine::echo(Completion<void> done)
{
    networkManagement(QStringLiteral("301"), std::move(done));
}

void CardEngine::signOff(Completion<void> done)
{
    networkManagement(QStringLiteral("002"), [this, done](Result<void> result) {
        if (result)
            m_signedOn = false; // the pad keeps its keys until the next sign-on replaces them
        done(result);
    });
}

void CardEngine::networkManagement(const QString& code, Completion<void> done)
{
    if (!begin([done](const Error& error) { done(Failure{error}); }))
        return;
    m_journal.allocateStan(now(), this, [this, code, done](Result<TerminalTrace> trace) {
        const Result<IsoMessage> request = trace ? networkRequest(m_config.profile, trace.value(), code)
                                                 : Result<IsoMessage>(Failure{trace.error()});
        if (!request) {
            end();
            done(Failure{request.error()});
            return;
        }
        exchange(request.value(), [this, code, done](Exchanged answer) {
            end();
            if (answer.kind != Exchanged::Kind::Answered)
                done(Failure{answer.error});
            else if (answer.response.text(39) != QLatin1String("00"))
                done(fail(ErrorCode::Declined,
                          EngineText::tr("The acquirer refused the network message (%1) with code %2.")
                              .arg(code, answer.response.text(39)),
                          QStringLiteral("0830 60.3 %1 F39 %2").arg(code, answer.response.text(39))));
            else
                done({});
        });
    });
}

// --- financial transactions -------------------------------------------------------------------------------

void CardEngine::sale(Money amount, const CardRead& card, Completion<CardResult> done)
{
    auto job = std::make_shared<FinancialJob>();
    job->kind = FinancialKind::Sale;
    job->amount = amount;
    job->card = card;
    job->done = std::move(done);
    startFinancial(job);
}

void CardEngine::voidSale(qint64 originalPaymentId,
                          const std::optional<CardRead>& card,
                          Completion<CardResult> done)
{
    auto job = std::make_shared<FinancialJob>();
    job->kind = FinancialKind::Void;
    job->card = card;
    job->originalPaymentId = originalPaymentId;
    job->done = std::move(done);
    startFinancial(job);
}

void CardEngine::refund(qint64 originalPaymentId,
                        Money amount,
                        const CardRead& card,
                        Completion<CardResult> done)
{
    auto job = std::make_shared<FinancialJob>();
    job->kind = FinancialKind::Refund;
    job->amount = amount;
    job->card = card;
    job->originalPaymentId = originalPaymentId;
    job->done = std::move(done);
    startFinancial(job);
}

void CardEngine::balanceInquiry(const CardRead& card, Completion<CardResult> done)
{
    auto job = std::make_shared<FinancialJob>();
    job->kind = FinancialKind::BalanceInquiry;
    job->card = card;
    job->done = std::move(done);
    startFinancial(job);
}

void CardEngine::activate(const CardRead& card, Completion<ActivationSwipeResult> done)
{
    auto job = std::make_shared<FinancialJob>();
    job->kind = FinancialKind::Activation;
    job->card = card;
    // The job outlives its completion call (whoever calls done holds it), so the raw pointer is safe there;
    // a shared_ptr here would make the job own itself.
    FinancialJob* raw = job.get();
    job->done = [raw, done = std::move(done)](Result<CardResult> result) {
        if (!result) {
            done(Failure{result.error()});
            return;
        }
        ActivationSwipeResult swipe;
        swipe.outcome = result.value().outcome;
        swipe.responseCode = result.value().responseCode;
        swipe.rrn = result.value().rrn;
        swipe.trace = result.value().trace;
        if (raw->activationTerms) {
            swipe.singleLimitFen = raw->activationTerms->singleLimitFen;
            swipe.dailyLimitFen = raw->activationTerms->dailyLimitFen;
            swipe.fees = raw->activationTerms->fees;
        }
        done(swipe);
    };
    startFinancial(job);
}

void CardEngine::readyForFinancial(const FailStep& failed, const Step& next)
{
    const auto afterSignOn = [this, failed, next] {
        drainRecoveries([this, failed, next] {
            m_journal.pendingReversalCount(this, [failed, next](Result<qint64> owed) {
                if (!owed) {
                    failed(owed.error());
                    return;
                }
                if (owed.value() > 0) {
                    failed(
                        {ErrorCode::NetworkFailure,
                         EngineText::tr("A reversal is still waiting for the acquirer. Card payments resume "
                                        "once it is confirmed; check the network."),
                         QStringLiteral("%1 reversal(s) owed").arg(owed.value())});
                    return;
                }
                next();
            });
        });
    };
    if (m_signedOn) {
        afterSignOn();
        return;
    }
    doSignOn([failed, afterSignOn](Result<WorkKeyCheck> check) {
        if (!check)
            failed(check.error());
        else
            afterSignOn();
    });
}

void CardEngine::startFinancial(std::shared_ptr<FinancialJob> job)
{
    if (!begin([job](const Error& error) { job->done(Failure{error}); }))
        return;
    auto failed = [this, job](const Error& error) {
        end();
        job->done(Failure{error});
    };
    readyForFinancial(failed, [this, job, failed] {
        const auto withOriginal = [this, job, failed] {
            const CardRead* card = job->card ? &*job->card : nullptr;
            const OriginalTransaction* original = job->original ? &*job->original : nullptr;
            if (job->kind == FinancialKind::BalanceInquiry) {
                m_journal.allocateStan(now(), this, [this, job, failed](Result<TerminalTrace> trace) {
                    if (!trace) {
                        failed(trace.error());
                        return;
                    }
                    job->intent = {0,
                                   trace.value().terminalId,
                                   trace.value().merchantId,
                                   trace.value().batchNo,
                                   trace.value().stan,
                                   now()};
                    sendFinancial(job, job->intent);
                });
                return;
            }
            // The payload is built before the STAN exists: it never holds F11, and 60.2 is replaced when a
            // recovery is sent.
            const Result<IsoMessage> draft = financialRequest(
                m_config.profile, job->kind,
                TerminalTrace{QStringLiteral("00000000"), QString(15, QLatin1Char('0')), 0, 1}, job->amount,
                card, original, m_keys.keyScheme());
            if (!draft) {
                failed(draft.error());
                return;
            }
            const CardIntentInput intent =
                intentFor(m_config, ledgerType(job->kind), job->amount, card,
                          job->originalReference ? &*job->originalReference : nullptr,
                          recoveryPayload(draft.value()), now());
            m_journal.beginCardPayment(intent, this, [this, job, failed](Result<CardIntent> begun) {
                if (!begun) {
                    failed(begun.error());
                    return;
                }
                job->intent = begun.value();
                sendFinancial(job, begun.value());
            });
        };
        if (!job->originalPaymentId) {
            withOriginal();
            return;
        }
        m_journal.cardPaymentReference(
            *job->originalPaymentId, this,
            [job, failed, withOriginal](Result<CardPaymentReference> reference) {
                if (!reference) {
                    failed(reference.error());
                    return;
                }
                const CardPaymentReference& ref = reference.value();
                if (ref.hostState != QLatin1String("approved") &&
                    ref.hostState != QLatin1String("refunded")) {
                    failed(
                        {ErrorCode::InvalidInput,
                         EngineText::tr("Only an approved card payment can be voided or refunded."),
                         QStringLiteral("original payment %1 is %2").arg(ref.paymentId).arg(ref.hostState)});
                    return;
                }
                if (job->kind == FinancialKind::Void)
                    job->amount = ref.amount;
                job->originalReference = ref;
                job->original = OriginalTransaction{ref.rrn,        ref.authCode,           ref.trace.batchNo,
                                                    ref.trace.stan, localMmdd(ref.localMs), ref.amount};
                withOriginal();
            });
    });
}

void CardEngine::sendFinancial(std::shared_ptr<FinancialJob> job, const CardIntent& intent)
{
    const TerminalTrace trace{intent.terminalId, intent.merchantId, intent.batchNo, intent.stan};
    const Result<IsoMessage> request =
        financialRequest(m_config.profile, job->kind, trace, job->amount, job->card ? &*job->card : nullptr,
                         job->original ? &*job->original : nullptr, m_keys.keyScheme());
    // The card data is not needed any more: drop it before the network round trip.
    job->card.reset();
    if (!request) {
        if (intent.paymentId == 0) {
            end();
            job->done(Failure{request.error()});
            return;
        }
        // The intent is committed but nothing was sent: record it as not sent.
        finishFinancial(job, {Exchanged::Kind::NotSent, {}, {}, false, request.error()});
        return;
    }
    exchange(request.value(), [this, job](Exchanged answer) { finishFinancial(job, std::move(answer)); });
}

void CardEngine::finishFinancial(std::shared_ptr<FinancialJob> job, Exchanged answer)
{
    CardResult result;
    result.paymentId = job->intent.paymentId;
    result.trace = {job->intent.terminalId, job->intent.merchantId, job->intent.batchNo, job->intent.stan};
    result.amount = job->amount;
    const bool isPayment = job->intent.paymentId != 0;

    if (answer.kind == Exchanged::Kind::Unknown ||
        (answer.kind == Exchanged::Kind::Answered && !answer.macValid &&
         answer.response.text(39) == QLatin1String("00"))) {
        if (!isPayment) { // a balance inquiry moves no money: nothing to reverse
            end();
            job->done(Failure{answer.kind == Exchanged::Kind::Unknown
                                  ? answer.error
                                  : Error{ErrorCode::ProtocolViolation,
                                          EngineText::tr("The acquirer's answer failed its security check."),
                                          QStringLiteral("bad MAC on balance inquiry")}});
            return;
        }
        const bool badMac = answer.kind == Exchanged::Kind::Answered;
        if (badMac) {
            m_signedOn = false;
            Q_EMIT signOnRequired();
        }
        recoverFinancial(job, badMac ? QStringLiteral("A0") : QStringLiteral("98"));
        return;
    }

    CardOutcome outcome;
    outcome.completedMs = now();
    if (answer.kind == Exchanged::Kind::NotSent) {
        outcome.approved = false;
        outcome.responseCode = QStringLiteral("NS");
        result.outcome = CardResult::Outcome::NotSent;
    } else {
        const IsoMessage& response = answer.response;
        outcome.responseCode = response.text(39);
        outcome.approved = outcome.responseCode == QLatin1String("00");
        outcome.rrn = response.text(37).trimmed();
        outcome.authCode = response.text(38).trimmed();
        outcome.pinVerified = outcome.approved && job->kind != FinancialKind::Refund;
        result.outcome = outcome.approved ? CardResult::Outcome::Approved : CardResult::Outcome::Declined;
        result.responseCode = outcome.responseCode;
        result.rrn = outcome.rrn;
        result.authCode = outcome.authCode;
        result.balance = response.text(54);
        if (response.hasField(63)) {
            const Result<Field63Response> field63 = Field63Response::parse(response.field(63));
            if (field63)
                result.cardOrganisation = field63.value().cardOrganisation;
        }
        if (outcome.responseCode == QLatin1String("A0") || outcome.responseCode == QLatin1String("99")) {
            m_signedOn = false;
            Q_EMIT signOnRequired();
        }
        if (outcome.responseCode == m_config.notActivatedCode && job->kind != FinancialKind::Activation)
            Q_EMIT activationRequired();
        if (job->kind == FinancialKind::Activation && outcome.approved) {
            // The host is active now, but a terminal that cannot read its terms must not act on the approval:
            // it is reversed (the host returns the terminal to pending) and the swipe can be repeated.
            const Result<ActivationTerms> terms = parseActivationTerms(response.field(62));
            if (!terms) {
                qCWarning(lcAcquirer).noquote()
                    << "activation approved with unreadable terms:" << terms.error().detail;
                recoverFinancial(job, QStringLiteral("30"));
                return;
            }
            job->activationTerms = terms.value();
        }
    }
    if (!isPayment) {
        end();
        if (answer.kind == Exchanged::Kind::NotSent)
            job->done(Failure{answer.error});
        else
            job->done(result);
        return;
    }
    m_journal.completeCardPayment(job->intent.paymentId, outcome, this,
                                  [this, job, result](Result<void> recorded) {
                                      end();
                                      if (!recorded)
                                          job->done(Failure{recorded.error()});
                                      else
                                          job->done(result);
                                  });
}

void CardEngine::recoverFinancial(std::shared_ptr<FinancialJob> job, const QString& reasonCode)
{
    const qint64 paymentId = job->intent.paymentId;
    m_journal.markReversalPending(
        paymentId, reasonCode, now(), this, [this, job, paymentId](Result<void> marked) {
            if (!marked) {
                end();
                job->done(Failure{marked.error()});
                return;
            }
            const auto report = [this, job, paymentId] {
                m_journal.cardPaymentReference(
                    paymentId, this, [this, job](Result<CardPaymentReference> reference) {
                        end();
                        if (!reference) {
                            job->done(Failure{reference.error()});
                            return;
                        }
                        CardResult result;
                        result.paymentId = job->intent.paymentId;
                        result.trace = reference.value().trace;
                        result.amount = job->amount;
                        result.rrn = reference.value().rrn;
                        result.authCode = reference.value().authCode;
                        const QString state = reference.value().hostState;
                        if (state == QLatin1String("reversed"))
                            result.outcome = CardResult::Outcome::Reversed;
                        else if (state == QLatin1String("approved"))
                            result.outcome = CardResult::Outcome::Approved; // a refund's advice was answered
                        else if (state == QLatin1String("declined"))
                            result.outcome = CardResult::Outcome::Declined;
                        else
                            result.outcome = CardResult::Outcome::ReversalPending;
                        job->done(result);
                    });
            };
            if (!m_signedOn) {
                doSignOn([this, report](Result<WorkKeyCheck>) { drainRecoveries(report); });
                return;
            }
            drainRecoveries(report);
        });
}

} // namespace acquirer
} // namespace pos
