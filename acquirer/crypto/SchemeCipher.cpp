// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/crypto/SchemeCipher.h"

#include "core/crypto/CryptoPrimitives.h"

#include <QCoreApplication>

namespace pos {
namespace acquirer {
namespace {

struct CipherText
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::SchemeCipher)
};

// The primitives check lengths too, but 3DES would also accept a 24-byte key: CUP keys are double length.
Result<void> checkKeyLength(KeyScheme scheme, QByteArrayView key)
{
    if (key.size() == keyLength(scheme))
        return {};
    return fail(ErrorCode::InvalidInput, CipherText::tr("The key has the wrong length."),
                QStringLiteral("%1 key must be %2 bytes, got %3")
                    .arg(keySchemeName(scheme))
                    .arg(keyLength(scheme))
                    .arg(key.size()));
}

Result<QByteArray> runBlocks(bool encrypt, KeyScheme scheme, QByteArrayView key, QByteArrayView data)
{
    if (const Result<void> length = checkKeyLength(scheme, key); !length)
        return Failure{length.error()};
    switch (scheme) {
    case KeyScheme::SingleDes:
        return encrypt ? crypto::desEcbEncrypt(key, data) : crypto::desEcbDecrypt(key, data);
    case KeyScheme::TripleDes:
        return encrypt ? crypto::tdesEcbEncrypt(key, data) : crypto::tdesEcbDecrypt(key, data);
    case KeyScheme::Sm4: return encrypt ? crypto::sm4EcbEncrypt(key, data) : crypto::sm4EcbDecrypt(key, data);
    }
    Q_UNREACHABLE();
}

} // namespace

Result<QByteArray> encryptBlocks(KeyScheme scheme, QByteArrayView key, QByteArrayView data)
{
    return runBlocks(true, scheme, key, data);
}

Result<QByteArray> decryptBlocks(KeyScheme scheme, QByteArrayView key, QByteArrayView data)
{
    return runBlocks(false, scheme, key, data);
}

Result<QByteArray> keyCheckValue(KeyScheme scheme, QByteArrayView key, qsizetype length)
{
    if (length < 1 || length > blockLength(scheme))
        return fail(ErrorCode::InvalidInput, CipherText::tr("The check value length is out of range."),
                    QStringLiteral("%1 KCV length must be 1 to %2 bytes, got %3")
                        .arg(keySchemeName(scheme))
                        .arg(blockLength(scheme))
                        .arg(length));
    Result<QByteArray> encrypted = encryptBlocks(scheme, key, QByteArray(blockLength(scheme), '\0'));
    if (!encrypted)
        return encrypted;
    return encrypted.value().left(length);
}

std::optional<KeyScheme> desSchemeForKeyLength(qsizetype length)
{
    if (length == keyLength(KeyScheme::SingleDes))
        return KeyScheme::SingleDes;
    if (length == keyLength(KeyScheme::TripleDes))
        return KeyScheme::TripleDes;
    return std::nullopt;
}

} // namespace acquirer
} // namespace pos
