// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/KeyTypes.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// Block encryption under a key of a given KeyScheme, on top of core/crypto/CryptoPrimitives (OpenSSL EVP).
// Stateless and thread-safe. Failures: ErrorCode::InvalidInput when the key is not keyLength(scheme) bytes or
// the data is not a non-zero multiple of blockLength(scheme); CryptoFailure when OpenSSL fails.
namespace pos {
namespace acquirer {

// ECB without padding.
Result<QByteArray> encryptBlocks(KeyScheme scheme, QByteArrayView key, QByteArrayView data);
Result<QByteArray> decryptBlocks(KeyScheme scheme, QByteArrayView key, QByteArrayView data);

// Number of KCV bytes F62 carries per key (reference §4.3).
inline constexpr qsizetype workKeyKcvLength = 4;

// Key check value: the first length bytes (1 to blockLength(scheme)) of E(key, blockLength(scheme) zero
// bytes). With the scheme of each F62 key this is exactly reference §4.3:
//   PIK (16 bytes)      TripleDes: 3DES over 8 zero bytes
//   MAK (8 bytes)       SingleDes: single DES over 8 zero bytes
//   TDK (16 bytes)      TripleDes
//   SM4 keys (16 bytes) Sm4: SM4 over 16 zero bytes ([A]: assumed, no public CUP text; no alternative known)
Result<QByteArray> keyCheckValue(KeyScheme scheme, QByteArrayView key, qsizetype length = workKeyKcvLength);

// The DES-family scheme of a key by its length: 8 → SingleDes, 16 → TripleDes, otherwise none.
std::optional<KeyScheme> desSchemeForKeyLength(qsizetype length);

} // namespace acquirer
} // namespace pos
