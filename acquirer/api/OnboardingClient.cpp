// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/api/OnboardingClient.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

namespace pos {
namespace acquirer {
namespace {

class OnboardingText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::OnboardingClient)

public:
    static QString badDocument() { return tr("Only non-empty JPEG, PNG or PDF documents can be uploaded."); }
    static QString badApplication() { return tr("The application is incomplete and was not sent."); }
};

// Delivers a local refusal later (never inside the call), as the asynchronous contract requires.
template <typename T>
void refuseLater(QObject* context, std::function<void(Result<ApiAnswer<T>>)> done, const Failure& failure)
{
    QTimer::singleShot(0, context, [done = std::move(done), failure] { done(failure); });
}

bool isPlainToken(const QString& id)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return token.match(id).hasMatch();
}

bool hasClientReference(const QJsonObject& application)
{
    const QJsonValue reference = application.value(QStringLiteral("clientReference"));
    return reference.isString() && !reference.toString().isEmpty();
}

ApiRequest applicationRequest(const QByteArray& method, const QString& path, const QJsonObject& application)
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = QJsonDocument(application).toJson(QJsonDocument::Compact);
    request.budget = ApiBudget::Onboarding;
    return request;
}

} // namespace

QString documentKindWire(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Licence: return QStringLiteral("licence");
    case DocumentKind::IdFront: return QStringLiteral("id-front");
    case DocumentKind::IdBack: return QStringLiteral("id-back");
    case DocumentKind::AccountProof: return QStringLiteral("account-proof");
    case DocumentKind::Other: return QStringLiteral("other");
    }
    return {};
}

void OnboardingClient::agreement(QObject* context, Completion<AgreementTerms> done)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("GET");
    request.path = QStringLiteral("/v1/onboarding/agreement");
    request.budget = ApiBudget::Onboarding;
    detail::typedCall<AgreementTerms>(m_client, std::move(request), context, &parseAgreementTerms,
                                      std::move(done));
}

void OnboardingClient::uploadDocument(DocumentKind kind,
                                      const QByteArray& bytes,
                                      const QString& mime,
                                      QObject* context,
                                      Completion<DocumentUploadResult> done)
{
    const bool knownMime = mime == QLatin1String("image/jpeg") || mime == QLatin1String("image/png") ||
                           mime == QLatin1String("application/pdf");
    if (!knownMime || bytes.isEmpty()) {
        refuseLater<DocumentUploadResult>(
            context, std::move(done),
            fail(ErrorCode::InvalidInput, OnboardingText::badDocument(),
                 QStringLiteral("document of %1 bytes, type %2").arg(bytes.size()).arg(mime)));
        return;
    }
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/v1/onboarding/documents");
    request.body = bytes;
    request.contentType = mime.toLatin1();
    request.extraHeaders.append(
        {QByteArrayLiteral("X-Pos-Document-Kind"), documentKindWire(kind).toLatin1()});
    request.budget = ApiBudget::Onboarding;
    detail::typedCall<DocumentUploadResult>(m_client, std::move(request), context, &parseDocumentUpload,
                                            std::move(done));
}

void OnboardingClient::submitApplication(const QJsonObject& application,
                                         QObject* context,
                                         Completion<ApplicationSubmitted> done)
{
    if (!hasClientReference(application)) {
        refuseLater<ApplicationSubmitted>(context, std::move(done),
                                          fail(ErrorCode::InvalidInput, OnboardingText::badApplication(),
                                               QStringLiteral("application without clientReference")));
        return;
    }
    detail::typedCall<ApplicationSubmitted>(m_client,
                                            applicationRequest(QByteArrayLiteral("POST"),
                                                               QStringLiteral("/v1/onboarding/applications"),
                                                               application),
                                            context, &parseApplicationSubmitted, std::move(done));
}

void OnboardingClient::resubmit(const QString& applicationId,
                                const QJsonObject& application,
                                QObject* context,
                                Completion<ApplicationSubmitted> done)
{
    if (!hasClientReference(application) || !isPlainToken(applicationId)) {
        refuseLater<ApplicationSubmitted>(
            context, std::move(done),
            fail(ErrorCode::InvalidInput, OnboardingText::badApplication(),
                 QStringLiteral("resubmission without clientReference or with a malformed application id")));
        return;
    }
    detail::typedCall<ApplicationSubmitted>(
        m_client,
        applicationRequest(QByteArrayLiteral("PUT"),
                           QStringLiteral("/v1/onboarding/applications/%1").arg(applicationId), application),
        context, &parseApplicationSubmitted, std::move(done));
}

void OnboardingClient::applicationStatus(const QString& applicationId,
                                         QObject* context,
                                         Completion<ApplicationState> done)
{
    if (!isPlainToken(applicationId)) {
        refuseLater<ApplicationState>(context, std::move(done),
                                      fail(ErrorCode::InvalidInput, OnboardingText::badApplication(),
                                           QStringLiteral("malformed application id")));
        return;
    }
    ApiRequest request;
    request.method = QByteArrayLiteral("GET");
    request.path = QStringLiteral("/v1/onboarding/applications/%1").arg(applicationId);
    request.budget = ApiBudget::Onboarding;
    detail::typedCall<ApplicationState>(m_client, std::move(request), context, &parseApplicationState,
                                        std::move(done));
}

} // namespace acquirer
} // namespace pos
