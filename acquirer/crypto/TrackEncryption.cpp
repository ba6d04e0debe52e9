// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/crypto/TrackEncryption.h"

#include "acquirer/crypto/SchemeCipher.h"
#include "acquirer/crypto/ScopedWipe.h"

#include <QCoreApplication>

#include <algorithm>

namespace pos {
namespace acquirer {
namespace {

struct TrackText
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::TrackEncryption)
};

bool isTrackCharacter(char c)
{
    return (c >= '0' && c <= '9') || c == 'D' || c == '=';
}

bool isHexCharacter(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

Failure malformedTrack(const QString& detail)
{
    return fail(ErrorCode::InvalidInput, TrackText::tr("The track data cannot be encrypted or decrypted."),
                detail);
}

// Encrypts or decrypts the window of a track; the characters outside it must be track characters, the ones
// inside track characters (encrypt) or hex digits (decrypt).
Result<QByteArray> transformTrack(bool encrypt, KeyScheme scheme, QByteArrayView tdk, QByteArrayView track)
{
    const qsizetype length = track.size();
    const qsizetype windowDigits = 2 * blockLength(scheme);
    const qsizetype windowEnd = length % 2 == 1 ? length - 1 : length - 2;
    const qsizetype windowStart = windowEnd - windowDigits;
    if (length > maxTrackDigits || windowStart < 0)
        return malformedTrack(QStringLiteral("%1 track of %2 digits: too short for the %3-digit window or "
                                             "longer than %4")
                                  .arg(keySchemeName(scheme))
                                  .arg(length)
                                  .arg(windowDigits)
                                  .arg(maxTrackDigits));
    for (qsizetype i = 0; i < length; ++i) {
        const bool inWindow = i >= windowStart && i < windowEnd;
        const char c = track.at(i);
        if ((inWindow && !encrypt) ? !isHexCharacter(c) : !isTrackCharacter(c))
            return malformedTrack(QStringLiteral("invalid character at position %1").arg(i));
    }

    QByteArray out = track.toByteArray();
    std::replace(out.begin(), out.end(), '=', 'D');
    QByteArray window = QByteArray::fromHex(out.sliced(windowStart, windowDigits));
    const ScopedWipe wipeWindow(window);
    Result<QByteArray> transformed =
        encrypt ? encryptBlocks(scheme, tdk, window) : decryptBlocks(scheme, tdk, window);
    if (!transformed) {
        crypto::secureWipe(out);
        return transformed;
    }
    QByteArray windowOut = std::move(transformed).value();
    const ScopedWipe wipeWindowOut(windowOut);
    QByteArray replacement = windowOut.toHex().toUpper();
    const ScopedWipe wipeReplacement(replacement);
    std::copy(replacement.cbegin(), replacement.cend(), out.begin() + windowStart);
    return out;
}

} // namespace

Result<QByteArray> encryptTrack(KeyScheme scheme, QByteArrayView tdk, QByteArrayView trackDigits)
{
    return transformTrack(true, scheme, tdk, trackDigits);
}

Result<QByteArray> decryptTrack(KeyScheme scheme, QByteArrayView tdk, QByteArrayView encryptedTrack)
{
    return transformTrack(false, scheme, tdk, encryptedTrack);
}

} // namespace acquirer
} // namespace pos
