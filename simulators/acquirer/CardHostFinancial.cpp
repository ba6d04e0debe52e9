// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/crypto/PinBlock.h"
#include "acquirer/crypto/ScopedWipe.h"
#include "acquirer/crypto/TrackEncryption.h"
#include "acquirer/crypto/WorkKeys.h"
#include "acquirer/engine/ActivationTerms.h"
#include "acquirer/iso8583/StructuredFields.h"
#include "core/crypto/CryptoPrimitives.h"
#include "simulators/SimulatorLog.h"
#include "simulators/acquirer/CardHost.h"
#include "simulators/acquirer/CardHostInternal.h"
#include "simulators/acquirer/HostLedger.h"
#include "simulators/acquirer/api/AcquirerAgreement.h"
#include "simulators/pinpad/EmvTestCard.h"

#include <QRandomGenerator>

// Financial requests of the card host: 0200 sale / balance inquiry / void, 0220 refund, 0400 reversal.
namespace pos {
namespace sim {

using acquirer::IsoMessage;
using acquirer::ScopedWipe;

namespace {

const QString processingSale = QStringLiteral("000000");
const QString processingBalance = QStringLiteral("310000");
const QString processingVoidOrRefund = QStringLiteral("200000");
const QString activationType = QStringLiteral("90"); // 60.1 of the first-swipe activation [A]

// The F62 terms of an activation answer: the terminal's limits and fee schedule (the published agreement's
// when the terminal has none of its own). Empty when they break the wire rules.
QByteArray activationTermsFor(const HostTerminal& terminal)
{
    const QString fees =
        terminal.feeSchedule.isEmpty() ? currentAgreement().feeScheduleText() : terminal.feeSchedule;
    const QByteArray text = QStringLiteral("SL=%1;DL=%2;FEE=%3")
                                .arg(terminal.singleLimitFen, 12, 10, QLatin1Char('0'))
                                .arg(terminal.dailyLimitFen, 12, 10, QLatin1Char('0'))
                                .arg(fees)
                                .toLatin1();
    return acquirer::parseActivationTerms(text) ? text : QByteArray();
}

// The IC data a chip or contactless request must carry (the cryptogram itself is not verified).
bool icDataComplete(const IsoMessage& request)
{
    if (!request.hasField(55))
        return false;
    const Result<QList<acquirer::TlvElement>> elements = acquirer::parseIcData(request.field(55));
    if (!elements)
        return false;
    bool arqc = false;
    bool atc = false;
    bool tvr = false;
    bool iad = false;
    for (const acquirer::TlvElement& element : elements.value()) {
        arqc = arqc || (element.tag == 0x9F26 && element.value.size() == 8);
        atc = atc || element.tag == 0x9F36;
        tvr = tvr || element.tag == 0x95;
        iad = iad || element.tag == 0x9F10;
    }
    return arqc && atc && tvr && iad;
}

QString twelveDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 12, 10, QLatin1Char('0'));
}

} // namespace

void CardHost::checkCard(const IsoMessage& request,
                         const HostTerminal& terminal,
                         bool pinRequired,
                         Decision& decision)
{
    const WorkKeyLayout layout = *terminal.keyLayout;
    decision.pan = request.digits(2);
    QString expiry = request.digits(14);

    if (request.hasField(35)) {
        bool trackEncrypted = false;
        if (request.hasField(53)) {
            const Result<acquirer::Field53> f53 = acquirer::Field53::parse(request.digits(53));
            if (!f53) {
                decision.code = hostcode::formatError;
                return;
            }
            trackEncrypted = f53.value().trackEncryption == 1;
        }
        QByteArray track = request.field(35);
        ScopedWipe wipeTrack(track);
        if (trackEncrypted) {
            if (terminal.tdk.isEmpty()) {
                qCWarning(lcSim) << "card host: terminal" << terminal.tid
                                 << "sent an encrypted track without a TDK from its sign-on";
                decision.code = hostcode::systemError;
                return;
            }
            Result<QByteArray> clear = acquirer::decryptTrack(
                acquirer::workKeyScheme(layout, WorkKeyRole::Track), terminal.tdk, track);
            if (!clear) {
                decision.code = hostcode::invalidCard;
                return;
            }
            crypto::secureWipe(track);
            track = std::move(clear).value();
        }
        const qsizetype separator = track.indexOf('D');
        if (separator < 0 || track.size() < separator + 5) {
            decision.code = hostcode::invalidCard;
            return;
        }
        const QString trackPan = QString::fromLatin1(track.left(separator));
        const QString trackExpiry = QString::fromLatin1(track.mid(separator + 1, 4));
        if (decision.pan.isEmpty())
            decision.pan = trackPan;
        if (expiry.isEmpty())
            expiry = trackExpiry;
        if (trackPan != decision.pan || trackExpiry != expiry) {
            qCInfo(lcSim) << "card host: track 2 disagrees with F2/F14";
            decision.code = hostcode::invalidCard;
            return;
        }
    }

    decision.card = findTestCard(decision.pan);
    if (!decision.card) {
        decision.code = hostcode::invalidCard;
        return;
    }
    const TestCard& card = *decision.card;
    const QString entryMode = request.digits(22).left(2);
    if ((entryMode == QLatin1String("05") || entryMode == QLatin1String("07")) && !icDataComplete(request)) {
        decision.code = hostcode::formatError;
        return;
    }
    if (m_verifyArqc && (entryMode == QLatin1String("05") || entryMode == QLatin1String("07"))) {
        const Result<bool> arqcValid =
            verifyIccData(emvTestIssuerMasterKey(), decision.pan, request.digits(23), request.field(55));
        if (!arqcValid || !arqcValid.value()) {
            qCInfo(lcSim) << "card host: ARQC not verified:"
                          << (arqcValid ? QStringLiteral("mismatch") : arqcValid.error().detail);
            decision.code = hostcode::cardVerificationError;
            return;
        }
    }
    if (card.expectedResponse == hostcode::lostCard) {
        decision.code = hostcode::lostCard;
        return;
    }
    if (card.expiry < now().toString(QStringLiteral("yyMM"))) {
        decision.code = hostcode::expiredCard;
        return;
    }
    if (request.hasField(52)) {
        Result<QByteArray> pin =
            acquirer::decryptPin(acquirer::workKeyScheme(layout, WorkKeyRole::Pin), terminal.pik,
                                 request.field(52), decision.pan.toLatin1());
        const bool matches = pin && pin.value() == card.pin.toLatin1();
        if (pin)
            crypto::secureWipe(pin.value());
        if (!matches) {
            decision.code = hostcode::wrongPin;
            return;
        }
    } else if (pinRequired) {
        decision.code = hostcode::wrongPin;
        return;
    }
}

CardHost::Decision
CardHost::decideSale(const IsoMessage& request, const HostTerminal& terminal, bool balanceInquiry)
{
    Decision decision;
    decision.kind = balanceInquiry ? hostkind::balance : hostkind::sale;
    decision.amountFen = balanceInquiry ? 0 : request.digits(4).toLongLong();
    if (!balanceInquiry && decision.amountFen <= 0) {
        decision.code = hostcode::invalidAmount;
        return decision;
    }
    checkCard(request, terminal, balanceInquiry, decision);
    if (decision.code != hostcode::approved)
        return decision;
    const TestCard& card = *decision.card;
    if (balanceInquiry) {
        // ISO 8583:1987 additional amounts: account type 10, amount type 02 (available), CNY, credit sign.
        decision.field54 = QStringLiteral("1002156C") + twelveDigits(card.balance.fen());
        return decision;
    }
    if ((card.perSaleLimit.fen() > 0 && decision.amountFen > card.perSaleLimit.fen()) ||
        decision.amountFen > terminal.singleLimitFen) {
        decision.code = hostcode::overLimit;
        return decision;
    }
    const Result<qint64> today = m_ledger.approvedSalesFenOn(terminal.tid, now().date());
    if (!today) {
        decision.code = hostcode::systemError;
        return decision;
    }
    if (today.value() + decision.amountFen > terminal.dailyLimitFen) {
        decision.code = hostcode::overLimit;
        return decision;
    }
    if (decision.amountFen > card.balance.fen())
        decision.code = hostcode::insufficientFunds;
    return decision;
}

CardHost::Decision CardHost::decideActivation(const IsoMessage& request, const HostTerminal& terminal)
{
    Decision decision;
    decision.kind = hostkind::activation;
    checkCard(request, terminal, true, decision);
    if (decision.code != hostcode::approved)
        return decision;
    decision.field62 = activationTermsFor(terminal);
    if (decision.field62.isEmpty()) {
        qCWarning(lcSim) << "card host: terminal" << terminal.tid << "has limits or fees F62 cannot carry";
        decision.code = hostcode::systemError;
        return decision;
    }
    const Result<std::optional<HostActivation>> recorded = m_ledger.activation(terminal.tid);
    if (!recorded) {
        decision.code = hostcode::systemError;
        return decision;
    }
    decision.repeatedActivation =
        terminal.firstSwipeDone && recorded.value() && recorded.value()->state == hoststate::approved;
    return decision;
}

CardHost::Decision CardHost::decideVoid(const IsoMessage& request, const HostTerminal& terminal)
{
    Decision decision;
    decision.kind = hostkind::voidSale;
    decision.amountFen = request.digits(4).toLongLong();
    decision.pan = request.digits(2);
    const Result<acquirer::Field61> f61 = acquirer::Field61::parse(request.digits(61));
    if (!f61) {
        decision.code = hostcode::formatError;
        return decision;
    }
    const Result<std::optional<HostTransaction>> original =
        m_ledger.transactionByKey(terminal.tid, f61.value().originalBatch.toInt(), f61.value().originalStan);
    if (!original) {
        decision.code = hostcode::systemError;
        return decision;
    }
    const std::optional<HostTransaction>& sale = original.value();
    if (!sale || sale->state == hoststate::declined ||
        (request.hasField(37) && request.text(37).trimmed() != sale->rrn)) {
        decision.code = hostcode::originalNotFound;
        return decision;
    }
    decision.originalId = sale->id;
    if (sale->kind != hostkind::sale || sale->state != hoststate::approved || sale->settled ||
        sale->batch != terminal.currentBatch) {
        decision.code = hostcode::invalidTransaction;
        return decision;
    }
    if (decision.amountFen != sale->amountFen) {
        decision.code = hostcode::amountMismatch;
        return decision;
    }
    decision.originalNewState = hoststate::voided;
    return decision;
}

CardHost::Decision CardHost::decideRefund(const IsoMessage& request, const HostTerminal& terminal)
{
    Decision decision;
    decision.kind = hostkind::refund;
    decision.amountFen = request.digits(4).toLongLong();
    decision.pan = request.digits(2);
    if (decision.amountFen <= 0) {
        decision.code = hostcode::invalidAmount;
        return decision;
    }
    const Result<std::optional<HostTransaction>> original =
        m_ledger.transactionByRrn(terminal.tid, request.text(37).trimmed());
    if (!original) {
        decision.code = hostcode::systemError;
        return decision;
    }
    const std::optional<HostTransaction>& sale = original.value();
    if (!sale || sale->kind != hostkind::sale || sale->state != hoststate::approved) {
        decision.code = hostcode::originalNotFound;
        return decision;
    }
    decision.originalId = sale->id;
    const Result<qint64> refunded = m_ledger.refundedAmountFen(sale->id);
    if (!refunded) {
        decision.code = hostcode::systemError;
        return decision;
    }
    if (refunded.value() + decision.amountFen > sale->amountFen)
        decision.code = hostcode::overLimit;
    return decision;
}

HostReply CardHost::financial(const IsoMessage& request, const HostTerminal& terminal)
{
    const QString batchDigits = field60Batch(request);
    const QString stan = request.digits(11);
    if (batchDigits.isEmpty() || stan.isEmpty())
        return refuse(request, hostcode::formatError);
    const int batch = batchDigits.toInt();

    // The digest that recognises a repeat leaves out the card data: a terminal repeats a refund (0220) from
    // its stored payload, which never holds the PAN, track, PIN block or IC data.
    IsoMessage withoutCardData = request;
    for (int cardField : {2, 14, 26, 35, 36, 52, 53, 55})
        withoutCardData.removeField(cardField);
    const Result<QByteArray> macBlock = m_codec.macBlock(withoutCardData);
    if (!macBlock)
        return refuse(request, hostcode::formatError);
    const Result<QByteArray> digest = crypto::sha256(macBlock.value());
    if (!digest)
        return storageFailure(request, digest.error());

    const Result<bool> tombstone = m_ledger.hasReversalTombstone(terminal.tid, batch, stan);
    if (!tombstone)
        return storageFailure(request, tombstone.error());
    const Result<std::optional<HostTransaction>> previous =
        m_ledger.transactionByKey(terminal.tid, batch, stan);
    if (!previous)
        return storageFailure(request, previous.error());
    if (previous.value()) {
        if (previous.value()->requestDigest == digest.value() && !tombstone.value()) {
            qCInfo(lcSim) << "card host: terminal" << terminal.tid << "repeated STAN" << stan
                          << "identically; answering the first answer again";
            // The same answer, MAC'd again under the MAK in force now: the terminal may have signed on again
            // since (after a bad MAC, for instance), and the first MAC would then never verify.
            Result<IsoMessage> first = codecFor(terminal).decodeFrame(previous.value()->responseFrame);
            if (!first)
                return storageFailure(request, first.error());
            const bool macced = first.value().hasField(64);
            first.value().removeField(64);
            return finish(request, std::move(first.value()), macced ? &terminal : nullptr);
        }
        qCInfo(lcSim) << "card host: terminal" << terminal.tid << "reused STAN" << stan << "of batch" << batch
                      << "for a different request:" << hostcode::duplicate;
        return refuse(request, hostcode::duplicate);
    }
    if (tombstone.value()) {
        qCInfo(lcSim) << "card host: terminal" << terminal.tid << "STAN" << stan
                      << "was reversed before it arrived:" << hostcode::duplicate;
        return refuse(request, hostcode::duplicate);
    }

    const QString processing = request.digits(3);
    const QString transactionType = request.digits(60).left(2);
    const bool activation = request.mti() == QLatin1String("0200") && processing == processingBalance &&
                            transactionType == activationType;
    if (!terminal.firstSwipeDone && !activation) {
        qCInfo(lcSim) << "card host: terminal" << terminal.tid
                      << "is pending first swipe:" << hostcode::notActivated;
        return refuse(request, hostcode::notActivated);
    }
    Decision decision;
    if (request.mti() == QLatin1String("0220")) {
        if (processing != processingVoidOrRefund || transactionType != QLatin1String("25"))
            return refuse(request, hostcode::invalidTransaction);
        decision = decideRefund(request, terminal);
    } else if (processing == processingSale && transactionType == QLatin1String("22")) {
        decision = decideSale(request, terminal, false);
    } else if (processing == processingBalance && transactionType == QLatin1String("01")) {
        decision = decideSale(request, terminal, true);
    } else if (activation) {
        decision = decideActivation(request, terminal);
    } else if (processing == processingVoidOrRefund && transactionType == QLatin1String("23")) {
        decision = decideVoid(request, terminal);
    } else {
        qCInfo(lcSim) << "card host: 0200 with processing code" << processing << "and 60.1" << transactionType
                      << "not supported";
        return refuse(request, hostcode::invalidTransaction);
    }

    QString maskedPan = maskPan(decision.pan);
    decision.pan.fill(QLatin1Char('0')); // best effort: QString has no guaranteed wipe
    std::optional<HostTransaction> original;
    if (decision.originalId) {
        const Result<std::optional<HostTransaction>> found = m_ledger.transactionById(*decision.originalId);
        if (!found)
            return storageFailure(request, found.error());
        original = found.value();
        if (maskedPan.isEmpty() && original)
            maskedPan = original->panMasked;
    }
    const bool approved = decision.code == hostcode::approved;

    HostReply reply;
    const Result<> committed = m_ledger.inTransaction([&]() -> Result<> {
        const Result<QString> rrn = m_ledger.nextRrn();
        if (!rrn)
            return Failure{rrn.error()};
        HostTransaction record;
        record.tid = terminal.tid;
        record.mid = terminal.mid;
        record.batch = batch;
        record.stan = stan;
        record.kind = decision.kind;
        record.amountFen = decision.amountFen;
        record.panMasked = maskedPan;
        record.rrn = rrn.value();
        record.authCode = approved ? QStringLiteral("%1").arg(QRandomGenerator::global()->bounded(1000000), 6,
                                                              10, QLatin1Char('0'))
                                   : QString();
        record.responseCode = decision.code;
        record.state = approved ? hoststate::approved : hoststate::declined;
        record.originalId = decision.originalId;
        record.requestDigest = digest.value();
        record.localDate = now().toString(QStringLiteral("MMdd"));
        record.created = now().toString(Qt::ISODate);

        IsoMessage response = responseFor(request, 0);
        response.setDigits(32, m_acquirerId);
        response.setText(37, record.rrn);
        if (approved)
            response.setText(38, record.authCode);
        response.setText(39, decision.code);
        if (!decision.field54.isEmpty())
            response.setText(54, decision.field54);
        if (approved && !decision.field62.isEmpty())
            response.setField(62, decision.field62);
        const Result<QByteArray> f63 = acquirer::Field63Response{QStringLiteral("CUP"), QString()}.build();
        if (f63)
            response.setField(63, f63.value());
        reply = finish(request, std::move(response), approved ? &terminal : nullptr);
        if (reply.frame.isEmpty())
            return fail(ErrorCode::Internal, tr("The host could not build its answer."),
                        QStringLiteral("response encoding failed"));
        record.responseFrame = reply.frame;
        if (const Result<qint64> inserted = m_ledger.insertTransaction(record); !inserted)
            return Failure{inserted.error()};
        if (approved && decision.kind == hostkind::activation && !decision.repeatedActivation)
            return m_ledger.recordActivation(
                {terminal.tid, batch, stan, record.rrn, hoststate::approved, record.created});
        if (approved && original && !decision.originalNewState.isEmpty())
            return m_ledger.setTransactionState(original->id, decision.originalNewState);
        return {};
    });
    if (!committed)
        return storageFailure(request, committed.error());
    qCInfo(lcSim) << "card host: terminal" << terminal.tid << decision.kind << "STAN" << stan << "batch"
                  << batch << "->" << decision.code;
    return reply;
}

HostReply CardHost::reversal(const IsoMessage& request, const HostTerminal& terminal)
{
    const QString batchDigits = field60Batch(request);
    const QString stan = request.digits(11);
    if (batchDigits.isEmpty() || stan.isEmpty())
        return refuse(request, hostcode::formatError);
    const int batch = batchDigits.toInt();
    const QString reason = request.text(39).trimmed();

    QString outcome;
    const Result<> committed = m_ledger.inTransaction([&]() -> Result<> {
        const Result<std::optional<HostTransaction>> found =
            m_ledger.transactionByKey(terminal.tid, batch, stan);
        if (!found)
            return Failure{found.error()};
        if (!found.value()) {
            outcome = QStringLiteral("tombstone");
            return m_ledger.addReversalTombstone(terminal.tid, batch, stan, reason);
        }
        const HostTransaction& target = *found.value();
        if (target.state != hoststate::approved) {
            outcome = QStringLiteral("already %1").arg(target.state);
            return {};
        }
        outcome = QStringLiteral("reversed");
        if (const Result<> reversed = m_ledger.setTransactionState(target.id, hoststate::reversed); !reversed)
            return reversed;
        if (target.kind == hostkind::activation) {
            // Only the recorded activation returns the terminal to pending; a repeat's reversal changes
            // nothing.
            const Result<std::optional<HostActivation>> recorded = m_ledger.activation(terminal.tid);
            if (!recorded)
                return Failure{recorded.error()};
            if (recorded.value() && recorded.value()->batch == batch && recorded.value()->stan == stan &&
                recorded.value()->state == hoststate::approved) {
                HostActivation reversedActivation = *recorded.value();
                reversedActivation.state = hoststate::reversed;
                outcome = QStringLiteral("activation reversed");
                return m_ledger.recordActivation(reversedActivation);
            }
            return {};
        }
        if (target.kind == hostkind::voidSale && target.originalId)
            return m_ledger.setTransactionState(*target.originalId, hoststate::approved);
        return {};
    });
    if (!committed)
        return storageFailure(request, committed.error());
    qCInfo(lcSim).noquote() << "card host: terminal" << terminal.tid << "reversal of STAN" << stan << "batch"
                            << batch << "reason" << reason << "->" << outcome;
    Q_EMIT reversalProcessed(terminal.tid, stan);

    IsoMessage response = responseFor(request, 0);
    response.setText(39, hostcode::approved);
    return finish(request, std::move(response), &terminal);
}

} // namespace sim
} // namespace pos
