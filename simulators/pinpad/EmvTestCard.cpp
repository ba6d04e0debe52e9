// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/pinpad/EmvTestCard.h"

#include "acquirer/iso8583/Tlv.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QCoreApplication>

#include <array>
#include <bit>

namespace pos {
namespace sim {
namespace {

constexpr qsizetype desBlock = 8;
constexpr qint64 maxAmountFen = 999'999'999'999; // 12 BCD digits

// Card constants of the test chip (PBOC 2.0 debit/credit application).
const QByteArray aip = QByteArray::fromHex("7C00");
const QByteArray cvr = QByteArray::fromHex("03A00000");   // IAD bytes 4-7: CVR length 03, then 3 CVR bytes
const QByteArray iadHead = QByteArray::fromHex("070101"); // IAD length 07, DKI 01, CVN 01
const QByteArray terminalCapabilities = QByteArray::fromHex("E0E1C8");
const QByteArray cvmResults = QByteArray::fromHex("420300"); // enciphered PIN online, "if terminal supports"
const QByteArray terminalType = QByteArray::fromHex("22");   // attended, merchant, online only
const QByteArray debitAid = QByteArray::fromHex("A000000333010101");
const QByteArray creditAid = QByteArray::fromHex("A000000333010102");

QString invalidText()
{
    return QCoreApplication::translate("pos::sim::EmvTestCard", "The test card's chip data is not valid.");
}

Failure invalid(QString detail)
{
    return fail(ErrorCode::InvalidInput, invalidText(), std::move(detail));
}

bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

// Digits (an even count) packed two per byte.
QByteArray bcd(const QString& digits)
{
    return QByteArray::fromHex(digits.toLatin1());
}

QByteArray bcdNumber(qint64 value, int digits)
{
    return bcd(QString::number(value).rightJustified(digits, QLatin1Char('0')));
}

void setOddParity(QByteArray& key)
{
    for (char& byte : key) {
        const auto value = static_cast<quint8>(byte);
        if (std::popcount(static_cast<unsigned>(value)) % 2 == 0)
            byte = static_cast<char>(value ^ 0x01);
    }
}

Result<QString> panSequence2(QStringView cardSequence)
{
    if (!allDigits(cardSequence))
        return invalid(QStringLiteral("card sequence number is not decimal"));
    return cardSequence.right(2).toString().rightJustified(2, QLatin1Char('0'));
}

// The raw values MAC'd, whichever side (the card's inputs or a received TLV) they come from.
struct ArqcFields
{
    QByteArray amount, otherAmount, country, tvr, currency, date, type, unpredictableNumber, aip, atc, cvr;

    QByteArray joined() const
    {
        return amount + otherAmount + country + tvr + currency + date + type + unpredictableNumber + aip +
               atc + cvr;
    }
};

Result<ArqcFields> fieldsOf(const EmvCardInput& card, const EmvTransactionInput& transaction)
{
    if (transaction.amountFen < 0 || transaction.amountFen > maxAmountFen)
        return invalid(QStringLiteral("amount out of range for 9F02"));
    if (!transaction.date.isValid() || transaction.date.year() < 2000 || transaction.date.year() > 2099)
        return invalid(QStringLiteral("transaction date not valid for 9A"));
    if (transaction.unpredictableNumber.size() != 4)
        return invalid(QStringLiteral("unpredictable number: %1 bytes, expected 4")
                           .arg(transaction.unpredictableNumber.size()));
    if (transaction.currencyCode < 0 || transaction.currencyCode > 9999 || transaction.countryCode < 0 ||
        transaction.countryCode > 9999)
        return invalid(QStringLiteral("currency or country code out of range"));
    ArqcFields fields;
    fields.amount = bcdNumber(transaction.amountFen, 12);
    fields.otherAmount = QByteArray(6, '\0');
    fields.country = bcdNumber(transaction.countryCode, 4);
    fields.tvr = QByteArray(5, '\0');
    fields.currency = bcdNumber(transaction.currencyCode, 4);
    fields.date = bcd(transaction.date.toString(QStringLiteral("yyMMdd")));
    fields.type = QByteArray(1, static_cast<char>(transaction.type));
    fields.unpredictableNumber = transaction.unpredictableNumber;
    fields.aip = aip;
    fields.atc =
        QByteArray(1, static_cast<char>(card.atc >> 8)) + QByteArray(1, static_cast<char>(card.atc & 0xFF));
    fields.cvr = cvr;
    return fields;
}

Result<QByteArray>
arqcOver(QByteArrayView issuerMasterKey, QStringView pan, QStringView cardSequence, const ArqcFields& fields)
{
    const Result<QString> psn = panSequence2(cardSequence);
    if (!psn)
        return Failure{psn.error()};
    Result<QByteArray> iccKey = deriveIccMasterKeyOptionA(issuerMasterKey, pan, psn.value());
    if (!iccKey)
        return Failure{iccKey.error()};
    const quint16 atc = static_cast<quint16>((static_cast<quint8>(fields.atc.at(0)) << 8) |
                                             static_cast<quint8>(fields.atc.at(1)));
    Result<QByteArray> sessionKey = deriveAcSessionKey(iccKey.value(), atc);
    crypto::secureWipe(iccKey.value());
    if (!sessionKey)
        return Failure{sessionKey.error()};
    Result<QByteArray> mac = macIso9797Algorithm3(sessionKey.value(), fields.joined());
    crypto::secureWipe(sessionKey.value());
    return mac;
}

bool constantTimeEqual(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned>(static_cast<quint8>(a.at(i)) ^ static_cast<quint8>(b.at(i)));
    return difference == 0;
}

acquirer::TlvElement element(quint32 tag, const QByteArray& value)
{
    return {tag, value, {}, acquirer::TlvLengthForm::Short};
}

} // namespace

QByteArray emvTestIssuerMasterKey()
{
    return QByteArray::fromHex(QByteArray(emvTestIssuerMasterKeyHex));
}

Result<QByteArray>
deriveIccMasterKeyOptionA(QByteArrayView issuerMasterKey, QStringView pan, QStringView panSequence2)
{
    if (issuerMasterKey.size() != 16)
        return invalid(
            QStringLiteral("issuer master key: %1 bytes, expected 16").arg(issuerMasterKey.size()));
    if (pan.size() < 12 || pan.size() > 19 || !allDigits(pan) || panSequence2.size() != 2 ||
        !allDigits(panSequence2))
        return invalid(QStringLiteral("PAN or PAN sequence number is not decimal"));
    const QString panAndPsn = pan.toString() + panSequence2.toString();
    const QByteArray y = bcd(panAndPsn.right(16).rightJustified(16, QLatin1Char('0')));
    QByteArray yInverted = y;
    for (char& byte : yInverted)
        byte = static_cast<char>(~static_cast<quint8>(byte));
    Result<QByteArray> key = crypto::tdesEcbEncrypt(issuerMasterKey, QByteArray(y + yInverted));
    if (!key)
        return Failure{key.error()};
    setOddParity(key.value());
    return key;
}

Result<QByteArray> deriveAcSessionKey(QByteArrayView iccMasterKey, quint16 atc)
{
    if (iccMasterKey.size() != 16)
        return invalid(QStringLiteral("ICC master key: %1 bytes, expected 16").arg(iccMasterKey.size()));
    QByteArray diversification(2 * desBlock, '\0');
    for (const qsizetype half : {qsizetype(0), desBlock}) {
        diversification[half] = static_cast<char>(atc >> 8);
        diversification[half + 1] = static_cast<char>(atc & 0xFF);
    }
    diversification[2] = static_cast<char>(0xF0);
    diversification[desBlock + 2] = static_cast<char>(0x0F);
    Result<QByteArray> key = crypto::tdesEcbEncrypt(iccMasterKey, diversification);
    if (!key)
        return Failure{key.error()};
    setOddParity(key.value());
    return key;
}

Result<QByteArray> macIso9797Algorithm3(QByteArrayView key, QByteArrayView data)
{
    if (key.size() != 16)
        return invalid(QStringLiteral("MAC key: %1 bytes, expected 16").arg(key.size()));
    QByteArray padded = data.toByteArray();
    padded.append(static_cast<char>(0x80));
    while (padded.size() % desBlock != 0)
        padded.append('\0');
    const QByteArrayView left = key.first(desBlock);
    QByteArray chain(desBlock, '\0');
    for (qsizetype at = 0; at < padded.size(); at += desBlock) {
        for (qsizetype i = 0; i < desBlock; ++i)
            chain[i] = static_cast<char>(chain.at(i) ^ padded.at(at + i));
        // Every block but the last under single DES K_L; the last under 3DES (K_L, K_R, K_L), which is
        // K_L-encrypt after K_R-decrypt of the single-DES result.
        const bool last = at + desBlock == padded.size();
        Result<QByteArray> next =
            last ? crypto::tdesEcbEncrypt(key, chain) : crypto::desEcbEncrypt(left, chain);
        if (!next)
            return Failure{next.error()};
        chain = std::move(next).value();
    }
    return chain;
}

Result<QByteArray> arqcInputData(const EmvCardInput& card, const EmvTransactionInput& transaction)
{
    const Result<ArqcFields> fields = fieldsOf(card, transaction);
    if (!fields)
        return Failure{fields.error()};
    return fields.value().joined();
}

Result<QByteArray>
computeArqc(QByteArrayView issuerMasterKey, const EmvCardInput& card, const EmvTransactionInput& transaction)
{
    const Result<ArqcFields> fields = fieldsOf(card, transaction);
    if (!fields)
        return Failure{fields.error()};
    return arqcOver(issuerMasterKey, card.pan, card.cardSequence, fields.value());
}

Result<bool> verifyArqc(QByteArrayView issuerMasterKey,
                        const EmvCardInput& card,
                        const EmvTransactionInput& transaction,
                        QByteArrayView arqc)
{
    const Result<QByteArray> expected = computeArqc(issuerMasterKey, card, transaction);
    if (!expected)
        return Failure{expected.error()};
    return constantTimeEqual(expected.value(), arqc);
}

Result<QByteArray>
buildIccData(QByteArrayView issuerMasterKey, const EmvCardInput& card, const EmvTransactionInput& transaction)
{
    const Result<ArqcFields> fields = fieldsOf(card, transaction);
    if (!fields)
        return Failure{fields.error()};
    const Result<QString> psn = panSequence2(card.cardSequence);
    if (!psn)
        return Failure{psn.error()};
    const Result<QByteArray> arqc = arqcOver(issuerMasterKey, card.pan, card.cardSequence, fields.value());
    if (!arqc)
        return Failure{arqc.error()};
    const ArqcFields& f = fields.value();
    return acquirer::encodeTlv({
        element(0x9F26, arqc.value()),
        element(0x9F27, QByteArray::fromHex("80")),
        element(0x9F10, iadHead + f.cvr),
        element(0x9F37, f.unpredictableNumber),
        element(0x9F36, f.atc),
        element(0x95, f.tvr),
        element(0x9A, f.date),
        element(0x9C, f.type),
        element(0x9F02, f.amount),
        element(0x5F2A, f.currency),
        element(0x82, f.aip),
        element(0x9F1A, f.country),
        element(0x9F03, f.otherAmount),
        element(0x9F33, terminalCapabilities),
        element(0x9F34, cvmResults),
        element(0x9F35, terminalType),
        element(0x84, card.credit ? creditAid : debitAid),
        element(0x5F34, bcd(psn.value())),
    });
}

Result<bool> verifyIccData(QByteArrayView issuerMasterKey,
                           QStringView pan,
                           QStringView cardSequence,
                           QByteArrayView iccData)
{
    const Result<QList<acquirer::TlvElement>> elements = acquirer::decodeTlv(iccData);
    if (!elements)
        return invalid(QStringLiteral("IC data: %1").arg(elements.error().detail));
    struct Wanted
    {
        quint32 tag;
        qsizetype size;
        QByteArray ArqcFields::*field;
    };
    static constexpr std::array wanted{
        Wanted{0x9F02, 6, &ArqcFields::amount},   Wanted{0x9F03, 6, &ArqcFields::otherAmount},
        Wanted{0x9F1A, 2, &ArqcFields::country},  Wanted{0x95, 5, &ArqcFields::tvr},
        Wanted{0x5F2A, 2, &ArqcFields::currency}, Wanted{0x9A, 3, &ArqcFields::date},
        Wanted{0x9C, 1, &ArqcFields::type},       Wanted{0x9F37, 4, &ArqcFields::unpredictableNumber},
        Wanted{0x82, 2, &ArqcFields::aip},        Wanted{0x9F36, 2, &ArqcFields::atc},
    };
    ArqcFields fields;
    for (const Wanted& w : wanted) {
        const acquirer::TlvElement* found = acquirer::findTlv(elements.value(), w.tag);
        if (!found || found->value.size() != w.size)
            return invalid(QStringLiteral("IC data: tag %1 missing or of the wrong length")
                               .arg(acquirer::tlvTagHex(w.tag)));
        fields.*(w.field) = found->value;
    }
    const acquirer::TlvElement* iad = acquirer::findTlv(elements.value(), 0x9F10);
    const acquirer::TlvElement* arqc = acquirer::findTlv(elements.value(), 0x9F26);
    if (!iad || iad->value.size() < 7 || !arqc)
        return invalid(QStringLiteral("IC data: 9F10 (at least 7 bytes) or 9F26 missing"));
    fields.cvr = iad->value.mid(3, 4);
    const Result<QByteArray> expected = arqcOver(issuerMasterKey, pan, cardSequence, fields);
    if (!expected)
        return Failure{expected.error()};
    return constantTimeEqual(expected.value(), arqc->value);
}

} // namespace sim
} // namespace pos
