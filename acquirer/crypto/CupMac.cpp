// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/crypto/CupMac.h"

#include "acquirer/crypto/SchemeCipher.h"
#include "acquirer/crypto/ScopedWipe.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QCoreApplication>

namespace pos {
namespace acquirer {
namespace {

struct MacText
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::CupMac)
};

Failure emptyData(const MacAlgorithm algorithm)
{
    return fail(ErrorCode::InvalidInput, MacText::tr("There is no data to compute a MAC over."),
                QStringLiteral("%1 MAC over empty data").arg(macAlgorithmName(algorithm)));
}

Failure wrongMacKey(MacAlgorithm algorithm, qsizetype expected, qsizetype actual)
{
    return fail(ErrorCode::InvalidInput, MacText::tr("The MAC key has the wrong length."),
                QStringLiteral("%1 MAC key must be %2 bytes, got %3")
                    .arg(macAlgorithmName(algorithm))
                    .arg(expected)
                    .arg(actual));
}

// data followed by 0x00 up to a multiple of blockSize (nothing added when it already is one).
QByteArray zeroPadded(QByteArrayView data, qsizetype blockSize)
{
    const qsizetype remainder = data.size() % blockSize;
    QByteArray padded;
    padded.reserve(data.size() + blockSize);
    padded.append(data);
    if (remainder != 0)
        padded.append(QByteArray(blockSize - remainder, '\0'));
    return padded;
}

void xorInto(QByteArray& target, QByteArrayView source)
{
    Q_ASSERT(target.size() == source.size());
    for (qsizetype i = 0; i < target.size(); ++i)
        target[i] = static_cast<char>(target.at(i) ^ source.at(i));
}

// Last block of CBC-DES with a zero IV over zero-padded data, single-length key (X9.9 core).
Result<QByteArray> cbcDesLastBlock(QByteArrayView key, QByteArrayView data)
{
    QByteArray padded = zeroPadded(data, 8);
    const ScopedWipe wipePadded(padded);
    QByteArray chain(8, '\0');
    for (qsizetype offset = 0; offset < padded.size(); offset += 8) {
        xorInto(chain, QByteArrayView(padded).sliced(offset, 8));
        Result<QByteArray> encrypted = crypto::desEcbEncrypt(key, chain);
        crypto::secureWipe(chain);
        if (!encrypted)
            return encrypted;
        chain = std::move(encrypted).value();
    }
    return chain;
}

} // namespace

Result<QByteArray> cupEcbMac(KeyScheme scheme, QByteArrayView mak, QByteArrayView macBlock)
{
    if (macBlock.isEmpty())
        return emptyData(MacAlgorithm::CupEcb);
    if (mak.size() != keyLength(scheme))
        return wrongMacKey(MacAlgorithm::CupEcb, keyLength(scheme), mak.size());
    const qsizetype block = blockLength(scheme);
    QByteArray padded = zeroPadded(macBlock, block);
    const ScopedWipe wipePadded(padded);
    QByteArray result(block, '\0');
    const ScopedWipe wipeResult(result);
    for (qsizetype offset = 0; offset < padded.size(); offset += block)
        xorInto(result, QByteArrayView(padded).sliced(offset, block));

    QByteArray resultHex = result.toHex().toUpper();
    const ScopedWipe wipeResultHex(resultHex);
    Result<QByteArray> first = encryptBlocks(scheme, mak, QByteArrayView(resultHex).first(block));
    if (!first)
        return first;
    QByteArray chained = std::move(first).value();
    const ScopedWipe wipeChained(chained);
    xorInto(chained, QByteArrayView(resultHex).sliced(block));
    Result<QByteArray> second = encryptBlocks(scheme, mak, chained);
    if (!second)
        return second;
    return second.value().toHex().toUpper().left(cupMacLength);
}

Result<QByteArray> ansiX99Mac(QByteArrayView key, QByteArrayView data)
{
    if (data.isEmpty())
        return emptyData(MacAlgorithm::AnsiX99);
    if (key.size() != 8)
        return wrongMacKey(MacAlgorithm::AnsiX99, 8, key.size());
    return cbcDesLastBlock(key, data);
}

Result<QByteArray> ansiX919Mac(QByteArrayView key, QByteArrayView data)
{
    if (data.isEmpty())
        return emptyData(MacAlgorithm::AnsiX919);
    if (key.size() != 16)
        return wrongMacKey(MacAlgorithm::AnsiX919, 16, key.size());
    const QByteArrayView leftKey = key.first(8);
    const QByteArrayView rightKey = key.sliced(8);
    Result<QByteArray> last = cbcDesLastBlock(leftKey, data);
    if (!last)
        return last;
    QByteArray chain = std::move(last).value();
    const ScopedWipe wipeChain(chain);
    Result<QByteArray> decrypted = crypto::desEcbDecrypt(rightKey, chain);
    if (!decrypted)
        return decrypted;
    QByteArray middle = std::move(decrypted).value();
    const ScopedWipe wipeMiddle(middle);
    return crypto::desEcbEncrypt(leftKey, middle);
}

Result<QByteArray>
computeMac(MacAlgorithm algorithm, KeyScheme makScheme, QByteArrayView mak, QByteArrayView macBlock)
{
    switch (algorithm) {
    case MacAlgorithm::CupEcb: return cupEcbMac(makScheme, mak, macBlock);
    case MacAlgorithm::AnsiX99:
        if (makScheme != KeyScheme::SingleDes)
            return wrongMacKey(algorithm, 8, mak.size());
        return ansiX99Mac(mak, macBlock);
    case MacAlgorithm::AnsiX919:
        if (makScheme != KeyScheme::TripleDes)
            return wrongMacKey(algorithm, 16, mak.size());
        return ansiX919Mac(mak, macBlock);
    }
    Q_UNREACHABLE();
}

} // namespace acquirer
} // namespace pos
