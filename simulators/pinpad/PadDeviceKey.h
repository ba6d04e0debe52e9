// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace pos {
namespace sim {

// The emulated PIN pad's device key pair: the public half goes to the acquirer at activation, the private
// half unwraps the TMK. RSA-2048 with RSA-OAEP (SHA-256, MGF1-SHA-256), or SM2 with OpenSSL's default SM2
// encryption (SM3, DER C1C3C2 ciphertext), as simulators/acquirer/api/ActivationService wraps for each.
// OpenSSL 3 EVP only.
class PadDeviceKey
{
public:
    enum class Algorithm { Rsa, Sm2 };

    // Loads pemPath when it exists, otherwise generates a key and (when pemPath is not empty) saves it.
    // CryptoFailure when the file holds no private key or a key of another algorithm.
    static Result<std::unique_ptr<PadDeviceKey>> loadOrCreate(const QString& pemPath,
                                                              Algorithm algorithm = Algorithm::Rsa);
    ~PadDeviceKey();

    Algorithm algorithm() const { return m_algorithm; }
    // DEVICE_INFO tag 05: "RSA-OAEP-SHA256" or "SM2".
    QByteArray algorithmName() const;
    QByteArray publicKeyDer() const; // SubjectPublicKeyInfo
    // The clear key, or CryptoFailure when the ciphertext does not decrypt under this key.
    Result<QByteArray> unwrap(const QByteArray& wrapped) const;

private:
    struct Key;
    PadDeviceKey(Algorithm algorithm, std::unique_ptr<Key> key);
    Algorithm m_algorithm;
    std::unique_ptr<Key> m_key;
};

} // namespace sim
} // namespace pos
