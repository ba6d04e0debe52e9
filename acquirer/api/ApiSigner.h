// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

// Request signing and response verification of the acquirer JSON API (docs/acquirer-api.md "Request signing
// and replay protection"). Pure functions over bytes; thread-safe. Signatures and nonces are lowercase hex.
// The secret is the raw key (32 bytes for the demo installer key), never hex; callers own and wipe it.
namespace pos {
namespace acquirer {

// METHOD "\n" PATH "\n" TIMESTAMP "\n" NONCE "\n" hex(SHA-256(body)), no trailing newline. path is the raw
// path including any query string.
Result<QByteArray> apiRequestCanonical(QByteArrayView method,
                                       QByteArrayView path,
                                       QByteArrayView timestamp,
                                       QByteArrayView nonce,
                                       QByteArrayView body);
// "RESPONSE" "\n" STATUS "\n" PATH "\n" TIMESTAMP "\n" NONCE "\n" hex(SHA-256(body)).
Result<QByteArray> apiResponseCanonical(
    int status, QByteArrayView path, QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body);

// hex(HMAC-SHA256(secret, canonical)) of a request (X-Pos-Signature).
Result<QByteArray> signApiRequest(QByteArrayView secret,
                                  QByteArrayView method,
                                  QByteArrayView path,
                                  QByteArrayView timestamp,
                                  QByteArrayView nonce,
                                  QByteArrayView body);
// What a server sends as X-Pos-Signature for a response (used by tests and fake servers).
Result<QByteArray> signApiResponse(QByteArrayView secret,
                                   int status,
                                   QByteArrayView path,
                                   QByteArrayView timestamp,
                                   QByteArrayView nonce,
                                   QByteArrayView body);

// 16 random bytes (OpenSSL RAND_bytes) as 32 lowercase hex characters. CryptoFailure when the generator
// fails.
Result<QByteArray> newApiNonce();

// The X-Pos-* headers a response carried (empty when absent).
struct ApiResponseHeaders
{
    QByteArray nonce;
    QByteArray timestamp;
    QByteArray signature;
};

// Accepts a response only when its nonce equals the request's (exactly, 32 lowercase hex), its timestamp is
// a decimal number, and its signature is the expected lowercase hex HMAC (compared in constant time).
// ProtocolViolation otherwise; the detail names which check failed (never the secret).
Result<> verifyApiResponse(QByteArrayView secret,
                           int status,
                           QByteArrayView path,
                           QByteArrayView requestNonce,
                           const ApiResponseHeaders& headers,
                           QByteArrayView body);

} // namespace acquirer
} // namespace pos
