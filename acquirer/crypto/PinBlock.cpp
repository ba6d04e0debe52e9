// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/crypto/PinBlock.h"

#include "acquirer/crypto/SchemeCipher.h"
#include "acquirer/crypto/ScopedWipe.h"

#include <QCoreApplication>

#include <algorithm>

namespace pos {
namespace acquirer {
namespace {

struct PinText
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::PinBlock)
};

constexpr qsizetype minPanLength = 8;
constexpr qsizetype maxPanLength = 19;
constexpr qsizetype panFieldDigits = 12;

bool allDigits(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<void> checkPinAndPan(QByteArrayView pin, QByteArrayView pan)
{
    if (pin.size() < minPinLength || pin.size() > maxPinLength || !allDigits(pin))
        return fail(ErrorCode::InvalidInput, PinText::tr("The PIN must be 4 to 12 digits."),
                    QStringLiteral("PIN of %1 characters or not all digits").arg(pin.size()));
    if (pan.size() < minPanLength || pan.size() > maxPanLength || !allDigits(pan))
        return fail(ErrorCode::InvalidInput, PinText::tr("The card number must be 8 to 19 digits."),
                    QStringLiteral("PAN of %1 characters or not all digits").arg(pan.size()));
    return {};
}

// Hex digits of the PAN field, nibbles in total: zeros, then the 12 rightmost digits before the check digit.
QByteArray panField(QByteArrayView pan, qsizetype nibbles)
{
    const QByteArrayView withoutCheckDigit = pan.first(pan.size() - 1);
    const QByteArrayView rightmost =
        withoutCheckDigit.last(std::min(panFieldDigits, withoutCheckDigit.size()));
    QByteArray field(nibbles - rightmost.size(), '0');
    field.append(rightmost);
    return field;
}

// Hex digits of the PIN field: 0 ‖ L ‖ PIN ‖ F to nibbles.
QByteArray pinField(QByteArrayView pin, qsizetype nibbles)
{
    QByteArray field;
    field.reserve(nibbles);
    field.append('0');
    field.append("0123456789ABC"[pin.size()]);
    field.append(pin);
    field.append(QByteArray(nibbles - field.size(), 'F'));
    return field;
}

QByteArray xorBytes(QByteArrayView left, QByteArrayView right)
{
    Q_ASSERT(left.size() == right.size());
    QByteArray out(left.size(), '\0');
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i] = static_cast<char>(left.at(i) ^ right.at(i));
    return out;
}

QByteArray xorHexFields(const QByteArray& left, const QByteArray& right)
{
    QByteArray leftBytes = QByteArray::fromHex(left);
    const ScopedWipe wipeLeft(leftBytes);
    QByteArray rightBytes = QByteArray::fromHex(right);
    const ScopedWipe wipeRight(rightBytes);
    return xorBytes(leftBytes, rightBytes);
}

// The 8-byte format 0 block, or the 16-byte SM4 block.
QByteArray composeBlock(KeyScheme scheme, QByteArrayView pin, QByteArrayView pan, Sm4PinBlockPadding padding)
{
    const bool extend = scheme == KeyScheme::Sm4 && padding == Sm4PinBlockPadding::ExtendFields;
    const qsizetype nibbles = extend ? 32 : 16;
    QByteArray pinHex = pinField(pin, nibbles);
    const ScopedWipe wipePinHex(pinHex);
    QByteArray panHex = panField(pan, nibbles);
    const ScopedWipe wipePanHex(panHex);
    QByteArray block = xorHexFields(pinHex, panHex);
    if (scheme == KeyScheme::Sm4 && !extend)
        block.append(QByteArray(8, padding == Sm4PinBlockPadding::AppendFF ? '\xFF' : '\0'));
    return block;
}

Failure malformedBlock(const char* reason)
{
    return fail(ErrorCode::InvalidInput, PinText::tr("The PIN block is not valid for this card."),
                QStringLiteral("PIN block rejected: %1").arg(QLatin1String(reason)));
}

// PIN digits from a clear block (inverse of composeBlock), or a failure naming the broken rule.
Result<QByteArray>
parseBlock(KeyScheme scheme, const QByteArray& block, QByteArrayView pan, Sm4PinBlockPadding padding)
{
    const bool extend = scheme == KeyScheme::Sm4 && padding == Sm4PinBlockPadding::ExtendFields;
    const qsizetype nibbles = extend ? 32 : 16;
    QByteArrayView fieldBytes = QByteArrayView(block);
    if (scheme == KeyScheme::Sm4 && !extend) {
        const char fill = padding == Sm4PinBlockPadding::AppendFF ? '\xFF' : '\0';
        const QByteArrayView tail = fieldBytes.sliced(8);
        if (!std::all_of(tail.begin(), tail.end(), [fill](char c) { return c == fill; }))
            return malformedBlock("SM4 padding");
        fieldBytes = fieldBytes.first(8);
    }
    QByteArray panBytes = QByteArray::fromHex(panField(pan, nibbles));
    const ScopedWipe wipePanBytes(panBytes);
    QByteArray pinBytes = xorBytes(fieldBytes, panBytes);
    const ScopedWipe wipePinBytes(pinBytes);
    QByteArray pinHex = pinBytes.toHex().toUpper();
    const ScopedWipe wipePinHex(pinHex);
    if (pinHex.at(0) != '0')
        return malformedBlock("format nibble");
    const qsizetype length = QByteArray("0123456789ABC").indexOf(pinHex.at(1));
    if (length < minPinLength || length > maxPinLength)
        return malformedBlock("PIN length nibble");
    const QByteArrayView digits = QByteArrayView(pinHex).sliced(2, length);
    const QByteArrayView fill = QByteArrayView(pinHex).sliced(2 + length);
    if (!allDigits(digits) || !std::all_of(fill.begin(), fill.end(), [](char c) { return c == 'F'; }))
        return malformedBlock("PIN digits or fill");
    return digits.toByteArray();
}

} // namespace

Result<QByteArray>
formatPinBlock(KeyScheme scheme, QByteArrayView pin, QByteArrayView pan, Sm4PinBlockPadding sm4Padding)
{
    if (const Result<void> checked = checkPinAndPan(pin, pan); !checked)
        return Failure{checked.error()};
    return composeBlock(scheme, pin, pan, sm4Padding);
}

Result<QByteArray> encryptPinBlock(KeyScheme scheme,
                                   QByteArrayView pik,
                                   QByteArrayView pin,
                                   QByteArrayView pan,
                                   Sm4PinBlockPadding sm4Padding)
{
    Result<QByteArray> clear = formatPinBlock(scheme, pin, pan, sm4Padding);
    if (!clear)
        return clear;
    QByteArray block = std::move(clear).value();
    const ScopedWipe wipeBlock(block);
    return encryptBlocks(scheme, pik, block);
}

Result<QByteArray> decryptPin(KeyScheme scheme,
                              QByteArrayView pik,
                              QByteArrayView encryptedBlock,
                              QByteArrayView pan,
                              Sm4PinBlockPadding sm4Padding)
{
    if (pan.size() < minPanLength || pan.size() > maxPanLength || !allDigits(pan))
        return fail(ErrorCode::InvalidInput, PinText::tr("The card number must be 8 to 19 digits."),
                    QStringLiteral("PAN of %1 characters or not all digits").arg(pan.size()));
    if (encryptedBlock.size() != blockLength(scheme))
        return fail(ErrorCode::InvalidInput, PinText::tr("The PIN block has the wrong length."),
                    QStringLiteral("%1 PIN block must be %2 bytes, got %3")
                        .arg(keySchemeName(scheme))
                        .arg(blockLength(scheme))
                        .arg(encryptedBlock.size()));
    Result<QByteArray> decrypted = decryptBlocks(scheme, pik, encryptedBlock);
    if (!decrypted)
        return decrypted;
    QByteArray block = std::move(decrypted).value();
    const ScopedWipe wipeBlock(block);
    return parseBlock(scheme, block, pan, sm4Padding);
}

} // namespace acquirer
} // namespace pos
