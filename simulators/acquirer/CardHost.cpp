// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/CardHost.h"

#include "acquirer/crypto/CupMac.h"
#include "acquirer/crypto/WorkKeys.h"
#include "acquirer/iso8583/StructuredFields.h"
#include "core/crypto/CryptoPrimitives.h"
#include "simulators/SimulatorLog.h"
#include "simulators/acquirer/CardHostInternal.h"
#include "simulators/acquirer/HostLedger.h"

#include <QRandomGenerator>
#include <QScopeGuard>

namespace pos {
namespace sim {

using acquirer::Field60;
using acquirer::IsoMessage;

namespace {

// Fields a response repeats from its request, per response class.
const QList<int> financialEcho = {3, 4, 11, 14, 25, 41, 42, 49, 60};
const QList<int> managementEcho = {11, 41, 42, 60};

bool isRequestMti(const QString& mti)
{
    if (mti.size() != 4)
        return false;
    const int function = mti.at(2).digitValue();
    return function >= 0 && function % 2 == 0;
}

QString trimmedText(const IsoMessage& message, int field)
{
    return message.text(field).trimmed();
}

QByteArray randomKey(qsizetype length)
{
    QByteArray key(length, '\0');
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(key.data()),
                                         reinterpret_cast<quint32*>(key.data() + (length / 4) * 4));
    return key;
}

// The SM4 profile (16-byte F52): terminals signed on with SM4 keys, or not signed on and holding an SM4 TMK.
bool usesSm4Profile(const HostTerminal& terminal)
{
    return terminal.keyLayout ? *terminal.keyLayout == WorkKeyLayout::Sm4006
                              : terminal.tmkScheme == KeyScheme::Sm4;
}

} // namespace

QString field60Batch(const IsoMessage& message)
{
    const Result<Field60> f60 = Field60::parse(message.digits(60));
    return f60 ? f60.value().batchNumber : QString();
}

QString maskPan(QStringView pan)
{
    if (pan.size() < 11)
        return QString(pan.size(), QLatin1Char('*'));
    return pan.left(6).toString() + QString(pan.size() - 10, QLatin1Char('*')) + pan.right(4).toString();
}

CardHost::CardHost(HostLedger& ledger, QObject* parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_sm4Codec(acquirer::FieldTable::cupDefault(acquirer::PinBlockSize::Bytes16))
{}

CardHost::~CardHost() = default;

const acquirer::Iso8583Codec& CardHost::codecFor(const HostTerminal& terminal) const
{
    return usesSm4Profile(terminal) ? m_sm4Codec : m_codec;
}

Result<IsoMessage> CardHost::decodeBody(QByteArrayView body) const
{
    const auto fromSm4Terminal = [this](const IsoMessage& request) {
        const Result<std::optional<HostTerminal>> found = m_ledger.terminal(trimmedText(request, 41));
        return found && found.value() && usesSm4Profile(*found.value());
    };
    Result<IsoMessage> asDefault = m_codec.decode(body);
    if (asDefault && !fromSm4Terminal(asDefault.value()))
        return asDefault;
    Result<IsoMessage> asSm4 = m_sm4Codec.decode(body);
    if (asSm4 && fromSm4Terminal(asSm4.value()))
        return asSm4;
    return asDefault;
}

HostReply CardHost::handle(QByteArrayView requestFrame)
{
    const Result<QByteArray> body = m_codec.frameCodec().unwrap(requestFrame);
    if (!body) {
        qCWarning(lcSim).noquote() << "card host: unframed input refused:" << body.error().detail;
        return {};
    }
    return handleBody(body.value());
}

HostReply CardHost::handleBody(QByteArrayView body)
{
    const Result<IsoMessage> request = decodeBody(body);
    if (!request) {
        qCWarning(lcSim).noquote() << "card host: undecodable request refused:" << request.error().detail;
        return {};
    }
    return handleMessage(request.value());
}

HostReply CardHost::handleMessage(const IsoMessage& request)
{
    const QString mti = request.mti();
    if (!isRequestMti(mti)) {
        qCWarning(lcSim) << "card host: MTI" << mti << "is not a request; closing";
        return {};
    }
    const QString tid = trimmedText(request, 41);
    const Result<std::optional<HostTerminal>> found = m_ledger.terminal(tid);
    if (!found)
        return storageFailure(request, found.error());
    if (!found.value() || found.value()->mid != trimmedText(request, 42)) {
        qCInfo(lcSim) << "card host: terminal" << tid
                      << "is not registered (or its MID differs):" << hostcode::unknownTerminal;
        return refuse(request, hostcode::unknownTerminal);
    }
    const HostTerminal& terminal = *found.value();

    if (mti == QLatin1String("0800"))
        return signOn(request, terminal);
    if (mti == QLatin1String("0820"))
        return signOffOrEcho(request, terminal);
    if (!terminal.signedOn) {
        qCWarning(lcSim) << "card host: terminal" << tid << "sent" << mti
                         << "before signing on:" << hostcode::systemError;
        return refuse(request, hostcode::systemError, requirementSignOn);
    }
    if (mti == QLatin1String("0200") || mti == QLatin1String("0220") || mti == QLatin1String("0400")) {
        if (!requestMacValid(terminal, request)) {
            qCWarning(lcSim) << "card host: bad request MAC from terminal" << tid << "MTI" << mti << "STAN"
                             << request.digits(11) << "->" << hostcode::badMac;
            return refuse(request, hostcode::badMac, requirementSignOn);
        }
        if (mti == QLatin1String("0400"))
            return reversal(request, terminal);
        return financial(request, terminal);
    }
    if (mti == QLatin1String("0500"))
        return settlement(request, terminal);
    if (mti == QLatin1String("0320"))
        return batchUpload(request, terminal);
    qCInfo(lcSim) << "card host: MTI" << mti << "not supported:" << hostcode::invalidTransaction;
    return refuse(request, hostcode::invalidTransaction);
}

IsoMessage CardHost::responseFor(const IsoMessage& request, int processingRequirement) const
{
    QString mti = request.mti();
    mti[2] = QChar(u'0' + mti.at(2).digitValue() + 1);
    IsoMessage response(mti);
    const QByteArray tpdu = request.tpdu();
    if (tpdu.size() == 5)
        response.setTpdu(tpdu.left(1) + tpdu.mid(3, 2) + tpdu.mid(1, 2));
    else
        response.setTpdu(tpdu);
    QByteArray header = request.header();
    if (header.size() > 2)
        header[2] = static_cast<char>((header.at(2) & 0xF0) | (processingRequirement & 0x0F));
    response.setHeader(header);
    const bool financialClass = mti.startsWith(QLatin1String("02"));
    for (const int field : financialClass ? financialEcho : managementEcho) {
        if (request.hasField(field))
            response.setField(field, request.field(field));
    }
    const QDateTime time = now();
    if (mti != QLatin1String("0410") && mti != QLatin1String("0330")) {
        response.setDigits(12, time.toString(QStringLiteral("HHmmss")));
        response.setDigits(13, time.toString(QStringLiteral("MMdd")));
    }
    return response;
}

HostReply CardHost::refuse(const IsoMessage& request, const QString& responseCode, int processingRequirement)
{
    if (!isRequestMti(request.mti()))
        return {};
    IsoMessage response = responseFor(request, processingRequirement);
    response.setText(39, responseCode);
    return finish(request, std::move(response), nullptr);
}

HostReply CardHost::finish(const IsoMessage& request, IsoMessage response, const HostTerminal* macTerminal)
{
    HostReply reply;
    reply.requestMti = request.mti();
    reply.tid = trimmedText(request, 41);
    reply.stan = request.digits(11);
    reply.responseCode = response.text(39);
    if (macTerminal) {
        const Result<QByteArray> mac = macFor(*macTerminal, response);
        if (!mac) {
            qCCritical(lcSim).noquote() << "card host: response MAC failed:" << mac.error().detail;
            return refuse(request, hostcode::systemError);
        }
        response.setField(64, mac.value());
        reply.hasMac = true;
    }
    const Result<QByteArray> frame = m_codec.encodeFrame(response);
    if (!frame) {
        qCCritical(lcSim).noquote() << "card host: response" << response.mti()
                                    << "could not be encoded:" << frame.error().detail;
        return reply; // no frame: the session closes
    }
    reply.frame = frame.value();
    return reply;
}

Result<QByteArray> CardHost::macFor(const HostTerminal& terminal, const IsoMessage& message) const
{
    if (!terminal.keyLayout)
        return fail(ErrorCode::InvalidInput, tr("The terminal is not signed on."),
                    QStringLiteral("no MAK for terminal %1").arg(terminal.tid));
    const Result<QByteArray> block = codecFor(terminal).macBlock(message);
    if (!block)
        return block;
    return acquirer::computeMac(MacAlgorithm::CupEcb,
                                acquirer::workKeyScheme(*terminal.keyLayout, WorkKeyRole::Mac), terminal.mak,
                                block.value());
}

bool CardHost::requestMacValid(const HostTerminal& terminal, const IsoMessage& request) const
{
    if (!request.hasField(64))
        return false;
    const Result<QByteArray> expected = macFor(terminal, request);
    return expected && expected.value() == request.field(64);
}

HostReply CardHost::storageFailure(const IsoMessage& request, const Error& error)
{
    qCCritical(lcSim).noquote() << "card host: host ledger failure:" << error.detail;
    return refuse(request, hostcode::systemError);
}

HostReply CardHost::signOn(const IsoMessage& request, const HostTerminal& terminal)
{
    const Result<Field60> f60 = Field60::parse(request.digits(60));
    if (!f60)
        return refuse(request, hostcode::formatError);
    const std::optional<WorkKeyLayout> layout = acquirer::workKeyLayoutForCode(f60.value().networkCode);
    if (!layout) {
        qCInfo(lcSim) << "card host: 0800 with 60.3" << f60.value().networkCode << "not supported";
        return refuse(request, hostcode::invalidTransaction);
    }
    if (!acquirer::tmkFitsLayout(terminal.tmkScheme, *layout)) {
        qCWarning(lcSim) << "card host: terminal" << terminal.tid << "asked for key layout"
                         << workKeyLayoutName(*layout) << "which its" << keySchemeName(terminal.tmkScheme)
                         << "TMK cannot carry";
        return refuse(request, hostcode::systemError);
    }

    QByteArray keys[3];
    const QList<WorkKeyRole> roles = acquirer::workKeyRoles(*layout);
    for (qsizetype i = 0; i < roles.size(); ++i)
        keys[i] = randomKey(keyLength(acquirer::workKeyScheme(*layout, roles.at(i))));
    const auto wipeKeys = qScopeGuard([&keys] {
        for (QByteArray& key : keys)
            crypto::secureWipe(key);
    });
    const Result<acquirer::WorkKeySet> set = acquirer::WorkKeySet::fromClearKeys(
        *layout, keys[0], keys[1], roles.size() > 2 ? keys[2] : QByteArray());
    if (!set)
        return storageFailure(request, set.error());
    const Result<QByteArray> block =
        acquirer::buildWorkKeyBlock(terminal.tmkScheme, terminal.tmk, set.value());
    if (!block)
        return storageFailure(request, block.error());

    QString rrn;
    const Result<> stored = m_ledger.inTransaction([&]() -> Result<> {
        const Result<QString> next = m_ledger.nextRrn();
        if (!next)
            return Failure{next.error()};
        rrn = next.value();
        return m_ledger.storeWorkKeys(terminal.tid, *layout, keys[0], keys[1],
                                      roles.size() > 2 ? keys[2] : QByteArray());
    });
    if (!stored)
        return storageFailure(request, stored.error());

    IsoMessage response = responseFor(request, 0);
    response.setDigits(32, m_acquirerId);
    response.setText(37, rrn);
    response.setText(39, hostcode::approved);
    Field60 answer = f60.value();
    answer.batchNumber = QStringLiteral("%1").arg(terminal.currentBatch, 6, 10, QLatin1Char('0'));
    const Result<QString> f60Digits = answer.build();
    if (!f60Digits)
        return storageFailure(request, f60Digits.error());
    response.setDigits(60, f60Digits.value());
    response.setField(62, block.value());
    qCInfo(lcSim) << "card host: terminal" << terminal.tid << "signed on with layout"
                  << workKeyLayoutName(*layout) << "batch" << answer.batchNumber;
    return finish(request, std::move(response), nullptr);
}

HostReply CardHost::signOffOrEcho(const IsoMessage& request, const HostTerminal& terminal)
{
    const Result<Field60> f60 = Field60::parse(request.digits(60));
    if (!f60)
        return refuse(request, hostcode::formatError);
    const QString code = f60.value().networkCode;
    if (code == QLatin1String("002")) {
        if (const Result<> off = m_ledger.signOff(terminal.tid); !off)
            return storageFailure(request, off.error());
        qCInfo(lcSim) << "card host: terminal" << terminal.tid << "signed off";
    } else if (code != QLatin1String("301")) {
        qCInfo(lcSim) << "card host: 0820 with 60.3" << code << "not supported";
        return refuse(request, hostcode::invalidTransaction);
    }
    IsoMessage response = responseFor(request, 0);
    response.setText(39, hostcode::approved);
    return finish(request, std::move(response), nullptr);
}

HostReply CardHost::settlement(const IsoMessage& request, const HostTerminal& terminal)
{
    const Result<acquirer::SettlementTotals> claimed = acquirer::SettlementTotals::parse(request.digits(48));
    const QString batchDigits = field60Batch(request);
    if (!claimed || batchDigits.isEmpty())
        return refuse(request, hostcode::formatError);
    const int batch = batchDigits.toInt();
    const Result<HostBatchTotals> host = m_ledger.batchTotals(terminal.tid, batch);
    if (!host)
        return storageFailure(request, host.error());

    const acquirer::SettlementTotalsPart& domestic = claimed.value().domestic;
    const HostBatchTotals terminalTotals{domestic.debitCount, domestic.debitAmountFen, domestic.creditCount,
                                         domestic.creditAmountFen};
    const HostBatchTotals& hostTotals = host.value();
    const bool domesticBalanced = terminalTotals.saleCount == hostTotals.saleCount &&
                                  terminalTotals.saleAmountFen == hostTotals.saleAmountFen &&
                                  terminalTotals.refundCount == hostTotals.refundCount &&
                                  terminalTotals.refundAmountFen == hostTotals.refundAmountFen;
    const acquirer::SettlementTotalsPart& foreign = claimed.value().foreign;
    const bool foreignBalanced = foreign.debitCount == 0 && foreign.debitAmountFen == 0 &&
                                 foreign.creditCount == 0 && foreign.creditAmountFen == 0;

    if (const Result<> recorded =
            m_ledger.recordSettlement(terminal.tid, batch, terminalTotals, hostTotals, domesticBalanced);
        !recorded)
        return storageFailure(request, recorded.error());

    acquirer::SettlementTotals answer;
    answer.domestic = {hostTotals.saleAmountFen, hostTotals.saleCount, hostTotals.refundAmountFen,
                       hostTotals.refundCount, domesticBalanced ? 1 : 2};
    answer.foreign.settleFlag = foreignBalanced ? 1 : 2;
    const Result<QString> f48 = answer.build();
    if (!f48)
        return storageFailure(request, f48.error());
    IsoMessage response = responseFor(request, 0);
    response.setDigits(15, now().toString(QStringLiteral("MMdd")));
    response.setText(39, hostcode::approved);
    response.setDigits(48, f48.value());
    qCInfo(lcSim) << "card host: terminal" << terminal.tid << "settlement of batch" << batch
                  << (domesticBalanced ? "balanced" : "unbalanced");
    return finish(request, std::move(response), nullptr);
}

HostReply CardHost::batchUpload(const IsoMessage& request, const HostTerminal& terminal)
{
    const Result<Field60> f60 = Field60::parse(request.digits(60));
    if (!f60)
        return refuse(request, hostcode::formatError);
    const int batch = f60.value().batchNumber.toInt();
    const QString code = f60.value().networkCode;
    const QString f48 = request.digits(48);
    Result<> recorded;
    if (code == QLatin1String("201")) {
        constexpr int recordDigits = 40;
        constexpr int maxRecords = 8;
        bool ok = false;
        const int count = f48.left(2).toInt(&ok);
        if (!ok || count < 1 || count > maxRecords || f48.size() != 2 + recordDigits * count)
            return refuse(request, hostcode::formatError);
        recorded = m_ledger.recordUploadedRecords(terminal.tid, batch, count);
        qCInfo(lcSim) << "card host: terminal" << terminal.tid << "uploaded" << count << "records of batch"
                      << batch;
    } else if (code == QLatin1String("203") || code == QLatin1String("205")) {
        // One IC transaction's detail: F55 and the original's batch and STAN in F61.
        const Result<acquirer::Field61> original = acquirer::Field61::parse(request.digits(61));
        if (!request.hasField(55) || !request.hasField(4) || !original)
            return refuse(request, hostcode::formatError);
        recorded = m_ledger.recordUploadedRecords(terminal.tid, batch, 1);
        qCInfo(lcSim) << "card host: terminal" << terminal.tid << "uploaded IC detail of stan"
                      << original.value().originalStan << "batch" << batch;
    } else if (code == QLatin1String("202") || code == QLatin1String("207")) {
        const Result<int> count = acquirer::parseBatchUploadCount(f48);
        if (!count)
            return refuse(request, hostcode::formatError);
        recorded =
            m_ledger.inTransaction([&] { return m_ledger.closeBatch(terminal.tid, batch, count.value()); });
        qCInfo(lcSim) << "card host: terminal" << terminal.tid << "closed batch" << batch << "after"
                      << count.value() << "uploaded records";
    } else {
        qCInfo(lcSim) << "card host: 0320 with 60.3" << code << "not supported";
        return refuse(request, hostcode::invalidTransaction);
    }
    if (!recorded)
        return storageFailure(request, recorded.error());
    IsoMessage response = responseFor(request, 0);
    response.setText(39, hostcode::approved);
    return finish(request, std::move(response), nullptr);
}

} // namespace sim
} // namespace pos
