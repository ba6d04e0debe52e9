// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/ActivationService.h"

#include "core/crypto/CryptoPrimitives.h"
#include "simulators/SimulatorLog.h"
#include "simulators/acquirer/HostLedger.h"
#include "simulators/acquirer/api/AcquirerAgreement.h"
#include "simulators/acquirer/api/ApiJson.h"
#include "simulators/acquirer/api/ApiSignature.h"

#include <QJsonObject>

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

namespace pos {
namespace sim {
namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyContextDeleter
{
    void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using PkeyContextPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyContextDeleter>;

struct ActivationText
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::ActivationService)
};

Result<QByteArray> cryptoFailure(const char* step)
{
    return fail(ErrorCode::CryptoFailure, ActivationText::tr("The terminal master key could not be wrapped."),
                QStringLiteral("OpenSSL %1 failed").arg(QLatin1String(step)));
}

bool isPrintableSerial(const QString& serial)
{
    for (const QChar c : serial) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7F)
            return false;
    }
    return true;
}

} // namespace

Result<QByteArray>
wrapKeyForPinPad(const QByteArray& publicKeyDer, const QString& algorithm, const QByteArray& key)
{
    const auto* input = reinterpret_cast<const unsigned char*>(publicKeyDer.constData());
    const unsigned char* cursor = input;
    PkeyPtr publicKey(d2i_PUBKEY(nullptr, &cursor, static_cast<long>(publicKeyDer.size())));
    if (!publicKey || cursor != input + publicKeyDer.size())
        return fail(ErrorCode::InvalidInput, ActivationText::tr("The PIN pad's public key does not parse."),
                    QStringLiteral("d2i_PUBKEY refused the key"));
    const bool rsa = algorithm == rsaOaepSha256;
    if (rsa && (!EVP_PKEY_is_a(publicKey.get(), "RSA") || EVP_PKEY_get_bits(publicKey.get()) < 2048))
        return fail(ErrorCode::InvalidInput,
                    ActivationText::tr("The PIN pad's key must be RSA of at least 2048 bits."),
                    QStringLiteral("not RSA >= 2048 (%1 bits)").arg(EVP_PKEY_get_bits(publicKey.get())));
    if (!rsa && !EVP_PKEY_is_a(publicKey.get(), "SM2"))
        return fail(ErrorCode::InvalidInput, ActivationText::tr("The PIN pad's key is not an SM2 key."),
                    QStringLiteral("not an SM2 key"));

    PkeyContextPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, publicKey.get(), nullptr));
    if (!context || EVP_PKEY_encrypt_init(context.get()) <= 0)
        return cryptoFailure("EVP_PKEY_encrypt_init");
    if (rsa) {
        if (EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_OAEP_PADDING) <= 0 ||
            EVP_PKEY_CTX_set_rsa_oaep_md(context.get(), EVP_sha256()) <= 0 ||
            EVP_PKEY_CTX_set_rsa_mgf1_md(context.get(), EVP_sha256()) <= 0)
            return cryptoFailure("OAEP parameters");
    }
    const auto* plain = reinterpret_cast<const unsigned char*>(key.constData());
    size_t length = 0;
    if (EVP_PKEY_encrypt(context.get(), nullptr, &length, plain, static_cast<size_t>(key.size())) <= 0)
        return cryptoFailure("EVP_PKEY_encrypt (size)");
    QByteArray wrapped(static_cast<qsizetype>(length), '\0');
    if (EVP_PKEY_encrypt(context.get(), reinterpret_cast<unsigned char*>(wrapped.data()), &length, plain,
                         static_cast<size_t>(key.size())) <= 0)
        return cryptoFailure("EVP_PKEY_encrypt");
    wrapped.truncate(static_cast<qsizetype>(length));
    return wrapped;
}

Result<QString> keyCheckValue(KeyScheme scheme, const QByteArray& key)
{
    const Result<QByteArray> encrypted = scheme == KeyScheme::Sm4
                                             ? crypto::sm4EcbEncrypt(key, QByteArray(16, '\0'))
                                             : crypto::tdesEcbEncrypt(key, QByteArray(8, '\0'));
    if (!encrypted)
        return Failure{encrypted.error()};
    return QString::fromLatin1(encrypted.value().left(3).toHex().toUpper());
}

HttpResponse ActivationService::activate(const QByteArray& body, qint64 nowMs)
{
    const std::optional<QJsonObject> root = parseJsonObject(body);
    if (!root)
        return fieldInvalidResponse(QString());
    JsonFieldReader fields(*root);
    const QString code = fields.text(QStringLiteral("activationCode"), 32);
    const QString serial = fields.text(QStringLiteral("pinPadSerial"), 64);
    if (!serial.isEmpty() && !isPrintableSerial(serial))
        fields.invalid(QStringLiteral("pinPadSerial"));
    const QString publicKeyBase64 = fields.text(QStringLiteral("pinPadPublicKey"), 8192);
    QString algorithm = rsaOaepSha256;
    if (root->contains(QStringLiteral("keyAlgorithm")))
        algorithm = fields.choice(QStringLiteral("keyAlgorithm"), {rsaOaepSha256, sm2Algorithm});
    if (!fields.ok())
        return fieldInvalidResponse(fields.badPath());

    const Result<std::optional<ActivationCodeRecord>> found = m_store.activationCode(code);
    if (!found)
        return systemErrorResponse();
    if (!found.value())
        return HttpResponse::error(404, "ACTIVATION_CODE_UNKNOWN", tr("The activation code is not known."));
    ActivationCodeRecord activation = *found.value();

    const auto decoded =
        QByteArray::fromBase64Encoding(publicKeyBase64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray publicKeyDer = decoded ? *decoded : QByteArray();
    const Result<QByteArray> probe = wrapKeyForPinPad(publicKeyDer, algorithm, QByteArray(16, '\0'));
    if (!probe)
        return probe.error().code == ErrorCode::InvalidInput
                   ? HttpResponse::error(400, "PUBLIC_KEY_INVALID", probe.error().userMessage)
                   : systemErrorResponse();
    const QString publicKeySha256 = QString::fromLatin1(apiBodyHashHex(publicKeyDer));

    if (activation.usedMs &&
        (activation.pinPadSerial != serial || activation.publicKeySha256 != publicKeySha256))
        return HttpResponse::error(409, "ACTIVATION_CODE_USED",
                                   tr("The activation code was already used for another PIN pad."));

    const Result<std::optional<MerchantRecord>> merchant = m_store.merchant(activation.merchantId);
    if (!merchant || !merchant.value())
        return systemErrorResponse();
    HostLedger& ledger = m_store.ledger();
    HostTerminal terminal;
    ApiKeyRecord apiKey;
    const Result<> stored = ledger.inTransaction([&]() -> Result<> {
        if (activation.usedMs) { // the same pad again: the same terminal and key
            const Result<std::optional<HostTerminal>> existing = ledger.terminal(activation.tid);
            if (!existing)
                return Failure{existing.error()};
            const Result<std::optional<ApiKeyRecord>> key = m_store.apiKey(activation.keyId);
            if (!key)
                return Failure{key.error()};
            if (!existing.value() || !key.value())
                return fail(ErrorCode::StorageCorrupt, tr("The activated terminal is missing."),
                            QStringLiteral("terminal %1 or its API key missing").arg(activation.tid));
            terminal = *existing.value();
            apiKey = *key.value();
            return {};
        }
        for (;;) { // TIDs given with --terminal may already use a number
            const Result<qint64> number = ledger.nextCounterValue(QStringLiteral("terminal"));
            if (!number)
                return Failure{number.error()};
            terminal.tid = QStringLiteral("%1").arg(20'000'000 + number.value());
            const Result<std::optional<HostTerminal>> taken = ledger.terminal(terminal.tid);
            if (!taken)
                return Failure{taken.error()};
            if (!taken.value())
                break;
        }
        terminal.mid = activation.merchantId;
        terminal.merchantName = merchant.value()->registeredName;
        terminal.tmkScheme = algorithm == sm2Algorithm ? KeyScheme::Sm4 : KeyScheme::TripleDes;
        terminal.tmk = secureRandomBytes(16);
        terminal.singleLimitFen = m_settings.singleLimitFen;
        terminal.dailyLimitFen = m_settings.dailyLimitFen;
        // Registered here, the terminal is pending first swipe at the card host until its activation
        // transaction is approved; it is told the fees of the agreement its merchant signed.
        terminal.firstSwipeDone = false;
        terminal.feeSchedule = currentAgreement().feeScheduleText();
        apiKey.keyId = QStringLiteral("term-%1").arg(terminal.tid);
        apiKey.secret = secureRandomBytes(32);
        apiKey.scope = apiscope::terminal;
        apiKey.tid = terminal.tid;
        apiKey.mid = terminal.mid;
        if (terminal.tmk.size() != 16 || apiKey.secret.size() != 32)
            return fail(ErrorCode::CryptoFailure, tr("No random key could be made."),
                        QStringLiteral("RAND_bytes failed"));
        if (const Result<> upserted = ledger.upsertTerminal(terminal); !upserted)
            return upserted;
        if (const Result<> inserted = m_store.insertApiKey(apiKey, nowMs); !inserted)
            return inserted;
        activation.pinPadSerial = serial;
        activation.publicKeySha256 = publicKeySha256;
        activation.tid = terminal.tid;
        activation.keyId = apiKey.keyId;
        activation.usedMs = nowMs;
        return m_store.markActivationCodeUsed(activation);
    });
    if (!stored) {
        qCWarning(lcSim).noquote() << "api: activation failed:" << stored.error().detail;
        return systemErrorResponse();
    }
    const Result<QByteArray> wrapped = wrapKeyForPinPad(publicKeyDer, algorithm, terminal.tmk);
    const Result<QString> kcv = keyCheckValue(terminal.tmkScheme, terminal.tmk);
    crypto::secureWipe(terminal.tmk);
    if (!wrapped || !kcv)
        return systemErrorResponse();
    qCInfo(lcSim).noquote() << "api: terminal" << terminal.tid << "activated for merchant" << terminal.mid;

    QJsonObject answer;
    answer.insert(QStringLiteral("terminalId"), terminal.tid);
    answer.insert(QStringLiteral("merchantId"), terminal.mid);
    answer.insert(QStringLiteral("merchantName"), terminal.merchantName);
    answer.insert(QStringLiteral("tmkScheme"), keySchemeName(terminal.tmkScheme));
    answer.insert(QStringLiteral("tmkWrapped"), QString::fromLatin1(wrapped.value().toBase64()));
    answer.insert(QStringLiteral("tmkKcv"), kcv.value());
    answer.insert(QStringLiteral("apiKeyId"), apiKey.keyId);
    answer.insert(QStringLiteral("apiSecret"), QString::fromLatin1(apiKey.secret.toHex()));
    answer.insert(QStringLiteral("cardHost"), QStringLiteral("127.0.0.1:%1").arg(m_settings.cardHostPort));
    answer.insert(QStringLiteral("singleLimitFen"), terminal.singleLimitFen);
    answer.insert(QStringLiteral("dailyLimitFen"), terminal.dailyLimitFen);
    return HttpResponse::json(200, answer);
}

} // namespace sim
} // namespace pos
