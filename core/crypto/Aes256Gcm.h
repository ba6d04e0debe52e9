// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

// AES-256-GCM sealing of data at rest (reliability-security.md: AES-256-GCM by default), over OpenSSL 3 EVP.
// Sealed format, version 1:  0x01 ‖ nonce (12 random bytes, RAND_bytes) ‖ ciphertext ‖ tag (16 bytes).
// aad binds the sealed bytes to their purpose ("onboarding-draft", "attachment:licence", ...): bytes sealed
// for one purpose do not open for another. Thread-safe and stateless; callers own and wipe keys.
namespace pos {
namespace crypto {

inline constexpr qsizetype aes256GcmKeyBytes = 32;
inline constexpr qsizetype aes256GcmNonceBytes = 12;
inline constexpr qsizetype aes256GcmTagBytes = 16;
inline constexpr char aes256GcmSealVersion = 0x01;
// Bytes a sealed value adds to its plaintext (version, nonce, tag).
inline constexpr qsizetype aes256GcmOverheadBytes = 1 + aes256GcmNonceBytes + aes256GcmTagBytes;

// InvalidInput when key32 is not 32 bytes; CryptoFailure when OpenSSL (or its random generator) fails.
Result<QByteArray> aes256GcmSeal(QByteArrayView key32, QByteArrayView plaintext, QByteArrayView aad);
// The plaintext of a value sealed by aes256GcmSeal with the same key and aad. CryptoFailure (nothing of the
// plaintext returned) for a wrong key, wrong aad, unknown version, truncation or any altered byte;
// InvalidInput when key32 is not 32 bytes.
Result<QByteArray> aes256GcmOpen(QByteArrayView key32, QByteArrayView sealed, QByteArrayView aad);

// Known-answer tests only (published GCM vectors need a chosen nonce): ciphertext ‖ tag of plaintext under
// key32 and nonce12. A nonce must never be used twice with one key; production code seals with
// aes256GcmSeal, which draws a fresh nonce.
Result<QByteArray> aes256GcmEncryptWithNonce(QByteArrayView key32,
                                             QByteArrayView nonce12,
                                             QByteArrayView plaintext,
                                             QByteArrayView aad);

} // namespace crypto
} // namespace pos
