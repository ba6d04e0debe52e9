// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/StructuredFields.h"

#include "acquirer/iso8583/CodecErrors.h"
#include "acquirer/iso8583/FieldCodec.h"
#include "acquirer/iso8583/IsoMessage.h"

namespace pos {
namespace acquirer {
namespace {

constexpr qsizetype settlementPartDigits = 31;
constexpr qsizetype icDataMaxBytes = 255;
constexpr qsizetype field63MaxBytes = 163;

bool isDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

// Checks one subfield for build(): exactly `digits` decimal digits, or empty when optional.
Result<void> checkSubfield(const QString& value, qsizetype digits, const char* name, bool optional = false)
{
    if (optional && value.isEmpty())
        return {};
    if (value.size() != digits || !isDigits(value)) {
        return unencodableMessage(QStringLiteral("%1: needs %2 decimal digits, has %3 characters")
                                      .arg(QLatin1String(name))
                                      .arg(digits)
                                      .arg(value.size()));
    }
    return {};
}

// Reads `count` digits at pos as a number (the caller has checked they are digits).
qint64 numberAt(QStringView digits, qsizetype& pos, qsizetype count)
{
    const qint64 value = digits.sliced(pos, count).toLongLong();
    pos += count;
    return value;
}

QString zeroPadded(qint64 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

Result<void> checkRange(qint64 value, qint64 max, const char* name)
{
    if (value < 0 || value > max)
        return unencodableMessage(
            QStringLiteral("%1: %2 outside 0..%3").arg(QLatin1String(name)).arg(value).arg(max));
    return {};
}

// True when every character is printable ASCII (toLatin1() would turn others into '?').
bool isPrintableAsciiText(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            return false;
    }
    return true;
}

Result<void> checkAllDigits(QStringView digits, int field)
{
    if (isDigits(digits))
        return {};
    return malformedMessage(
        QStringLiteral("field %1: contains a character that is not a decimal digit").arg(field));
}

} // namespace

Result<Field60> Field60::parse(QStringView digits)
{
    if (const Result<void> ok = checkAllDigits(digits, 60); !ok)
        return Failure{ok.error()};
    const qsizetype size = digits.size();
    if (size != 11 && size != 12 && size != 13 && size != 14 && size != 17) {
        return malformedMessage(
            QStringLiteral("field 60: %1 digits; 60.1-60.7 allow 11, 12, 13, 14 or 17").arg(size));
    }
    Field60 field;
    field.transactionType = digits.sliced(0, 2).toString();
    field.batchNumber = digits.sliced(2, 6).toString();
    field.networkCode = digits.sliced(8, 3).toString();
    if (size >= 12)
        field.readCapability = digits.sliced(11, 1).toString();
    if (size >= 13)
        field.icCondition = digits.sliced(12, 1).toString();
    if (size >= 14)
        field.partialApproval = digits.sliced(13, 1).toString();
    if (size == 17)
        field.accountType = digits.sliced(14, 3).toString();
    return field;
}

Result<QString> Field60::build() const
{
    for (const Result<void>& ok :
         {checkSubfield(transactionType, 2, "60.1"), checkSubfield(batchNumber, 6, "60.2"),
          checkSubfield(networkCode, 3, "60.3"), checkSubfield(readCapability, 1, "60.4", true),
          checkSubfield(icCondition, 1, "60.5", true), checkSubfield(partialApproval, 1, "60.6", true),
          checkSubfield(accountType, 3, "60.7", true)}) {
        if (!ok)
            return Failure{ok.error()};
    }
    const QString optional[] = {readCapability, icCondition, partialApproval, accountType};
    for (int index = 1; index < 4; ++index) {
        if (!optional[index].isEmpty() && optional[index - 1].isEmpty()) {
            return unencodableMessage(
                QStringLiteral("60.%1 is set but 60.%2 is not").arg(index + 4).arg(index + 3));
        }
    }
    return QString(transactionType + batchNumber + networkCode + readCapability + icCondition +
                   partialApproval + accountType);
}

Result<Field61> Field61::parse(QStringView digits)
{
    if (const Result<void> ok = checkAllDigits(digits, 61); !ok)
        return Failure{ok.error()};
    const qsizetype size = digits.size();
    if (size != 12 && (size < 16 || size > 29))
        return malformedMessage(
            QStringLiteral("field 61: %1 digits; 61.1-61.3 allow 12 or 16..29").arg(size));
    Field61 field;
    field.originalBatch = digits.sliced(0, 6).toString();
    field.originalStan = digits.sliced(6, 6).toString();
    if (size >= 16)
        field.originalDate = digits.sliced(12, 4).toString();
    if (size > 16)
        field.remainder = digits.sliced(16).toString();
    return field;
}

Result<QString> Field61::build() const
{
    for (const Result<void>& ok :
         {checkSubfield(originalBatch, 6, "61.1"), checkSubfield(originalStan, 6, "61.2"),
          checkSubfield(originalDate, 4, "61.3", true)}) {
        if (!ok)
            return Failure{ok.error()};
    }
    if (!remainder.isEmpty() && (originalDate.isEmpty() || !isDigits(remainder) || remainder.size() > 13))
        return unencodableMessage(
            QStringLiteral("61: the remainder needs 61.3 and at most 13 decimal digits"));
    return QString(originalBatch + originalStan + originalDate + remainder);
}

Result<Field53> Field53::parse(QStringView digits)
{
    if (const Result<void> ok = checkAllDigits(digits, 53); !ok)
        return Failure{ok.error()};
    if (digits.size() != 16)
        return malformedMessage(QStringLiteral("field 53: %1 digits, expected 16").arg(digits.size()));
    Field53 field;
    field.pinFormat = digits.at(0).digitValue();
    field.algorithm = digits.at(1).digitValue();
    field.trackEncryption = digits.at(2).digitValue();
    field.reserved = digits.sliced(3).toString();
    return field;
}

Result<QString> Field53::build() const
{
    for (const Result<void>& ok :
         {checkRange(pinFormat, 9, "53.1"), checkRange(algorithm, 9, "53.2"),
          checkRange(trackEncryption, 9, "53.3"), checkSubfield(reserved, 13, "53 reserved")}) {
        if (!ok)
            return Failure{ok.error()};
    }
    return QString(QString::number(pinFormat) + QString::number(algorithm) +
                   QString::number(trackEncryption) + reserved);
}

Result<SettlementTotals> SettlementTotals::parse(QStringView digits)
{
    if (const Result<void> ok = checkAllDigits(digits, 48); !ok)
        return Failure{ok.error()};
    if (digits.size() != 2 * settlementPartDigits) {
        return malformedMessage(QStringLiteral("field 48: %1 digits, settlement totals take %2")
                                    .arg(digits.size())
                                    .arg(2 * settlementPartDigits));
    }
    SettlementTotals totals;
    qsizetype pos = 0;
    for (SettlementTotalsPart* part : {&totals.domestic, &totals.foreign}) {
        part->debitAmountFen = numberAt(digits, pos, 12);
        part->debitCount = static_cast<int>(numberAt(digits, pos, 3));
        part->creditAmountFen = numberAt(digits, pos, 12);
        part->creditCount = static_cast<int>(numberAt(digits, pos, 3));
        part->settleFlag = static_cast<int>(numberAt(digits, pos, 1));
    }
    return totals;
}

Result<QString> SettlementTotals::build() const
{
    constexpr qint64 maxAmount = 999'999'999'999;
    QString digits;
    for (const SettlementTotalsPart* part : {&domestic, &foreign}) {
        for (const Result<void>& ok : {checkRange(part->debitAmountFen, maxAmount, "48 debit amount"),
                                       checkRange(part->debitCount, 999, "48 debit count"),
                                       checkRange(part->creditAmountFen, maxAmount, "48 credit amount"),
                                       checkRange(part->creditCount, 999, "48 credit count"),
                                       checkRange(part->settleFlag, 9, "48 settle flag")}) {
            if (!ok)
                return Failure{ok.error()};
        }
        digits += zeroPadded(part->debitAmountFen, 12) + zeroPadded(part->debitCount, 3) +
                  zeroPadded(part->creditAmountFen, 12) + zeroPadded(part->creditCount, 3) +
                  QString::number(part->settleFlag);
    }
    return digits;
}

Result<int> parseBatchUploadCount(QStringView digits)
{
    if (const Result<void> ok = checkAllDigits(digits, 48); !ok)
        return Failure{ok.error()};
    if (digits.size() != 4)
        return malformedMessage(
            QStringLiteral("field 48: %1 digits, the batch-upload count takes 4").arg(digits.size()));
    return digits.toInt();
}

Result<QString> buildBatchUploadCount(int count)
{
    if (const Result<void> ok = checkRange(count, 9999, "48 batch-upload count"); !ok)
        return Failure{ok.error()};
    return zeroPadded(count, 4);
}

Result<Field63Response> Field63Response::parse(QByteArrayView bytes)
{
    if (bytes.size() < 3)
        return malformedMessage(QStringLiteral("field 63: %1 bytes, 63.1 needs 3").arg(bytes.size()));
    qsizetype badIndex = 0;
    if (!isPrintableAscii(bytes.first(3), &badIndex))
        return malformedMessage(
            QStringLiteral("field 63: byte %1 of 63.1 is not printable ASCII").arg(badIndex + 1));
    if (!isGbkText(bytes.sliced(3), &badIndex))
        return malformedMessage(
            QStringLiteral("field 63: byte %1 of 63.2 is not GBK text").arg(badIndex + 4));
    return Field63Response{QString::fromLatin1(bytes.first(3)), decodeGbk(bytes.sliced(3))};
}

Result<QByteArray> Field63Response::build() const
{
    if (cardOrganisation.size() != 3 || !isPrintableAsciiText(cardOrganisation))
        return unencodableMessage(QStringLiteral("63.1: needs 3 printable ASCII characters"));
    const QByteArray bytes = cardOrganisation.toLatin1() + encodeGbk(text);
    if (!isGbkText(bytes))
        return unencodableMessage(QStringLiteral("63.2: text has characters outside GBK"));
    if (bytes.size() > field63MaxBytes)
        return unencodableMessage(
            QStringLiteral("63: %1 bytes exceed %2").arg(bytes.size()).arg(field63MaxBytes));
    return bytes;
}

Result<QByteArray> buildOperatorCode(QStringView code)
{
    if (code.size() != 3 || !isPrintableAsciiText(code))
        return unencodableMessage(QStringLiteral("63 operator code: needs 3 printable ASCII characters"));
    return code.toLatin1();
}

Result<QList<TlvElement>> parseIcData(QByteArrayView bytes)
{
    if (bytes.size() > icDataMaxBytes)
        return malformedMessage(
            QStringLiteral("field 55: %1 bytes exceed %2").arg(bytes.size()).arg(icDataMaxBytes));
    Result<QList<TlvElement>> elements = decodeTlv(bytes);
    if (!elements)
        return malformedMessage(QStringLiteral("field 55: ") + elements.error().detail);
    return elements;
}

Result<QByteArray> buildIcData(const QList<TlvElement>& elements)
{
    Result<QByteArray> bytes = encodeTlv(elements);
    if (!bytes)
        return bytes;
    if (bytes.value().size() > icDataMaxBytes) {
        return unencodableMessage(
            QStringLiteral("field 55: %1 bytes exceed %2").arg(bytes.value().size()).arg(icDataMaxBytes));
    }
    return bytes;
}

} // namespace acquirer
} // namespace pos
