// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>

// Test vectors of /work/shared/design/acquirer-protocol.md shared by the acquirer crypto tests ("§7 #n" = row
// n of its §7 table).
namespace pos {
namespace test {

// §7 #18 / §1.2: the TMK and the work keys of the sign-on response.
inline const QByteArray referenceTmk = QByteArray::fromHex("11111111111111112222222222222222");
inline const QByteArray referencePik = QByteArray::fromHex("0123456789ABCDEFFEDCBA9876543210");
inline const QByteArray referenceMak = QByteArray::fromHex("1C587F1C13924FEF");
inline const QByteArray referenceTdk = QByteArray::fromHex("89ABCDEF0123456776543210FEDCBA98");
// F62 of the §1.2 0810 (60.3 = 004), 60 bytes: PIK ct, KCV, MAK ct, 8 zero bytes, KCV, TDK ct, KCV.
inline const QByteArray referenceF62 = QByteArray::fromHex("CB4AB541CD5AD4FC256A882726936A5A08D7B4FB"
                                                           "DEB1CB75E7D12F5E00000000000000000D40BFF8"
                                                           "D0D7CB5B1A70AC6A75E0431E2A75B492EB7A8DF9");
// §6.4: the MAC block of the §1.3 0200 (105 bytes) and its CUP ECB MAC (F64).
inline const QByteArray referenceMab = QByteArray::fromHex(
    "0200702404C020C09811166225880137563118000000000000010000000123251202100006346225880137563118"
    "D251220100000000003132333435363738313233343536373839303132333435313536F770027C8626358726"
    "000000000000000011220000010000");
inline const QByteArray referenceMac = QByteArrayLiteral("65980D46");
// §6.5: F35 digits clear and encrypted with referenceTdk.
inline const QByteArray referenceTrack = QByteArrayLiteral("6225880137563118D25122010000000000");
inline const QByteArray referenceEncryptedTrack = QByteArrayLiteral("6225880137563118759048C4C7F0E26300");

} // namespace test
} // namespace pos
