// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/KeyTypes.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

// ISO 9564-1 format 0 PIN blocks, which CUP calls "ANSI X9.8 with PAN" (53.1 = 2; reference §6.2):
//   PIN field = 0 ‖ L ‖ PIN ‖ F…, PAN field = 0000 ‖ the 12 rightmost PAN digits excluding the check digit
//   (left-padded with 0 when the PAN is shorter), block = PIN field XOR PAN field.
// DES schemes use the 8-byte block; Sm4 a 16-byte block built per Sm4PinBlockPadding ([A]).
// Inputs: pin 4 to 12 ASCII digits, pan 8 to 19 ASCII digits including the check digit. Stateless and
// thread-safe. Failures: ErrorCode::InvalidInput for a malformed PIN, PAN, key or block (messages and details
// never contain the PIN, the PAN or the block); CryptoFailure when OpenSSL fails. Every intermediate buffer
// is wiped; the caller wipes what it gets back.
namespace pos {
namespace acquirer {

inline constexpr qsizetype minPinLength = 4;
inline constexpr qsizetype maxPinLength = 12;

// The clear PIN block (blockLength(scheme) bytes). Only for tests and the CLI: a terminal builds it inside
// the PIN pad.
Result<QByteArray> formatPinBlock(KeyScheme scheme,
                                  QByteArrayView pin,
                                  QByteArrayView pan,
                                  Sm4PinBlockPadding sm4Padding = Sm4PinBlockPadding::ExtendFields);

// The F52 value: the clear block encrypted with the PIK under its scheme (ECB).
Result<QByteArray> encryptPinBlock(KeyScheme scheme,
                                   QByteArrayView pik,
                                   QByteArrayView pin,
                                   QByteArrayView pan,
                                   Sm4PinBlockPadding sm4Padding = Sm4PinBlockPadding::ExtendFields);

// Host side (acquirer simulator): decrypts an F52 value and returns the PIN digits, for comparing with the
// card's PIN ("wrong PIN" → 55). Fails with InvalidInput when the block is not a well-formed format 0 block
// for this PAN (wrong key, wrong PAN or a corrupted block).
Result<QByteArray> decryptPin(KeyScheme scheme,
                              QByteArrayView pik,
                              QByteArrayView encryptedBlock,
                              QByteArrayView pan,
                              Sm4PinBlockPadding sm4Padding = Sm4PinBlockPadding::ExtendFields);

} // namespace acquirer
} // namespace pos
