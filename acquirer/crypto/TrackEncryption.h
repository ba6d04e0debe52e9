// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/KeyTypes.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

// Track 2/3 encryption with the TDK (53.3 = 1; reference §6.5). For a track of L digits and a cipher block of
// B bytes, the 2·B digits that end just before the last byte of the packed track are encrypted in place:
// digits [L−2B−1, L−1) when L is odd, [L−2B−2, L−2) when L is even. The length never changes.
// Clear tracks contain "0"–"9" and "D" (or "=", written back as "D"); encrypted ones upper-case hex inside
// the window. Length: enough digits for the window, at most 104 (F36). Stateless and thread-safe. Failures:
// ErrorCode::InvalidInput for a wrong key length or malformed track (never quoting the track), CryptoFailure
// when OpenSSL fails. Intermediate buffers are wiped.
namespace pos {
namespace acquirer {

inline constexpr qsizetype maxTrackDigits = 104;

// scheme: TripleDes (16-byte TDK, the CUP default) or Sm4; SingleDes works the same way with an 8-byte key.
Result<QByteArray> encryptTrack(KeyScheme scheme, QByteArrayView tdk, QByteArrayView trackDigits);

// Host side: the inverse of encryptTrack.
Result<QByteArray> decryptTrack(KeyScheme scheme, QByteArrayView tdk, QByteArrayView encryptedTrack);

} // namespace acquirer
} // namespace pos
