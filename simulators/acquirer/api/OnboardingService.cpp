// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/OnboardingService.h"

#include "simulators/SimulatorLog.h"
#include "simulators/acquirer/HostLedger.h"
#include "simulators/acquirer/api/AcquirerAgreement.h"
#include "simulators/acquirer/api/ApiJson.h"
#include "simulators/acquirer/api/ApiSignature.h"
#include "simulators/acquirer/api/ChineseIdentifiers.h"
#include "simulators/acquirer/api/HttpRequestParser.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

#include <limits>

namespace pos {
namespace sim {
namespace {

const QStringList documentKinds = {QStringLiteral("licence"), QStringLiteral("id-front"),
                                   QStringLiteral("id-back"), QStringLiteral("account-proof"),
                                   QStringLiteral("other")};
const QStringList tenders = {QStringLiteral("swipe"), QStringLiteral("ic"), QStringLiteral("contactless"),
                             QStringLiteral("qr")};
const QStringList features = tenders + QStringList{QStringLiteral("refund"), QStringLiteral("preauth")};

// The content type the magic bytes say, or empty.
QByteArray sniffedContentType(const QByteArray& content)
{
    if (content.startsWith("\xFF\xD8\xFF"))
        return "image/jpeg";
    if (content.startsWith("\x89PNG"))
        return "image/png";
    if (content.startsWith("%PDF-"))
        return "application/pdf";
    return QByteArray();
}

QByteArray mediaType(const QByteArray& contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

bool isHex(const QString& text, qsizetype length)
{
    if (text.size() != length)
        return false;
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f')) ||
              (c >= QLatin1Char('A') && c <= QLatin1Char('F'))))
            return false;
    }
    return true;
}

bool isDigits(const QString& text, qsizetype length)
{
    if (text.size() != length)
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

QJsonObject reason(const char* code, const char* field, const QString& message)
{
    QJsonObject object;
    object.insert(QStringLiteral("code"), QLatin1String(code));
    object.insert(QStringLiteral("field"), QLatin1String(field));
    object.insert(QStringLiteral("message"), message);
    return object;
}

HttpResponse statusResponse(int httpStatus, const ApplicationRecord& application, bool full)
{
    QJsonObject body;
    body.insert(QStringLiteral("applicationId"), application.applicationId);
    body.insert(QStringLiteral("status"), application.status);
    if (full) {
        body.insert(QStringLiteral("updatedAtMs"), application.updatedMs);
        if (application.status == appstatus::rejected)
            body.insert(QStringLiteral("reasons"), application.reasons);
        if (application.status == appstatus::approved) {
            body.insert(QStringLiteral("merchantId"), application.merchantId);
            body.insert(QStringLiteral("activationCode"), application.activationCode);
        }
    }
    return HttpResponse::json(httpStatus, body);
}

} // namespace

QStringList OnboardingService::blacklistedIds()
{
    return {QStringLiteral("11010519491231002X")};
}

QString newActivationCode()
{
    static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // 32 symbols: 5 bits each
    const QByteArray random = secureRandomBytes(8);
    if (random.size() != 8)
        return QString();
    QString code;
    for (const char byte : random)
        code.append(QLatin1Char(alphabet[static_cast<unsigned char>(byte) & 0x1F]));
    return code;
}

OnboardingService::OnboardingService(ApiStore& store,
                                     std::chrono::milliseconds reviewDelay,
                                     std::function<qint64()> clock,
                                     QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_reviewDelay(reviewDelay)
    , m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

Result<> OnboardingService::resumeReviews()
{
    const Result<QList<ApplicationRecord>> undecided = m_store.undecidedApplications();
    if (!undecided)
        return Failure{undecided.error()};
    for (const ApplicationRecord& application : undecided.value())
        scheduleReview(application.applicationId);
    return {};
}

void OnboardingService::scheduleReview(const QString& applicationId)
{
    QTimer::singleShot(m_reviewDelay, this, [this, applicationId] { decide(applicationId); });
}

HttpResponse OnboardingService::uploadDocument(const HttpRequest& request, qint64 nowMs)
{
    const QString kind = QString::fromLatin1(request.header("x-pos-document-kind"));
    if (!documentKinds.contains(kind))
        return fieldInvalidResponse(QStringLiteral("X-Pos-Document-Kind"));
    if (request.body.isEmpty())
        return HttpResponse::error(400, "DOCUMENT_EMPTY", tr("The document is empty."));
    if (request.body.size() > maxDocumentBytes)
        return HttpResponse::error(413, "DOCUMENT_TOO_LARGE", tr("The document is larger than 10 MiB."));
    const QByteArray sniffed = sniffedContentType(request.body);
    if (sniffed.isEmpty() || sniffed != mediaType(request.header("content-type")))
        return HttpResponse::error(415, "DOCUMENT_TYPE",
                                   tr("The document must be a JPEG, PNG or PDF file of the declared type."));

    const QString sha256Hex = QString::fromLatin1(apiBodyHashHex(request.body));
    const Result<std::optional<DocumentRecord>> existing = m_store.documentBySha256(sha256Hex);
    if (!existing)
        return systemErrorResponse();
    DocumentRecord document;
    int status = 200;
    if (existing.value()) {
        document = *existing.value();
    } else {
        document.documentId = QLatin1Char('D') + sha256Hex.left(16);
        document.sha256Hex = sha256Hex;
        document.kind = kind;
        document.contentType = QString::fromLatin1(sniffed);
        document.sizeBytes = request.body.size();
        if (const Result<> stored = m_store.insertDocument(document, request.body, nowMs); !stored) {
            qCWarning(lcSim).noquote() << "api: document not stored:" << stored.error().detail;
            return systemErrorResponse();
        }
        status = 201;
    }
    QJsonObject body;
    body.insert(QStringLiteral("documentId"), document.documentId);
    body.insert(QStringLiteral("sha256"), document.sha256Hex);
    body.insert(QStringLiteral("sizeBytes"), document.sizeBytes);
    return HttpResponse::json(status, body);
}

std::variant<QJsonObject, HttpResponse> OnboardingService::validatedApplication(const QByteArray& body)
{
    const std::optional<QJsonObject> root = parseJsonObject(body);
    if (!root)
        return fieldInvalidResponse(QString());
    JsonFieldReader fields(*root);
    fields.text(QStringLiteral("clientReference"), 64);
    for (const char* path : {"merchant.registeredName",
                             "merchant.shopName",
                             "merchant.address.province",
                             "merchant.address.city",
                             "merchant.address.district",
                             "merchant.address.street",
                             "merchant.contactName",
                             "merchant.mobile",
                             "licence.uscc",
                             "licence.name",
                             "licence.documentId",
                             "tax.taxId",
                             "legalRepresentative.name",
                             "legalRepresentative.idNumber",
                             "legalRepresentative.idFrontDocumentId",
                             "legalRepresentative.idBackDocumentId",
                             "settlement.accountName",
                             "settlement.accountNumber",
                             "settlement.bank",
                             "settlement.branch",
                             "agreement.version",
                             "agreement.signedName"})
        fields.text(QString::fromLatin1(path));
    const QString mcc = fields.text(QStringLiteral("merchant.mcc"), 4);
    if (!mcc.isEmpty() && !isDigits(mcc, 4))
        fields.invalid(QStringLiteral("merchant.mcc"));
    fields.dateOrLongTerm(QStringLiteral("licence.validUntil"));
    fields.choice(QStringLiteral("tax.taxpayerType"),
                  {QStringLiteral("small-scale"), QStringLiteral("general")});
    fields.dateOrLongTerm(QStringLiteral("legalRepresentative.idValidUntil"));
    fields.choice(QStringLiteral("settlement.accountType"),
                  {QStringLiteral("corporate"), QStringLiteral("personal")});
    const QJsonValue featureList = root->value(QStringLiteral("features"));
    bool hasTender = false;
    bool featuresValid = featureList.isArray();
    for (const QJsonValue& feature : featureList.toArray()) {
        featuresValid = featuresValid && feature.isString() && features.contains(feature.toString());
        hasTender = hasTender || tenders.contains(feature.toString());
    }
    if (!featuresValid || !hasTender)
        fields.invalid(QStringLiteral("features"));
    // The agreement must be one the simulator published, signed over exactly its text.
    const QString version = jsonValueAt(*root, u"agreement.version").toString();
    const QString textSha256 = fields.text(QStringLiteral("agreement.textSha256"), 64);
    const PublishedAgreement* published = findAgreement(version);
    if (!version.isEmpty() && !published)
        fields.invalid(QStringLiteral("agreement.version"));
    if (!textSha256.isEmpty() &&
        (!isHex(textSha256, 64) || (published && textSha256 != published->textSha256())))
        fields.invalid(QStringLiteral("agreement.textSha256"));
    const QJsonValue cycle = jsonValueAt(*root, u"agreement.settlementCycle");
    if (!cycle.isUndefined() &&
        !(published && cycle.isString() && published->settlementCycles.contains(cycle.toString())))
        fields.invalid(QStringLiteral("agreement.settlementCycle"));
    fields.integer(QStringLiteral("agreement.signedAtMs"), 0, std::numeric_limits<qint64>::max());
    if (!fields.ok())
        return fieldInvalidResponse(fields.badPath());

    for (const char* path : {"licence.documentId", "legalRepresentative.idFrontDocumentId",
                             "legalRepresentative.idBackDocumentId"}) {
        const QString id = jsonValueAt(*root, QString::fromLatin1(path)).toString();
        const Result<bool> exists = m_store.documentExists(id);
        if (!exists)
            return systemErrorResponse();
        if (!exists.value())
            return HttpResponse::error(
                400, "DOCUMENT_UNKNOWN",
                tr("Document %1 (%2) is not known; upload it first.").arg(id, QString::fromLatin1(path)));
    }
    return *root;
}

HttpResponse OnboardingService::submitApplication(const QByteArray& body, qint64 nowMs)
{
    auto validated = validatedApplication(body);
    if (auto* error = std::get_if<HttpResponse>(&validated))
        return *error;
    const QJsonObject& root = std::get<QJsonObject>(validated);
    const QString clientReference = root.value(QStringLiteral("clientReference")).toString();

    const Result<std::optional<ApplicationRecord>> existing =
        m_store.applicationByClientReference(clientReference);
    if (!existing)
        return systemErrorResponse();
    if (existing.value())
        return statusResponse(200, *existing.value(), false);

    const Result<qint64> number = m_store.ledger().nextCounterValue(QStringLiteral("application"));
    if (!number)
        return systemErrorResponse();
    ApplicationRecord application;
    application.applicationId = QStringLiteral("A%1").arg(number.value(), 8, 10, QLatin1Char('0'));
    application.clientReference = clientReference;
    application.body = root;
    application.status = appstatus::underReview; // submitted → under_review at once
    application.createdMs = nowMs;
    application.updatedMs = nowMs;
    if (const Result<> stored = m_store.insertApplication(application); !stored) {
        qCWarning(lcSim).noquote() << "api: application not stored:" << stored.error().detail;
        return systemErrorResponse();
    }
    qCInfo(lcSim).noquote() << "api: application" << application.applicationId << "submitted";
    scheduleReview(application.applicationId);
    application.status = appstatus::submitted;
    return statusResponse(202, application, false);
}

HttpResponse OnboardingService::applicationStatus(const QString& applicationId)
{
    const Result<std::optional<ApplicationRecord>> application = m_store.application(applicationId);
    if (!application)
        return systemErrorResponse();
    if (!application.value())
        return HttpResponse::error(404, "APPLICATION_UNKNOWN", tr("No such application."));
    return statusResponse(200, *application.value(), true);
}

HttpResponse
OnboardingService::resubmitApplication(const QString& applicationId, const QByteArray& body, qint64 nowMs)
{
    const Result<std::optional<ApplicationRecord>> found = m_store.application(applicationId);
    if (!found)
        return systemErrorResponse();
    if (!found.value())
        return HttpResponse::error(404, "APPLICATION_UNKNOWN", tr("No such application."));
    auto validated = validatedApplication(body);
    if (auto* error = std::get_if<HttpResponse>(&validated))
        return *error;
    const QJsonObject& root = std::get<QJsonObject>(validated);
    ApplicationRecord application = *found.value();
    if (root.value(QStringLiteral("clientReference")).toString() != application.clientReference)
        return HttpResponse::error(400, "FIELD_INVALID",
                                   tr("Field clientReference must equal the original application's."));
    if (application.status != appstatus::rejected)
        return HttpResponse::error(
            409, "APPLICATION_STATE",
            tr("Only a rejected application can be corrected (it is %1).").arg(application.status));
    application.body = root;
    application.status = appstatus::underReview;
    application.reasons = QJsonArray();
    application.updatedMs = nowMs;
    if (const Result<> stored = m_store.updateApplication(application); !stored)
        return systemErrorResponse();
    qCInfo(lcSim).noquote() << "api: application" << applicationId << "resubmitted";
    scheduleReview(applicationId);
    application.status = appstatus::submitted;
    return statusResponse(202, application, false);
}

Result<QJsonArray> OnboardingService::rejectionReasons(const QJsonObject& body)
{
    QJsonArray reasons;
    const QString uscc = jsonValueAt(body, u"licence.uscc").toString();
    if (!isValidUscc(uscc))
        reasons.append(reason("LICENCE_INVALID", "licence.uscc",
                              tr("The unified social credit code is not valid (GB 32100-2015).")));
    const Result<bool> duplicate = m_store.merchantWithUsccExists(uscc);
    if (!duplicate)
        return Failure{duplicate.error()};
    if (duplicate.value())
        reasons.append(reason("LICENCE_DUPLICATE", "licence.uscc",
                              tr("This business licence already belongs to a merchant.")));
    const QString idNumber = jsonValueAt(body, u"legalRepresentative.idNumber").toString();
    if (!isValidResidentId(idNumber))
        reasons.append(reason("ID_INVALID", "legalRepresentative.idNumber",
                              tr("The identity card number is not valid (GB 11643-1999).")));
    if (blacklistedIds().contains(idNumber.toUpper()))
        reasons.append(reason("ID_BLACKLISTED", "legalRepresentative.idNumber",
                              tr("The legal representative cannot be accepted.")));
    const bool corporate =
        jsonValueAt(body, u"settlement.accountType").toString() == QLatin1String("corporate");
    const QString expectedName =
        jsonValueAt(body, corporate ? u"licence.name" : u"legalRepresentative.name").toString();
    if (jsonValueAt(body, u"settlement.accountName").toString() != expectedName)
        reasons.append(reason("ACCOUNT_NAME_MISMATCH", "settlement.accountName",
                              corporate
                                  ? tr("A corporate account must be in the licence's name.")
                                  : tr("A personal account must be in the legal representative's name.")));
    return reasons;
}

Result<> OnboardingService::approve(ApplicationRecord& application, qint64 nowMs)
{
    const Result<qint64> number = m_store.ledger().nextCounterValue(QStringLiteral("merchant"));
    if (!number)
        return Failure{number.error()};
    const QString code = newActivationCode();
    if (code.isEmpty())
        return fail(ErrorCode::CryptoFailure, tr("No random activation code could be made."),
                    QStringLiteral("RAND_bytes failed"));
    MerchantRecord merchant;
    merchant.merchantId = QStringLiteral("8981000%1").arg(number.value(), 8, 10, QLatin1Char('0'));
    merchant.uscc = jsonValueAt(application.body, u"licence.uscc").toString();
    merchant.registeredName = jsonValueAt(application.body, u"merchant.registeredName").toString();
    merchant.shopName = jsonValueAt(application.body, u"merchant.shopName").toString();
    merchant.applicationId = application.applicationId;
    if (const Result<> stored = m_store.insertMerchant(merchant, nowMs); !stored)
        return stored;
    ActivationCodeRecord activation;
    activation.code = code;
    activation.merchantId = merchant.merchantId;
    if (const Result<> stored = m_store.insertActivationCode(activation); !stored)
        return stored;
    application.status = appstatus::approved;
    application.merchantId = merchant.merchantId;
    application.activationCode = code;
    return {};
}

void OnboardingService::decide(const QString& applicationId)
{
    QString decided;
    const Result<> done = m_store.ledger().inTransaction([&]() -> Result<> {
        const Result<std::optional<ApplicationRecord>> found = m_store.application(applicationId);
        if (!found)
            return Failure{found.error()};
        if (!found.value() || (found.value()->status != appstatus::underReview &&
                               found.value()->status != appstatus::submitted))
            return {};
        ApplicationRecord application = *found.value();
        const qint64 nowMs = m_clock();
        const Result<QJsonArray> reasons = rejectionReasons(application.body);
        if (!reasons)
            return Failure{reasons.error()};
        if (reasons.value().isEmpty()) {
            if (const Result<> approved = approve(application, nowMs); !approved)
                return approved;
        } else {
            application.status = appstatus::rejected;
            application.reasons = reasons.value();
        }
        application.updatedMs = nowMs;
        if (const Result<> stored = m_store.updateApplication(application); !stored)
            return stored;
        decided = application.status;
        return {};
    });
    if (!done) {
        qCWarning(lcSim).noquote() << "api: application" << applicationId
                                   << "not decided:" << done.error().detail;
        return;
    }
    if (decided.isEmpty())
        return;
    qCInfo(lcSim).noquote() << "api: application" << applicationId << decided;
    Q_EMIT applicationDecided(applicationId, decided);
}

} // namespace sim
} // namespace pos
