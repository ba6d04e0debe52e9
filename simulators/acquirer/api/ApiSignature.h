// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>

// The simulator's side of the JSON API's request signing (docs/acquirer-api.md, "Request signing"). Written
// independently of the POS client's signer on purpose: two implementations of one text catch its bugs.
namespace pos {
namespace sim {

// Lowercase hex of SHA-256(body).
QByteArray apiBodyHashHex(QByteArrayView body);

// METHOD "\n" PATH "\n" TIMESTAMP "\n" NONCE "\n" hex(SHA-256(body)); no trailing newline.
QByteArray apiRequestCanonical(QByteArrayView method,
                               QByteArrayView path,
                               QByteArrayView timestamp,
                               QByteArrayView nonce,
                               QByteArrayView body);

// "RESPONSE" "\n" STATUS "\n" PATH "\n" TIMESTAMP "\n" NONCE "\n" hex(SHA-256(body)).
QByteArray apiResponseCanonical(
    int status, QByteArrayView path, QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body);

// Lowercase hex of HMAC-SHA256(secret, canonical); empty when OpenSSL fails.
QByteArray apiSignatureHex(QByteArrayView secret, QByteArrayView canonical);

// count bytes from OpenSSL's CSPRNG; empty when it fails.
QByteArray secureRandomBytes(qsizetype count);

// Constant-time comparison of two signatures (hex text).
bool apiSignaturesEqual(QByteArrayView a, QByteArrayView b);

} // namespace sim
} // namespace pos
