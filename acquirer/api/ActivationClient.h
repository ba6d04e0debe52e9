// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/api/ApiAnswer.h"

namespace pos {
namespace acquirer {

enum class PadKeyAlgorithm { RsaOaepSha256, Sm2 };
QString padKeyAlgorithmWire(PadKeyAlgorithm algorithm); // "RSA-OAEP-SHA256", "SM2"

// POST /v1/terminals/activate (docs/acquirer-api.md "Activation"), with the installer key and the onboarding
// budget. The answer's TMK stays wrapped under the PIN pad's public key: only the pad can unwrap it, the POS
// process never holds it in clear. The answer's apiSecret is handed to the caller as bytes: it stores it
// (and switches ApiClient::setCredentials) and wipes ActivationResult::apiSecret. The client must outlive
// the call.
class ActivationClient final
{
public:
    using Completion = std::function<void(Result<ApiAnswer<ActivationResult>>)>;

    explicit ActivationClient(ApiClient& client) : m_client(client) {}

    // publicKeyDer: the pad's DER SubjectPublicKeyInfo (sent as base64). Empty code, serial or key fail with
    // InvalidInput before anything is sent.
    void activate(const QString& activationCode,
                  const QString& pinPadSerial,
                  const QByteArray& publicKeyDer,
                  PadKeyAlgorithm algorithm,
                  QObject* context,
                  Completion done);

private:
    ApiClient& m_client;
};

} // namespace acquirer
} // namespace pos
