// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/api/ApiSigner.h"

#include "core/crypto/CryptoPrimitives.h"

#include <QCoreApplication>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace pos {
namespace acquirer {
namespace {

class ApiSignerText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::ApiSigner)

public:
    static QString unverified() { return tr("The acquirer's answer could not be verified."); }
    static QString noRandom() { return tr("No random numbers are available for the acquirer request."); }
};

bool isLowerHex(QByteArrayView text, qsizetype length)
{
    if (text.size() != length)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

bool isDecimal(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 19)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

Result<QByteArray> hexSignature(QByteArrayView secret, const Result<QByteArray>& canonical)
{
    if (!canonical)
        return Failure{canonical.error()};
    const Result<QByteArray> mac = crypto::hmacSha256(secret, canonical.value());
    if (!mac)
        return Failure{mac.error()};
    return mac.value().toHex();
}

Failure unverified(const char* why)
{
    return fail(ErrorCode::ProtocolViolation, ApiSignerText::unverified(),
                QStringLiteral("api response %1").arg(QLatin1String(why)));
}

} // namespace

Result<QByteArray> apiRequestCanonical(QByteArrayView method,
                                       QByteArrayView path,
                                       QByteArrayView timestamp,
                                       QByteArrayView nonce,
                                       QByteArrayView body)
{
    const Result<QByteArray> bodyHash = crypto::sha256(body);
    if (!bodyHash)
        return Failure{bodyHash.error()};
    QByteArray canonical;
    canonical.reserve(method.size() + path.size() + timestamp.size() + nonce.size() + 68);
    canonical.append(method).append('\n').append(path).append('\n').append(timestamp).append('\n');
    canonical.append(nonce).append('\n').append(bodyHash.value().toHex());
    return canonical;
}

Result<QByteArray> apiResponseCanonical(
    int status, QByteArrayView path, QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body)
{
    const Result<QByteArray> bodyHash = crypto::sha256(body);
    if (!bodyHash)
        return Failure{bodyHash.error()};
    QByteArray canonical("RESPONSE\n");
    canonical.append(QByteArray::number(status)).append('\n').append(path).append('\n');
    canonical.append(timestamp).append('\n').append(nonce).append('\n').append(bodyHash.value().toHex());
    return canonical;
}

Result<QByteArray> signApiRequest(QByteArrayView secret,
                                  QByteArrayView method,
                                  QByteArrayView path,
                                  QByteArrayView timestamp,
                                  QByteArrayView nonce,
                                  QByteArrayView body)
{
    return hexSignature(secret, apiRequestCanonical(method, path, timestamp, nonce, body));
}

Result<QByteArray> signApiResponse(QByteArrayView secret,
                                   int status,
                                   QByteArrayView path,
                                   QByteArrayView timestamp,
                                   QByteArrayView nonce,
                                   QByteArrayView body)
{
    return hexSignature(secret, apiResponseCanonical(status, path, timestamp, nonce, body));
}

Result<QByteArray> newApiNonce()
{
    QByteArray random(16, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), static_cast<int>(random.size())) != 1)
        return fail(ErrorCode::CryptoFailure, ApiSignerText::noRandom(), QStringLiteral("RAND_bytes failed"));
    return random.toHex();
}

Result<> verifyApiResponse(QByteArrayView secret,
                           int status,
                           QByteArrayView path,
                           QByteArrayView requestNonce,
                           const ApiResponseHeaders& headers,
                           QByteArrayView body)
{
    if (headers.nonce.isEmpty() && headers.signature.isEmpty())
        return unverified("is unsigned");
    if (!isLowerHex(headers.nonce, 32) || headers.nonce != requestNonce)
        return unverified("nonce differs from the request's");
    if (!isDecimal(headers.timestamp))
        return unverified("timestamp is not a decimal number");
    if (!isLowerHex(headers.signature, 64))
        return unverified("signature is not 64 lowercase hex characters");
    const Result<QByteArray> expected =
        signApiResponse(secret, status, path, headers.timestamp, headers.nonce, body);
    if (!expected)
        return Failure{expected.error()};
    if (CRYPTO_memcmp(expected.value().constData(), headers.signature.constData(), 64) != 0)
        return unverified("signature does not match");
    return {};
}

} // namespace acquirer
} // namespace pos
