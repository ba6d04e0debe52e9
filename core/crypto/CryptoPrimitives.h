// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Thin, stateless wrappers over OpenSSL 3 EVP. No cipher is implemented here by hand.
// Contract: every function is thread-safe, returns raw bytes (not hex), and fails with
// ErrorCode::InvalidInput for a wrong key or block length and ErrorCode::CryptoFailure when OpenSSL fails.
// Callers own secret buffers and wipe them with secureWipe() when done.
namespace pos {
namespace crypto {

Result<QByteArray> sha256(QByteArrayView data);
Result<QByteArray> sm3(QByteArrayView data);
Result<QByteArray> hmacSha256(QByteArrayView key, QByteArrayView data);

// Triple DES (EDE) in ECB mode without padding. key: 16 bytes (double length, K1 K2 K1) or 24 bytes.
// data: a multiple of 8 bytes.
Result<QByteArray> tdesEcbEncrypt(QByteArrayView key, QByteArrayView data);
Result<QByteArray> tdesEcbDecrypt(QByteArrayView key, QByteArrayView data);

// Single DES in ECB mode without padding, computed as 3DES-EDE with K1 = K2 = K3 (OpenSSL's legacy provider
// is not loaded). key: 8 bytes; data: a multiple of 8 bytes. For the single-length keys of CUP terminals.
Result<QByteArray> desEcbEncrypt(QByteArrayView key, QByteArrayView data);
Result<QByteArray> desEcbDecrypt(QByteArrayView key, QByteArrayView data);

// SM4 (GB/T 32907-2016) in ECB mode without padding. key: 16 bytes; data: a multiple of 16 bytes.
Result<QByteArray> sm4EcbEncrypt(QByteArrayView key, QByteArrayView data);
Result<QByteArray> sm4EcbDecrypt(QByteArrayView key, QByteArrayView data);

// Overwrites the buffer with zeros in a way the optimiser cannot drop (OPENSSL_cleanse).
void secureWipe(QByteArray& secret);

} // namespace crypto
} // namespace pos

namespace pos {
namespace crypto {
// "OpenSSL 3.0.x …" of the library actually loaded, for version output and support reports.
QString libraryVersion();
} // namespace crypto
} // namespace pos
