// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/Iso8583Json.h"

#include "acquirer/iso8583/StructuredFields.h"

#include <QJsonArray>

namespace pos {
namespace cli {
namespace {

using acquirer::FieldFormat;
using acquirer::FieldSpec;
using acquirer::IsoField;
using acquirer::IsoMessage;
using acquirer::TextEncoding;

QString upperHex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex().toUpper());
}

Failure badJson(const QString& detail)
{
    return fail(ErrorCode::InvalidInput, QStringLiteral("The message JSON is not valid."), detail);
}

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

Result<QByteArray> hexValue(const QJsonValue& value, const QString& what)
{
    if (!value.isString())
        return badJson(QStringLiteral("%1: expected a hex string").arg(what));
    return bytesFromHex(value.toString(), what);
}

bool isAsciiText(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7E)
            return false;
    }
    return true;
}

QJsonValue fieldToJson(const FieldSpec& spec, const QByteArray& value)
{
    switch (spec.format) {
    case FieldFormat::N:
    case FieldFormat::Z: return QString::fromLatin1(value);
    case FieldFormat::An:
    case FieldFormat::Ans:
        return spec.encoding == TextEncoding::Gbk ? acquirer::decodeGbk(value) : QString::fromLatin1(value);
    case FieldFormat::B: return upperHex(value);
    }
    return QJsonValue();
}

Result<QByteArray> fieldFromJson(const FieldSpec& spec, const QJsonValue& value)
{
    const QString what = QStringLiteral("fields.%1").arg(spec.number);
    if (spec.format == FieldFormat::B)
        return hexValue(value, what);
    if (!value.isString())
        return badJson(QStringLiteral("%1: expected a string").arg(what));
    const QString text = value.toString();
    if (spec.isText() && spec.encoding == TextEncoding::Gbk)
        return acquirer::encodeGbk(text);
    // n/z digits and ASCII text: anything outside ASCII would turn into '?' in Latin-1.
    if (!isAsciiText(text))
        return badJson(
            QStringLiteral("%1: %2 field takes ASCII only").arg(what, acquirer::describeSpec(spec)));
    return text.toLatin1();
}

QJsonObject settlementPartToJson(const acquirer::SettlementTotalsPart& part)
{
    return QJsonObject{{QStringLiteral("debitAmountFen"), part.debitAmountFen},
                       {QStringLiteral("debitCount"), part.debitCount},
                       {QStringLiteral("creditAmountFen"), part.creditAmountFen},
                       {QStringLiteral("creditCount"), part.creditCount},
                       {QStringLiteral("settleFlag"), part.settleFlag}};
}

void insertIfSet(QJsonObject& object, const char* key, const QString& value)
{
    if (!value.isEmpty())
        object.insert(QLatin1String(key), value);
}

bool isResponse(const IsoMessage& message)
{
    return message.mti().size() == 4 && message.mti().at(2).digitValue() % 2 == 1;
}

} // namespace

Result<QByteArray> bytesFromHex(const QString& text, const QString& what)
{
    bool hex = text.size() % 2 == 0;
    for (const QChar c : text)
        hex = hex && isHexDigit(c);
    if (!hex)
        return badJson(QStringLiteral("%1: not an even number of hex digits").arg(what));
    return QByteArray::fromHex(text.toLatin1());
}

QJsonObject isoMessageToJson(const IsoMessage& message, const acquirer::FieldTable& table)
{
    QJsonObject fields;
    for (const int number : message.fieldNumbers()) {
        if (const FieldSpec* spec = table.spec(number))
            fields.insert(QString::number(number), fieldToJson(*spec, message.field(number)));
    }
    return QJsonObject{{QStringLiteral("tpdu"), upperHex(message.tpdu())},
                       {QStringLiteral("header"), upperHex(message.header())},
                       {QStringLiteral("mti"), message.mti()},
                       {QStringLiteral("fields"), fields}};
}

Result<IsoMessage> isoMessageFromJson(const QJsonObject& json, const acquirer::FieldTable& table)
{
    const QStringList known = {QStringLiteral("tpdu"), QStringLiteral("header"), QStringLiteral("mti"),
                               QStringLiteral("fields"), QStringLiteral("parsed")};
    for (const QString& key : json.keys()) {
        if (!known.contains(key))
            return badJson(QStringLiteral("unknown member '%1'").arg(key));
    }
    IsoMessage message;
    Result<QByteArray> tpdu = hexValue(json.value(QStringLiteral("tpdu")), QStringLiteral("tpdu"));
    if (!tpdu)
        return Failure{tpdu.error()};
    message.setTpdu(tpdu.value());
    Result<QByteArray> header = hexValue(json.value(QStringLiteral("header")), QStringLiteral("header"));
    if (!header)
        return Failure{header.error()};
    message.setHeader(header.value());
    if (!json.value(QStringLiteral("mti")).isString())
        return badJson(QStringLiteral("mti: expected a string such as \"0200\""));
    message.setMti(json.value(QStringLiteral("mti")).toString());

    const QJsonValue fieldsValue = json.value(QStringLiteral("fields"));
    if (!fieldsValue.isObject())
        return badJson(QStringLiteral("fields: expected an object"));
    const QJsonObject fields = fieldsValue.toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        bool isNumber = false;
        const int number = it.key().toInt(&isNumber);
        const FieldSpec* spec = isNumber ? table.spec(number) : nullptr;
        if (!spec || it.key() != QString::number(number))
            return badJson(QStringLiteral("fields.%1: not a field of the field table").arg(it.key()));
        Result<QByteArray> value = fieldFromJson(*spec, it.value());
        if (!value)
            return Failure{value.error()};
        message.setField(number, value.value());
    }
    return message;
}

Result<QJsonObject> parsedFieldsToJson(const IsoMessage& message)
{
    using namespace acquirer;
    QJsonObject parsed;
    QString networkCode;
    if (message.hasField(IsoField::Reserved60)) {
        const Result<Field60> field = Field60::parse(message.digits(IsoField::Reserved60));
        if (!field)
            return Failure{field.error()};
        const Field60& f = field.value();
        QJsonObject object{{QStringLiteral("60.1"), f.transactionType},
                           {QStringLiteral("60.2"), f.batchNumber},
                           {QStringLiteral("60.3"), f.networkCode}};
        insertIfSet(object, "60.4", f.readCapability);
        insertIfSet(object, "60.5", f.icCondition);
        insertIfSet(object, "60.6", f.partialApproval);
        insertIfSet(object, "60.7", f.accountType);
        parsed.insert(QStringLiteral("60"), object);
        networkCode = f.networkCode;
    }
    if (message.hasField(IsoField::OriginalData)) {
        const Result<Field61> field = Field61::parse(message.digits(IsoField::OriginalData));
        if (!field)
            return Failure{field.error()};
        QJsonObject object{{QStringLiteral("61.1"), field.value().originalBatch},
                           {QStringLiteral("61.2"), field.value().originalStan}};
        insertIfSet(object, "61.3", field.value().originalDate);
        insertIfSet(object, "61.rest", field.value().remainder);
        parsed.insert(QStringLiteral("61"), object);
    }
    if (message.hasField(IsoField::SecurityControl)) {
        const Result<Field53> field = Field53::parse(message.digits(IsoField::SecurityControl));
        if (!field)
            return Failure{field.error()};
        parsed.insert(QStringLiteral("53"),
                      QJsonObject{{QStringLiteral("53.1"), QString::number(field.value().pinFormat)},
                                  {QStringLiteral("53.2"), QString::number(field.value().algorithm)},
                                  {QStringLiteral("53.3"), QString::number(field.value().trackEncryption)},
                                  {QStringLiteral("reserved"), field.value().reserved}});
    }
    if (message.hasField(IsoField::IcData)) {
        const Result<QList<TlvElement>> elements = parseIcData(message.field(IsoField::IcData));
        if (!elements)
            return Failure{elements.error()};
        QJsonObject tags;
        for (const TlvElement& element : elements.value())
            tags.insert(tlvTagHex(element.tag), upperHex(element.value));
        parsed.insert(QStringLiteral("55"), tags);
    }
    if (message.hasField(IsoField::AdditionalData)) {
        const QString mti = message.mti();
        const QString digits = message.digits(IsoField::AdditionalData);
        if (mti == QLatin1String("0500") || mti == QLatin1String("0510")) {
            const Result<SettlementTotals> totals = SettlementTotals::parse(digits);
            if (!totals)
                return Failure{totals.error()};
            parsed.insert(
                QStringLiteral("48"),
                QJsonObject{{QStringLiteral("domestic"), settlementPartToJson(totals.value().domestic)},
                            {QStringLiteral("foreign"), settlementPartToJson(totals.value().foreign)}});
        } else if ((mti == QLatin1String("0320") || mti == QLatin1String("0330")) &&
                   (networkCode == QLatin1String("202") || networkCode == QLatin1String("207"))) {
            const Result<int> count = parseBatchUploadCount(digits);
            if (!count)
                return Failure{count.error()};
            parsed.insert(QStringLiteral("48"), QJsonObject{{QStringLiteral("uploadCount"), count.value()}});
        }
    }
    if (message.hasField(IsoField::Reserved63) && isResponse(message)) {
        const Result<Field63Response> field = Field63Response::parse(message.field(IsoField::Reserved63));
        if (!field)
            return Failure{field.error()};
        QJsonObject object{{QStringLiteral("63.1"), field.value().cardOrganisation}};
        insertIfSet(object, "63.2", field.value().text);
        parsed.insert(QStringLiteral("63"), object);
    }
    return parsed;
}

} // namespace cli
} // namespace pos
