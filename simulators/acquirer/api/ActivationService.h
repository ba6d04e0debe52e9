// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/KeyTypes.h"
#include "core/Result.h"
#include "simulators/acquirer/api/ApiStore.h"
#include "simulators/acquirer/api/HttpResponse.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace pos {
namespace sim {

// Key algorithms of a PIN pad's public key in POST /v1/terminals/activate.
inline const QString rsaOaepSha256 = QStringLiteral("RSA-OAEP-SHA256");
inline const QString sm2Algorithm = QStringLiteral("SM2");

// Encrypts key for the PIN pad's public key (DER SubjectPublicKeyInfo): RSA-OAEP with SHA-256 and
// MGF1-SHA-256 (RSA of at least 2048 bits) or SM2 public-key encryption (OpenSSL's default: SM3, DER
// C1C3C2). InvalidInput when the key does not parse or does not fit algorithm; CryptoFailure otherwise.
Result<QByteArray>
wrapKeyForPinPad(const QByteArray& publicKeyDer, const QString& algorithm, const QByteArray& key);

// Key check value: the first 3 bytes of key encrypting zeros (3DES: 8 bytes, SM4: 16), upper-case hex.
Result<QString> keyCheckValue(KeyScheme scheme, const QByteArray& key);

// POST /v1/terminals/activate: binds an approved merchant's activation code to a PIN pad, registers a new
// terminal (8-digit TID, fresh random 16-byte TMK: 3DES for RSA pads, SM4 for SM2 pads) in the card host's
// registry with the simulator's default limits, issues the terminal's API key and answers the TMK wrapped
// for the pad. Idempotent for the same code, serial and public key (same terminal, same TMK re-wrapped).
class ActivationService final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::ActivationService)

public:
    struct Settings
    {
        qint64 singleLimitFen = 5'000'000;
        qint64 dailyLimitFen = 20'000'000;
        quint16 cardHostPort = 0;
    };

    ActivationService(ApiStore& store, Settings settings) : m_store(store), m_settings(settings) {}

    void setCardHostPort(quint16 port) { m_settings.cardHostPort = port; }

    HttpResponse activate(const QByteArray& body, qint64 nowMs);

private:
    ApiStore& m_store;
    Settings m_settings;
};

} // namespace sim
} // namespace pos
