// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/KeyTypes.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

// The MAC algorithms of the acquirer link (reference §6.3), built on EVP block encryption. Stateless and
// thread-safe. Every algorithm pads its input with 0x00 to a whole number of blocks and adds nothing when it
// already is one; empty input is refused. Failures: ErrorCode::InvalidInput for a wrong key length or empty
// data, CryptoFailure when OpenSSL fails. Intermediate values are wiped.
namespace pos {
namespace acquirer {

// Length of the F64 value of the CUP ECB MAC: 8 ASCII upper-case hex characters.
inline constexpr qsizetype cupMacLength = 8;

// CUP "ECB" MAC over the MAC block (MTI through F63 as on the wire, bitmap bit 64 set):
//   XOR all blocks → upper-case hex → E(first half) XOR second half → E → upper-case hex → first 8
//   characters.
// scheme SingleDes (8-byte MAK), TripleDes (16-byte MAK; an 8-byte MAK as K‖K gives the same MAC) or Sm4
// (16-byte blocks, 32 hex characters; the keyed steps as in §6.3 are [A]: assumed from the BP host).
Result<QByteArray> cupEcbMac(KeyScheme scheme, QByteArrayView mak, QByteArrayView macBlock);

// ANSI X9.9 (FIPS 113): CBC-DES with a zero IV; the last 8-byte block. key: 8 bytes.
Result<QByteArray> ansiX99Mac(QByteArrayView key, QByteArrayView data);

// ANSI X9.19 retail MAC (ISO/IEC 9797-1 MAC algorithm 3, padding method 1): CBC-DES under K1 over all blocks,
// then D(K2) and E(K1) on the last one; 8 bytes. key: 16 bytes (K1 ‖ K2).
Result<QByteArray> ansiX919Mac(QByteArrayView key, QByteArrayView data);

// Dispatch by algorithm with a MAK of the given scheme: CupEcb any scheme; AnsiX99 needs a SingleDes and
// AnsiX919 a TripleDes MAK (anything else is InvalidInput).
Result<QByteArray>
computeMac(MacAlgorithm algorithm, KeyScheme makScheme, QByteArrayView mak, QByteArrayView macBlock);

} // namespace acquirer
} // namespace pos
