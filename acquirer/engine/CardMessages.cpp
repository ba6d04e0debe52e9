// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/engine/CardMessages.h"

#include "acquirer/iso8583/StructuredFields.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace pos {
namespace acquirer {

namespace {

struct MessageText
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::CardMessages)
};

QString digits(qint64 value, int width)
{
    return QString::number(value).rightJustified(width, QLatin1Char('0'));
}

Failure invalid(const QString& detail)
{
    return fail(ErrorCode::InvalidInput, MessageText::tr("The card request could not be built."), detail);
}

Field60 field60Of(const QString& type, int batchNo, const QString& networkCode)
{
    Field60 field;
    field.transactionType = type;
    field.batchNumber = digits(batchNo, 6);
    field.networkCode = networkCode;
    return field;
}

IsoMessage baseMessage(const MessageProfile& profile, const QString& mti, const TerminalTrace& trace, bool ic)
{
    IsoMessage message(mti);
    message.setTpdu(profile.tpdu);
    message.setHeader(ic ? profile.icHeader : profile.magstripeHeader);
    message.setDigits(11, digits(trace.stan, 6));
    message.setText(41, trace.terminalId);
    message.setText(42, trace.merchantId);
    return message;
}

Result<> setField60(IsoMessage& message, Field60 field)
{
    const Result<QString> built = field.build();
    if (!built)
        return Failure{built.error()};
    message.setDigits(60, built.value());
    return {};
}

QString entryCode(CardEntry entry)
{
    switch (entry) {
    case CardEntry::Magstripe: return QStringLiteral("02");
    case CardEntry::Chip: return QStringLiteral("05");
    case CardEntry::Contactless: return QStringLiteral("07");
    case CardEntry::Fallback: return QStringLiteral("80");
    }
    return QStringLiteral("02");
}

bool isIc(const CardRead* card)
{
    return card && (card->entry == CardEntry::Chip || card->entry == CardEntry::Contactless);
}

Result<> setCardFields(IsoMessage& message, const CardRead& card, KeyScheme pinScheme, bool allowPin)
{
    if (card.pan.size() < 12 || card.pan.size() > 19)
        return invalid(QStringLiteral("PAN of %1 digits").arg(card.pan.size()));
    message.setDigits(2, card.pan);
    if (!card.expiry.isEmpty())
        message.setDigits(14, card.expiry);
    const bool withPin = allowPin && !card.pinBlock.isEmpty();
    message.setDigits(22, QString(entryCode(card.entry) + (withPin ? QLatin1Char('1') : QLatin1Char('2'))));
    if (isIc(&card) && !card.cardSequence.isEmpty())
        message.setDigits(23, card.cardSequence);
    if (withPin)
        message.setDigits(26, u"06");
    if (!card.track2.isEmpty())
        message.setField(35, card.track2);
    if (withPin)
        message.setField(52, card.pinBlock);
    if (withPin || card.trackEncrypted) {
        Field53 security;
        security.pinFormat = withPin ? 2 : 0;
        security.algorithm = pinScheme == KeyScheme::Sm4 ? 4 : 6;
        security.trackEncryption = card.trackEncrypted ? 1 : 0;
        const Result<QString> built = security.build();
        if (!built)
            return Failure{built.error()};
        message.setDigits(53, built.value());
    }
    if (!card.icData.isEmpty())
        message.setField(55, card.icData);
    return {};
}

// Tags a reversal repeats from the original's F55 (docs/acquirer-protocol.md).
bool isReversalTag(quint32 tag)
{
    return tag == 0x95 || tag == 0x9F1E || tag == 0x9F10 || tag == 0x9F36 || tag == 0xDF31;
}

const QList<int>& payloadFields()
{
    static const QList<int> fields = {3, 4, 22, 23, 25, 37, 38, 49, 60, 61, 63};
    return fields;
}

} // namespace

QString signOnNetworkCode(const MessageProfile& profile)
{
    switch (profile.keyLayout) {
    case WorkKeyLayout::Des001: return QStringLiteral("001");
    case WorkKeyLayout::TripleDes003: return QStringLiteral("003");
    case WorkKeyLayout::TripleDesTrack004: return QStringLiteral("004");
    case WorkKeyLayout::Sm4006: return profile.sm4SignOnCode;
    }
    return QStringLiteral("003");
}

PinBlockSize pinBlockSize(const MessageProfile& profile)
{
    return profile.keyLayout == WorkKeyLayout::Sm4006 ? PinBlockSize::Bytes16 : PinBlockSize::Bytes8;
}

Result<IsoMessage> signOnRequest(const MessageProfile& profile, const TerminalTrace& trace)
{
    Result<IsoMessage> message = networkRequest(profile, trace, signOnNetworkCode(profile));
    if (!message)
        return message;
    message.value().setMti(QStringLiteral("0800"));
    const Result<QByteArray> operatorCode = buildOperatorCode(profile.operatorCode);
    if (!operatorCode)
        return Failure{operatorCode.error()};
    message.value().setField(63, operatorCode.value());
    return message;
}

Result<IsoMessage>
networkRequest(const MessageProfile& profile, const TerminalTrace& trace, const QString& code)
{
    IsoMessage message = baseMessage(profile, QStringLiteral("0820"), trace, false);
    if (const Result<> set = setField60(message, field60Of(QStringLiteral("00"), trace.batchNo, code)); !set)
        return Failure{set.error()};
    return message;
}

Result<IsoMessage> settlementRequest(const MessageProfile& profile,
                                     const TerminalTrace& trace,
                                     const pos::SettlementTotals& totals)
{
    IsoMessage message = baseMessage(profile, QStringLiteral("0500"), trace, false);
    acquirer::SettlementTotals field48;
    field48.domestic.debitAmountFen = totals.debitAmount.fen();
    field48.domestic.debitCount = static_cast<int>(totals.debitCount);
    field48.domestic.creditAmountFen = totals.creditAmount.fen();
    field48.domestic.creditCount = static_cast<int>(totals.creditCount);
    const Result<QString> built = field48.build();
    if (!built)
        return Failure{built.error()};
    message.setDigits(48, built.value());
    message.setText(49, profile.currency);
    if (const Result<> set =
            setField60(message, field60Of(QStringLiteral("00"), trace.batchNo, QStringLiteral("201")));
        !set)
        return Failure{set.error()};
    const Result<QByteArray> operatorCode = buildOperatorCode(profile.operatorCode);
    if (!operatorCode)
        return Failure{operatorCode.error()};
    message.setField(63, operatorCode.value());
    return message;
}

Result<IsoMessage> batchUploadRequest(const MessageProfile& profile,
                                      const TerminalTrace& trace,
                                      const QList<BatchCardRecord>& records)
{
    if (records.isEmpty() || records.size() > batchUploadRecordsPerMessage)
        return invalid(QStringLiteral("%1 batch upload records").arg(records.size()));
    IsoMessage message = baseMessage(profile, QStringLiteral("0320"), trace, false);
    QString field48 = digits(records.size(), 2);
    for (const BatchCardRecord& record : records) {
        QString pan = record.panMasked;
        pan.replace(QLatin1Char('*'), QLatin1Char('0'));
        field48 +=
            record.transactionType == QLatin1String("refund") ? QStringLiteral("25") : QStringLiteral("22");
        field48 += digits(record.stan, 6);
        field48 += pan.leftJustified(20, QLatin1Char('0'), true);
        field48 += digits(record.amount.fen(), 12);
    }
    message.setDigits(48, field48);
    if (const Result<> set =
            setField60(message, field60Of(QStringLiteral("00"), trace.batchNo, QStringLiteral("201")));
        !set)
        return Failure{set.error()};
    return message;
}

bool isIcRecord(const BatchCardRecord& record)
{
    if (record.entryMode != QLatin1String("chip") && record.entryMode != QLatin1String("contactless"))
        return false;
    // Without the chip data the ledger kept, the record goes in a 201 group like a swipe: never block the
    // settlement over it.
    const QJsonObject fields =
        QJsonDocument::fromJson(record.recoveryPayload).object().value(QStringLiteral("fields")).toObject();
    return !fields.value(QStringLiteral("55")).toString().isEmpty() &&
           !fields.value(QStringLiteral("4")).toString().isEmpty();
}

Result<IsoMessage> icDetailUploadRequest(const MessageProfile& profile,
                                         const TerminalTrace& trace,
                                         int batchNo,
                                         const BatchCardRecord& record,
                                         bool unbalanced)
{
    const QJsonObject payload = QJsonDocument::fromJson(record.recoveryPayload).object();
    const QJsonObject fields = payload.value(QStringLiteral("fields")).toObject();
    if (fields.isEmpty())
        return invalid(QStringLiteral("IC record stan %1 without a readable payload").arg(record.stan));
    IsoMessage message = baseMessage(profile, QStringLiteral("0320"), trace, false);
    for (int number : {3, 4, 22, 23, 55}) {
        const QString value = fields.value(QString::number(number)).toString();
        if (!value.isEmpty())
            message.setField(number, QByteArray::fromHex(value.toLatin1()));
    }
    if (!message.hasField(4) || !message.hasField(55))
        return invalid(QStringLiteral("IC record stan %1 without amount or F55").arg(record.stan));
    const Result<QString> field61 =
        Field61{digits(batchNo, 6), digits(record.stan, 6), QString(), QString()}.build();
    if (!field61)
        return Failure{field61.error()};
    message.setDigits(61, field61.value());
    if (const Result<> set =
            setField60(message, field60Of(QStringLiteral("00"), trace.batchNo,
                                          unbalanced ? QStringLiteral("205") : QStringLiteral("203")));
        !set)
        return Failure{set.error()};
    return message;
}

Result<IsoMessage> batchUploadEndRequest(const MessageProfile& profile,
                                         const TerminalTrace& trace,
                                         int uploadedCount,
                                         bool afterUnbalanced)
{
    IsoMessage message = baseMessage(profile, QStringLiteral("0320"), trace, false);
    const Result<QString> count = buildBatchUploadCount(uploadedCount);
    if (!count)
        return Failure{count.error()};
    message.setDigits(48, count.value());
    if (const Result<> set =
            setField60(message, field60Of(QStringLiteral("00"), trace.batchNo,
                                          afterUnbalanced ? QStringLiteral("207") : QStringLiteral("202")));
        !set)
        return Failure{set.error()};
    return message;
}

Result<IsoMessage> financialRequest(const MessageProfile& profile,
                                    FinancialKind kind,
                                    const TerminalTrace& trace,
                                    Money amount,
                                    const CardRead* card,
                                    const OriginalTransaction* original,
                                    KeyScheme pinScheme)
{
    const bool needsOriginal = kind == FinancialKind::Void || kind == FinancialKind::Refund;
    if (needsOriginal && !original)
        return invalid(QStringLiteral("void or refund without its original"));
    if (!card && kind != FinancialKind::Void)
        return invalid(QStringLiteral("card data missing"));
    const bool withoutAmount = kind == FinancialKind::BalanceInquiry || kind == FinancialKind::Activation;
    if (!withoutAmount && (amount.fen() <= 0 || amount.fen() > 999'999'999'999))
        return invalid(QStringLiteral("amount %1").arg(amount.fen()));
    if (kind == FinancialKind::Activation && profile.activationRequiresPin && card &&
        card->pinBlock.isEmpty())
        return invalid(QStringLiteral("activation without PIN block"));

    const QString mti = kind == FinancialKind::Refund ? QStringLiteral("0220") : QStringLiteral("0200");
    IsoMessage message = baseMessage(profile, mti, trace, isIc(card));
    QString processingCode = QStringLiteral("000000");
    QString transactionType = QStringLiteral("22");
    switch (kind) {
    case FinancialKind::Sale: break;
    case FinancialKind::Void:
        processingCode = QStringLiteral("200000");
        transactionType = QStringLiteral("23");
        break;
    case FinancialKind::Refund:
        processingCode = QStringLiteral("200000");
        transactionType = QStringLiteral("25");
        break;
    case FinancialKind::BalanceInquiry:
        processingCode = QStringLiteral("310000");
        transactionType = QStringLiteral("01");
        break;
    case FinancialKind::Activation:
        processingCode = profile.activationProcessingCode;
        transactionType = profile.activationTypeCode;
        break;
    }
    message.setDigits(3, processingCode);
    if (!withoutAmount)
        message.setDigits(4, digits(amount.fen(), 12));
    message.setDigits(25, u"00");
    message.setText(49, profile.currency);
    if (card) {
        if (const Result<> set = setCardFields(message, *card, pinScheme, kind != FinancialKind::Refund);
            !set)
            return Failure{set.error()};
    }
    if (original) {
        if (original->rrn.isEmpty())
            return invalid(QStringLiteral("original without RRN"));
        message.setText(37, original->rrn);
        if (kind == FinancialKind::Void && !original->authCode.isEmpty())
            message.setText(38, original->authCode);
        Field61 field61{digits(original->batchNo, 6), digits(original->stan, 6),
                        kind == FinancialKind::Refund ? original->dateMmdd : QString(), QString()};
        const Result<QString> built61 = field61.build();
        if (!built61)
            return Failure{built61.error()};
        message.setDigits(61, built61.value());
    }
    if (kind == FinancialKind::Refund)
        message.setField(63, QByteArrayLiteral("000"));
    Field60 field60 = field60Of(transactionType, trace.batchNo, QStringLiteral("000"));
    field60.readCapability = profile.readCapability;
    field60.icCondition =
        card && card->entry == CardEntry::Fallback ? QStringLiteral("2") : QStringLiteral("0");
    if (const Result<> set = setField60(message, field60); !set)
        return Failure{set.error()};
    return message;
}

QByteArray recoveryPayload(const IsoMessage& request)
{
    QJsonObject fields;
    for (int number : payloadFields()) {
        if (request.hasField(number))
            fields.insert(QString::number(number), QString::fromLatin1(request.field(number).toHex()));
    }
    if (request.hasField(55)) {
        const Result<QList<TlvElement>> ic = parseIcData(request.field(55));
        if (ic) {
            QList<TlvElement> subset;
            for (const TlvElement& element : ic.value()) {
                if (isReversalTag(element.tag))
                    subset.append(element);
            }
            const Result<QByteArray> built = buildIcData(subset);
            if (built && !subset.isEmpty())
                fields.insert(QStringLiteral("55"), QString::fromLatin1(built.value().toHex()));
        }
    }
    QJsonObject payload{{QStringLiteral("mti"), request.mti()},
                        {QStringLiteral("header"), QString::fromLatin1(request.header().toHex())},
                        {QStringLiteral("fields"), fields}};
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

Result<IsoMessage> recoveryRequest(const MessageProfile& profile,
                                   QByteArrayView payload,
                                   const TerminalTrace& original,
                                   const QString& reasonCode)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload.toByteArray(), &parseError);
    if (!document.isObject())
        return invalid(QStringLiteral("recovery payload is not JSON: %1").arg(parseError.errorString()));
    const QJsonObject object = document.object();
    const QString originalMti = object.value(QStringLiteral("mti")).toString();
    if (originalMti != QLatin1String("0200") && originalMti != QLatin1String("0220"))
        return invalid(QStringLiteral("recovery payload for MTI %1").arg(originalMti));
    const bool advice = originalMti == QLatin1String("0220");
    IsoMessage message =
        baseMessage(profile, advice ? QStringLiteral("0220") : QStringLiteral("0400"), original, false);
    message.setHeader(QByteArray::fromHex(object.value(QStringLiteral("header")).toString().toLatin1()));
    const QJsonObject fields = object.value(QStringLiteral("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        bool ok = false;
        const int number = it.key().toInt(&ok);
        if (!ok || (!payloadFields().contains(number) && number != 55))
            return invalid(QStringLiteral("recovery payload names field %1").arg(it.key()));
        message.setField(number, QByteArray::fromHex(it.value().toString().toLatin1()));
    }
    if (!message.hasField(60))
        return invalid(QStringLiteral("recovery payload without field 60"));
    Result<Field60> field60 = Field60::parse(message.digits(60));
    if (!field60)
        return invalid(QStringLiteral("recovery payload field 60: %1").arg(field60.error().detail));
    field60.value().batchNumber = digits(original.batchNo, 6);
    if (const Result<> set = setField60(message, field60.value()); !set)
        return Failure{set.error()};
    if (!advice)
        message.setText(39, reasonCode);
    return message;
}

QString responseMtiFor(const QString& requestMti)
{
    if (requestMti.size() != 4)
        return {};
    const int cls = requestMti.at(2).digitValue();
    return requestMti.left(2) + QString::number((cls / 2) * 2 + 1) + QLatin1Char('0');
}

Result<> checkResponseMatches(const IsoMessage& request, const IsoMessage& response)
{
    const auto mismatch = [](const QString& what) {
        return fail(ErrorCode::ProtocolViolation,
                    MessageText::tr("The acquirer's answer does not belong to this request."), what);
    };
    if (response.mti().left(3) != responseMtiFor(request.mti()).left(3))
        return mismatch(QStringLiteral("response MTI %1 for request %2").arg(response.mti(), request.mti()));
    if (response.digits(11) != request.digits(11))
        return mismatch(QStringLiteral("response STAN %1 for request STAN %2")
                            .arg(response.digits(11), request.digits(11)));
    if (response.field(41) != request.field(41))
        return mismatch(QStringLiteral("response for another terminal id"));
    if (response.hasField(42) && response.field(42) != request.field(42))
        return mismatch(QStringLiteral("response for another merchant id"));
    return {};
}

bool responseNeedsMac(const IsoMessage& response)
{
    const QString mti = response.mti();
    const bool financial =
        mti == QLatin1String("0210") || mti == QLatin1String("0230") || mti == QLatin1String("0410");
    return response.hasField(64) || (financial && response.text(39) == QLatin1String("00"));
}

bool requestNeedsMac(const QString& mti)
{
    return mti == QLatin1String("0200") || mti == QLatin1String("0220") || mti == QLatin1String("0400") ||
           mti == QLatin1String("0401");
}

} // namespace acquirer
} // namespace pos
