// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/api/ApiResponses.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace pos {
namespace acquirer {
namespace {

class ApiResponsesText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::ApiResponses)

public:
    static QString malformed() { return tr("The acquirer sent an answer this terminal cannot read."); }
};

constexpr double maxExactInteger = 9007199254740992.0; // 2^53

// Reads the fields of one JSON object; the first problem is kept (with its JSON path) and later reads are
// no-ops returning defaults, so a parser reads every field and checks ok() once.
class FieldReader final
{
public:
    FieldReader(QJsonObject object, QString path) : m_object(std::move(object)), m_path(std::move(path)) {}

    bool ok() const { return m_problem.isEmpty(); }
    const QString& problem() const { return m_problem; }
    void setProblem(const QString& problem)
    {
        if (m_problem.isEmpty())
            m_problem = problem;
    }
    QString pathOf(const QString& key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

    // A present, non-null value, or nullopt when absent/null (required fields record a problem).
    std::optional<QJsonValue> value(const QString& key, bool required)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                setProblem(QStringLiteral("%1 missing").arg(pathOf(key)));
            return std::nullopt;
        }
        return v;
    }

    std::optional<QString> string(const QString& key, bool required, bool allowEmpty = false)
    {
        if (!ok())
            return std::nullopt;
        const std::optional<QJsonValue> v = value(key, required);
        if (!v)
            return std::nullopt;
        if (!v->isString() || (!allowEmpty && v->toString().isEmpty())) {
            setProblem(QStringLiteral("%1 is not a non-empty string").arg(pathOf(key)));
            return std::nullopt;
        }
        return v->toString();
    }

    std::optional<qint64> integer(const QString& key, bool required, qint64 minimum = 0)
    {
        if (!ok())
            return std::nullopt;
        const std::optional<QJsonValue> v = value(key, required);
        if (!v)
            return std::nullopt;
        const double d = v->toDouble();
        if (!v->isDouble() || !std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > maxExactInteger ||
            static_cast<qint64>(d) < minimum) {
            setProblem(QStringLiteral("%1 is not an integer >= %2").arg(pathOf(key)).arg(minimum));
            return std::nullopt;
        }
        return static_cast<qint64>(d);
    }

    // A string matching pattern (anchored by the caller).
    std::optional<QString> matching(const QString& key, bool required, const QRegularExpression& pattern)
    {
        const std::optional<QString> text = string(key, required);
        if (text && !pattern.match(*text).hasMatch()) {
            setProblem(QStringLiteral("%1 has the wrong format").arg(pathOf(key)));
            return std::nullopt;
        }
        return text;
    }

    template <typename Enum>
    std::optional<Enum>
    enumeration(const QString& key, bool required, std::optional<Enum> (*fromWire)(const QString&))
    {
        const std::optional<QString> text = string(key, required);
        if (!text)
            return std::nullopt;
        const std::optional<Enum> parsed = fromWire(*text);
        if (!parsed)
            setProblem(QStringLiteral("%1 has an unknown value").arg(pathOf(key)));
        return parsed;
    }

private:
    QJsonObject m_object;
    QString m_path;
    QString m_problem;
};

Failure malformed(const QString& what, const QString& problem)
{
    return fail(ErrorCode::ProtocolViolation, ApiResponsesText::malformed(),
                QStringLiteral("api %1: %2").arg(what, problem));
}

Result<QJsonObject> objectOf(const QByteArray& body, const QString& what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(
            what, QStringLiteral("not JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return malformed(what, QStringLiteral("not a JSON object"));
    return document.object();
}

const QRegularExpression& pattern(const char* regex)
{
    // One compiled expression per distinct literal; the parsers use a handful.
    static thread_local QHash<const char*, QRegularExpression> cache;
    auto it = cache.find(regex);
    if (it == cache.end())
        it = cache.insert(regex, QRegularExpression(QString::fromLatin1(regex)));
    return *it;
}

Result<QrOrderResult> readOrder(FieldReader& fields, const QString& what)
{
    QrOrderResult order;
    order.outTradeNo =
        fields.matching(u"outTradeNo"_qs, true, pattern("^[0-9A-Za-z_-]{1,32}$")).value_or(QString());
    order.status = fields.enumeration<QrOrderStatus>(u"status"_qs, true, &qrOrderStatusFromWire)
                       .value_or(QrOrderStatus::NotPay);
    order.amountFen = fields.integer(u"amountFen"_qs, true).value_or(0);
    order.channel = fields.enumeration<QrChannel>(u"channel"_qs, false, &qrChannelFromWire);
    const bool paid = order.status == QrOrderStatus::Paid;
    order.transactionId =
        fields.string(u"transactionId"_qs, paid || order.status == QrOrderStatus::Refund).value_or(QString());
    order.paidAtMs = fields.integer(u"paidAtMs"_qs, paid);
    order.refundedFen = fields.integer(u"refundedFen"_qs, false).value_or(0);
    order.errorCode =
        fields.string(u"errorCode"_qs, order.status == QrOrderStatus::PayError).value_or(QString());
    order.message = fields.string(u"message"_qs, false, true).value_or(QString());
    if (fields.ok() && paid && order.amountFen <= 0)
        fields.setProblem(QStringLiteral("%1 is 0 for a paid order").arg(fields.pathOf(u"amountFen"_qs)));
    if (fields.ok() && order.refundedFen > order.amountFen)
        fields.setProblem(QStringLiteral("%1 exceeds amountFen").arg(fields.pathOf(u"refundedFen"_qs)));
    if (!fields.ok())
        return malformed(what, fields.problem());
    return order;
}

} // namespace

std::optional<QrOrderStatus> qrOrderStatusFromWire(const QString& text)
{
    static const QHash<QString, QrOrderStatus> statuses{
        {u"PAID"_qs, QrOrderStatus::Paid},         {u"USERPAYING"_qs, QrOrderStatus::UserPaying},
        {u"NOTPAY"_qs, QrOrderStatus::NotPay},     {u"CLOSED"_qs, QrOrderStatus::Closed},
        {u"REVERSED"_qs, QrOrderStatus::Reversed}, {u"REFUND"_qs, QrOrderStatus::Refund},
        {u"PAYERROR"_qs, QrOrderStatus::PayError}};
    const auto it = statuses.constFind(text);
    return it == statuses.constEnd() ? std::nullopt : std::optional<QrOrderStatus>(*it);
}

QString qrOrderStatusWire(QrOrderStatus status)
{
    switch (status) {
    case QrOrderStatus::Paid: return u"PAID"_qs;
    case QrOrderStatus::UserPaying: return u"USERPAYING"_qs;
    case QrOrderStatus::NotPay: return u"NOTPAY"_qs;
    case QrOrderStatus::Closed: return u"CLOSED"_qs;
    case QrOrderStatus::Reversed: return u"REVERSED"_qs;
    case QrOrderStatus::Refund: return u"REFUND"_qs;
    case QrOrderStatus::PayError: return u"PAYERROR"_qs;
    }
    return {};
}

std::optional<QrChannel> qrChannelFromWire(const QString& text)
{
    if (text == u"wechat"_qs)
        return QrChannel::WeChat;
    if (text == u"alipay"_qs)
        return QrChannel::Alipay;
    if (text == u"unionpay"_qs)
        return QrChannel::UnionPay;
    return std::nullopt;
}

std::optional<ApplicationStatus> applicationStatusFromWire(const QString& text)
{
    if (text == u"submitted"_qs)
        return ApplicationStatus::Submitted;
    if (text == u"under_review"_qs)
        return ApplicationStatus::UnderReview;
    if (text == u"approved"_qs)
        return ApplicationStatus::Approved;
    if (text == u"rejected"_qs)
        return ApplicationStatus::Rejected;
    return std::nullopt;
}

Result<ApiErrorBody> parseApiError(const QByteArray& body)
{
    const QString what = u"error body"_qs;
    const Result<QJsonObject> object = objectOf(body, what);
    if (!object)
        return Failure{object.error()};
    const QJsonValue inner = object.value().value(u"error"_qs);
    if (!inner.isObject())
        return malformed(what, u"error is not an object"_qs);
    FieldReader fields(inner.toObject(), u"error"_qs);
    ApiErrorBody error;
    error.code = fields.matching(u"code"_qs, true, pattern("^[A-Z][A-Z0-9_]*$")).value_or(QString());
    error.message = fields.string(u"message"_qs, true, true).value_or(QString());
    if (!fields.ok())
        return malformed(what, fields.problem());
    return error;
}

Result<QrOrderResult> parseQrOrderResult(const QByteArray& body)
{
    const QString what = u"qr result"_qs;
    const Result<QJsonObject> object = objectOf(body, what);
    if (!object)
        return Failure{object.error()};
    FieldReader fields(object.value(), QString());
    return readOrder(fields, what);
}

Result<QrBill> parseQrBill(const QByteArray& body)
{
    const QString what = u"qr bill"_qs;
    const Result<QJsonObject> object = objectOf(body, what);
    if (!object)
        return Failure{object.error()};
    FieldReader fields(object.value(), QString());
    QrBill bill;
    bill.date = fields.matching(u"date"_qs, true, pattern("^\\d{4}-\\d{2}-\\d{2}$")).value_or(QString());
    if (!fields.ok())
        return malformed(what, fields.problem());
    const QJsonValue orders = object.value().value(u"orders"_qs);
    if (!orders.isArray())
        return malformed(what, u"orders is not an array"_qs);
    const QJsonArray list = orders.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("orders[%1]").arg(i);
        if (!list.at(i).isObject())
            return malformed(what, path + u" is not an object"_qs);
        FieldReader orderFields(list.at(i).toObject(), path);
        Result<QrOrderResult> order = readOrder(orderFields, what);
        if (!order)
            return Failure{order.error()};
        bill.orders.append(std::move(order).value());
    }
    return bill;
}

Result<DocumentUploadResult> parseDocumentUpload(const QByteArray& body)
{
    const QString what = u"document upload"_qs;
    const Result<QJsonObject> object = objectOf(body, what);
    if (!object)
        return Failure{object.error()};
    FieldReader fields(object.value(), QString());
    DocumentUploadResult result;
    result.documentId =
        fields.matching(u"documentId"_qs, true, pattern("^D[0-9a-f]{16}$")).value_or(QString());
    result.sha256 = fields.matching(u"sha256"_qs, true, pattern("^[0-9a-fA-F]{64}$")).value_or(QString());
    result.sizeBytes = fields.integer(u"sizeBytes"_qs, true, 1).value_or(0);
    if (!fields.ok())
        return malformed(what, fields.problem());
    return result;
}

Result<ApplicationSubmitted> parseApplicationSubmitted(const QByteArray& body)
{
    const QString what = u"application submission"_qs;
    const Result<QJsonObject> object = objectOf(body, what);
    if (!object)
        return Failure{object.error()};
    FieldReader fields(object.value(), QString());
    ApplicationSubmitted result;
    result.applicationId =
        fields.matching(u"applicationId"_qs, true, pattern("^A\\S{0,63}$")).value_or(QString());
    result.status = fields.enumeration<ApplicationStatus>(u"status"_qs, true, &applicationStatusFromWire)
                        .value_or(ApplicationStatus::Submitted);
    if (!fields.ok())
        return malformed(what, fields.problem());
    return result;
}

Result<ApplicationState> parseApplicationState(const QByteArray& body)
{
    const QString what = u"application status"_qs;
    const Result<QJsonObject> object = objectOf(body, what);
    if (!object)
        return Failure{object.error()};
    FieldReader fields(object.value(), QString());
    ApplicationState state;
    state.applicationId =
        fields.matching(u"applicationId"_qs, true, pattern("^A\\S{0,63}$")).value_or(QString());
    state.status = fields.enumeration<ApplicationStatus>(u"status"_qs, true, &applicationStatusFromWire)
                       .value_or(ApplicationStatus::Submitted);
    state.updatedAtMs = fields.integer(u"updatedAtMs"_qs, true).value_or(0);
    const bool approved = state.status == ApplicationStatus::Approved;
    state.merchantId =
        fields.matching(u"merchantId"_qs, approved, pattern("^[0-9A-Za-z]{15}$")).value_or(QString());
    state.activationCode =
        fields.matching(u"activationCode"_qs, approved, pattern("^[A-HJ-NP-Z2-9]{8}$")).value_or(QString());
    if (!fields.ok())
        return malformed(what, fields.problem());
    const QJsonValue reasons = object.value().value(u"reasons"_qs);
    const bool rejected = state.status == ApplicationStatus::Rejected;
    if (reasons.isUndefined() || reasons.isNull()) {
        if (rejected)
            return malformed(what, u"reasons missing"_qs);
        return state;
    }
    if (!reasons.isArray())
        return malformed(what, u"reasons is not an array"_qs);
    const QJsonArray list = reasons.toArray();
    if (rejected && list.isEmpty())
        return malformed(what, u"reasons is empty for a rejected application"_qs);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("reasons[%1]").arg(i);
        if (!list.at(i).isObject())
            return malformed(what, path + u" is not an object"_qs);
        FieldReader reasonFields(list.at(i).toObject(), path);
        RejectionReason reason;
        reason.code =
            reasonFields.matching(u"code"_qs, true, pattern("^[A-Z][A-Z0-9_]*$")).value_or(QString());
        reason.field = reasonFields.string(u"field"_qs, true).value_or(QString());
        reason.message = reasonFields.string(u"message"_qs, false, true).value_or(QString());
        if (!reasonFields.ok())
            return malformed(what, reasonFields.problem());
        state.reasons.append(reason);
    }
    return state;
}

Result<ActivationResult> parseActivationResult(const QByteArray& body)
{
    const QString what = u"activation"_qs;
    const Result<QJsonObject> object = objectOf(body, what);
    if (!object)
        return Failure{object.error()};
    FieldReader fields(object.value(), QString());
    ActivationResult result;
    result.terminalId = fields.matching(u"terminalId"_qs, true, pattern("^[0-9]{8}$")).value_or(QString());
    result.merchantId =
        fields.matching(u"merchantId"_qs, true, pattern("^[0-9A-Za-z]{15}$")).value_or(QString());
    result.merchantName = fields.string(u"merchantName"_qs, true).value_or(QString());
    const std::optional<QString> scheme = fields.matching(u"tmkScheme"_qs, true, pattern("^(3des|sm4)$"));
    result.tmkScheme = scheme == u"sm4"_qs ? TmkScheme::Sm4 : TmkScheme::TripleDes;
    const QString wrapped =
        fields.matching(u"tmkWrapped"_qs, true, pattern("^[A-Za-z0-9+/]+={0,2}$")).value_or(QString());
    result.tmkKcv = fields.matching(u"tmkKcv"_qs, true, pattern("^[0-9A-F]{6}$")).value_or(QString());
    result.apiKeyId = fields.string(u"apiKeyId"_qs, true).value_or(QString());
    const QString secretHex =
        fields.matching(u"apiSecret"_qs, true, pattern("^[0-9a-fA-F]{64}$")).value_or(QString());
    result.cardHost =
        fields.matching(u"cardHost"_qs, true, pattern("^[^:\\s]+:[0-9]{1,5}$")).value_or(QString());
    result.singleLimitFen = fields.integer(u"singleLimitFen"_qs, true).value_or(0);
    result.dailyLimitFen = fields.integer(u"dailyLimitFen"_qs, true).value_or(0);
    if (fields.ok()) {
        const auto decoded =
            QByteArray::fromBase64Encoding(wrapped.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty() || wrapped.size() % 4 != 0)
            fields.setProblem(u"tmkWrapped is not base64"_qs);
        else
            result.tmkWrapped = decoded.decoded;
        const int port = result.cardHost.section(u':', -1).toInt();
        if (port < 1 || port > 65535)
            fields.setProblem(u"cardHost has no valid port"_qs);
    }
    if (!fields.ok())
        return malformed(what, fields.problem());
    result.apiSecret = QByteArray::fromHex(secretHex.toLatin1());
    return result;
}

Result<AgreementTerms> parseAgreementTerms(const QByteArray& body)
{
    const QString what = u"agreement"_qs;
    const Result<QJsonObject> object = objectOf(body, what);
    if (!object)
        return Failure{object.error()};
    FieldReader fields(object.value(), QString());
    AgreementTerms terms;
    terms.version =
        fields.matching(u"version"_qs, true, pattern("^[0-9A-Za-z._-]{1,32}$")).value_or(QString());
    terms.text = fields.string(u"text"_qs, true).value_or(QString());
    if (!fields.ok())
        return malformed(what, fields.problem());
    const QJsonValue fees = object.value().value(u"fees"_qs);
    if (!fees.isArray() || fees.toArray().isEmpty())
        return malformed(what, u"fees is not a non-empty array"_qs);
    const QJsonArray feeList = fees.toArray();
    for (qsizetype i = 0; i < feeList.size(); ++i) {
        const QString path = QStringLiteral("fees[%1]").arg(i);
        if (!feeList.at(i).isObject())
            return malformed(what, path + u" is not an object"_qs);
        FieldReader feeFields(feeList.at(i).toObject(), path);
        AgreementFee fee;
        fee.tender =
            feeFields.matching(u"tender"_qs, true, pattern("^[a-z][a-z0-9_-]{0,15}$")).value_or(QString());
        const qint64 rate = feeFields.integer(u"rateBasisPoints"_qs, true).value_or(0);
        if (rate > 10000)
            feeFields.setProblem(path + u".rateBasisPoints is above 10000"_qs);
        fee.rateBasisPoints = static_cast<int>(rate);
        fee.capFen = feeFields.integer(u"capFen"_qs, false);
        if (!feeFields.ok())
            return malformed(what, feeFields.problem());
        terms.fees.append(fee);
    }
    const QJsonValue cycles = object.value().value(u"settlementCycles"_qs);
    if (!cycles.isArray() || cycles.toArray().isEmpty())
        return malformed(what, u"settlementCycles is not a non-empty array"_qs);
    const QJsonArray cycleList = cycles.toArray();
    for (qsizetype i = 0; i < cycleList.size(); ++i) {
        const QString cycle = cycleList.at(i).toString();
        if (!cycleList.at(i).isString() || !pattern("^(T\\+[0-9]|D0)$").match(cycle).hasMatch())
            return malformed(what, QStringLiteral("settlementCycles[%1] has the wrong format").arg(i));
        terms.settlementCycles.append(cycle);
    }
    return terms;
}

} // namespace acquirer
} // namespace pos
