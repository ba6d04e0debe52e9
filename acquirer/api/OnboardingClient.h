// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/api/ApiAnswer.h"

#include <QJsonObject>

namespace pos {
namespace acquirer {

enum class DocumentKind { Licence, IdFront, IdBack, AccountProof, Other };
QString documentKindWire(DocumentKind kind); // "licence", "id-front", ...

// The onboarding calls (docs/acquirer-api.md "Onboarding"), with the installer key before activation and the
// onboarding time budget. Local refusals (bad MIME type, empty document, payload without clientReference,
// application id that is not a plain token) fail with InvalidInput before anything is sent; otherwise done
// receives what ApiAnswer describes. The client must outlive the calls.
class OnboardingClient final
{
public:
    template <typename T>
    using Completion = std::function<void(Result<ApiAnswer<T>>)>;

    explicit OnboardingClient(ApiClient& client) : m_client(client) {}

    // GET /v1/onboarding/agreement: the agreement text, fee schedule and settlement cycles the merchant signs
    // (installer key allowed). The caller hashes text (UTF-8, SHA-256, lowercase hex) into the application.
    void agreement(QObject* context, Completion<AgreementTerms> done);
    // mime: image/jpeg, image/png or application/pdf. Idempotent at the server (same bytes → same id).
    void uploadDocument(DocumentKind kind,
                        const QByteArray& bytes,
                        const QString& mime,
                        QObject* context,
                        Completion<DocumentUploadResult> done);
    // application: the contract's JSON object; its clientReference (the idempotency key) must already be
    // stored by the caller before this is called.
    void submitApplication(const QJsonObject& application,
                           QObject* context,
                           Completion<ApplicationSubmitted> done);
    // PUT of a corrected application (same clientReference) for a rejected one.
    void resubmit(const QString& applicationId,
                  const QJsonObject& application,
                  QObject* context,
                  Completion<ApplicationSubmitted> done);
    void applicationStatus(const QString& applicationId, QObject* context, Completion<ApplicationState> done);

private:
    ApiClient& m_client;
};

} // namespace acquirer
} // namespace pos
