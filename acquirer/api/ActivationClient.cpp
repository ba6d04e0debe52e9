// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/api/ActivationClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace pos {
namespace acquirer {
namespace {

class ActivationText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::ActivationClient)

public:
    static QString incomplete()
    {
        return tr("The activation code, the PIN pad serial number and its public key are all needed.");
    }
};

} // namespace

QString padKeyAlgorithmWire(PadKeyAlgorithm algorithm)
{
    return algorithm == PadKeyAlgorithm::Sm2 ? QStringLiteral("SM2") : QStringLiteral("RSA-OAEP-SHA256");
}

void ActivationClient::activate(const QString& activationCode,
                                const QString& pinPadSerial,
                                const QByteArray& publicKeyDer,
                                PadKeyAlgorithm algorithm,
                                QObject* context,
                                Completion done)
{
    if (activationCode.trimmed().isEmpty() || pinPadSerial.trimmed().isEmpty() || publicKeyDer.isEmpty()) {
        const Failure refused = fail(ErrorCode::InvalidInput, ActivationText::incomplete(),
                                     QStringLiteral("activation request incomplete"));
        QTimer::singleShot(0, context, [done = std::move(done), refused] { done(refused); });
        return;
    }
    const QJsonObject body{
        {QStringLiteral("activationCode"), activationCode},
        {QStringLiteral("pinPadSerial"), pinPadSerial},
        {QStringLiteral("pinPadPublicKey"), QString::fromLatin1(publicKeyDer.toBase64())},
        {QStringLiteral("keyAlgorithm"), padKeyAlgorithmWire(algorithm)},
    };
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/v1/terminals/activate");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.budget = ApiBudget::Onboarding;
    detail::typedCall<ActivationResult>(m_client, std::move(request), context, &parseActivationResult,
                                        std::move(done));
}

} // namespace acquirer
} // namespace pos
