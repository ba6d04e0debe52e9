// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/engine/ActivationTerms.h"

#include <QCoreApplication>
#include <QSet>

namespace pos {
namespace acquirer {
namespace {

struct TermsText
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::ActivationTerms)
};

constexpr qint64 maxTwelveDigits = 999'999'999'999;

Failure malformed(const QString& detail)
{
    return fail(ErrorCode::ProtocolViolation,
                TermsText::tr("The acquirer sent activation terms this terminal cannot read."),
                QStringLiteral("activation terms: %1").arg(detail));
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// 1..maxDigits ASCII digits.
std::optional<qint64> digitsValue(QByteArrayView text, qsizetype maxDigits)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (!isDigit(c))
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool isTender(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 16 || text.front() < 'a' || text.front() > 'z')
        return false;
    for (const char c : text) {
        if (!((c >= 'a' && c <= 'z') || isDigit(c) || c == '_' || c == '-'))
            return false;
    }
    return true;
}

// A rate or cap: digits without a leading zero (except "0" itself), so every value has one spelling.
std::optional<qint64> canonicalValue(QByteArrayView text, qsizetype maxDigits)
{
    if (text.size() > 1 && text.front() == '0')
        return std::nullopt;
    return digitsValue(text, maxDigits);
}

// "KEY=" + 12 digits.
std::optional<qint64> limitItem(QByteArrayView item, QByteArrayView key)
{
    if (!item.startsWith(key) || item.size() != key.size() + 12)
        return std::nullopt;
    return digitsValue(item.sliced(key.size()), 12);
}

QList<QByteArrayView> split(QByteArrayView text, char separator)
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text.at(i) == separator) {
            parts.append(text.sliced(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

} // namespace

Result<ActivationTerms> parseActivationTerms(QByteArrayView text)
{
    if (text.isEmpty())
        return malformed(QStringLiteral("empty"));
    if (text.size() > maxActivationTermsBytes)
        return malformed(
            QStringLiteral("%1 bytes, more than %2").arg(text.size()).arg(maxActivationTermsBytes));
    const QList<QByteArrayView> items = split(text, ';');
    if (items.size() != 3)
        return malformed(QStringLiteral("%1 items, expected SL, DL and FEE").arg(items.size()));
    ActivationTerms terms;
    const std::optional<qint64> single = limitItem(items.at(0), "SL=");
    if (!single)
        return malformed(QStringLiteral("SL is not SL= and 12 digits"));
    const std::optional<qint64> daily = limitItem(items.at(1), "DL=");
    if (!daily)
        return malformed(QStringLiteral("DL is not DL= and 12 digits"));
    terms.singleLimitFen = *single;
    terms.dailyLimitFen = *daily;
    constexpr QByteArrayView feeKey("FEE=");
    if (!items.at(2).startsWith(feeKey))
        return malformed(QStringLiteral("third item is not FEE="));
    const QList<QByteArrayView> fees = split(items.at(2).sliced(feeKey.size()), '|');
    if (fees.size() > maxActivationFees)
        return malformed(QStringLiteral("%1 fees, more than %2").arg(fees.size()).arg(maxActivationFees));
    QSet<QByteArray> tenders;
    for (qsizetype i = 0; i < fees.size(); ++i) {
        const QList<QByteArrayView> parts = split(fees.at(i), ':');
        if (parts.size() != 3)
            return malformed(QStringLiteral("fee %1 is not tender:rate:cap").arg(i));
        if (!isTender(parts.at(0)))
            return malformed(QStringLiteral("fee %1 has an invalid tender").arg(i));
        if (tenders.contains(parts.at(0).toByteArray()))
            return malformed(QStringLiteral("fee %1 repeats a tender").arg(i));
        tenders.insert(parts.at(0).toByteArray());
        const std::optional<qint64> rate = canonicalValue(parts.at(1), 5);
        if (!rate || *rate > 10000)
            return malformed(QStringLiteral("fee %1 rate is not 0..10000").arg(i));
        AgreementFee fee;
        fee.tender = QString::fromLatin1(parts.at(0));
        fee.rateBasisPoints = static_cast<int>(*rate);
        if (!parts.at(2).isEmpty()) {
            fee.capFen = canonicalValue(parts.at(2), 12);
            if (!fee.capFen)
                return malformed(QStringLiteral("fee %1 cap is not 1..12 digits").arg(i));
        }
        terms.fees.append(fee);
    }
    return terms;
}

Result<QByteArray> buildActivationTerms(const ActivationTerms& terms)
{
    const auto invalid = [](const QString& detail) {
        return fail(ErrorCode::InvalidInput, TermsText::tr("The activation terms could not be written."),
                    QStringLiteral("activation terms: %1").arg(detail));
    };
    if (terms.singleLimitFen < 0 || terms.singleLimitFen > maxTwelveDigits || terms.dailyLimitFen < 0 ||
        terms.dailyLimitFen > maxTwelveDigits)
        return invalid(QStringLiteral("limit out of range"));
    if (terms.fees.isEmpty() || terms.fees.size() > maxActivationFees)
        return invalid(QStringLiteral("%1 fees").arg(terms.fees.size()));
    QByteArray text = "SL=" + QByteArray::number(terms.singleLimitFen).rightJustified(12, '0') +
                      ";DL=" + QByteArray::number(terms.dailyLimitFen).rightJustified(12, '0') + ";FEE=";
    for (qsizetype i = 0; i < terms.fees.size(); ++i) {
        const AgreementFee& fee = terms.fees.at(i);
        if (fee.rateBasisPoints < 0 || fee.rateBasisPoints > 10000 ||
            (fee.capFen && (*fee.capFen < 0 || *fee.capFen > maxTwelveDigits)))
            return invalid(QStringLiteral("fee %1 out of range").arg(i));
        if (i > 0)
            text += '|';
        text += fee.tender.toLatin1() + ':' + QByteArray::number(fee.rateBasisPoints) + ':' +
                (fee.capFen ? QByteArray::number(*fee.capFen) : QByteArray());
    }
    // The parser is the rule book: what it refuses is never sent.
    if (const Result<ActivationTerms> parsed = parseActivationTerms(text); !parsed)
        return invalid(parsed.error().detail);
    return text;
}

} // namespace acquirer
} // namespace pos
