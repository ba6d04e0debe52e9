// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace pos {
namespace sim {

// The emulated PIN pad's device key pair (RSA-2048): the public half goes to the acquirer at activation,
// the private half unwraps the TMK (RSA-OAEP, SHA-256, MGF1-SHA-256). OpenSSL 3 EVP only.
class PadDeviceKey
{
public:
    // Loads pemPath when it exists, otherwise generates a key and (when pemPath is not empty) saves it.
    static Result<std::unique_ptr<PadDeviceKey>> loadOrCreate(const QString& pemPath);
    ~PadDeviceKey();

    QByteArray publicKeyDer() const; // SubjectPublicKeyInfo
    Result<QByteArray> unwrap(const QByteArray& wrapped) const;

private:
    struct Key;
    explicit PadDeviceKey(std::unique_ptr<Key> key);
    std::unique_ptr<Key> m_key;
};

} // namespace sim
} // namespace pos
