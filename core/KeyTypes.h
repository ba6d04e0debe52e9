// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Plain value types of the terminal key hierarchy (TMK → PIK, MAK, TDK; protocol reference §6). They live in
// core because both the acquirer engine (acquirer/) and PIN pad drivers (devices/) use them. No type here
// ever holds a clear key.
namespace pos {

// Cipher family of a key. Key and block lengths in bytes:
//   SingleDes  key 8,  block 8  (DES, computed as 3DES-EDE with K1 = K2 = K3)
//   TripleDes  key 16, block 8  (double-length 3DES-EDE2, K1 K2 K1)
//   Sm4        key 16, block 16 (GB/T 32907-2016)
enum class KeyScheme { SingleDes, TripleDes, Sm4 };

qsizetype keyLength(KeyScheme scheme);
qsizetype blockLength(KeyScheme scheme);
// "des", "3des", "sm4": stable, untranslated, for logs and --json output.
QString keySchemeName(KeyScheme scheme);

// MAC algorithms of the acquirer link (reference §6.3). The cipher follows the MAK's scheme.
//   CupEcb    CUP "ECB" MAC: 8 ASCII upper-case hex characters, F64 as sent. DES/3DES (block 8) or the SM4
//             variant (block 16).
//   AnsiX99   ANSI X9.9: CBC-DES, zero IV, zero padding; the 8-byte last block. Single-length MAK only.
//   AnsiX919  ANSI X9.19 (ISO 9797-1 algorithm 3): the 8-byte retail MAC. Double-length MAK only.
enum class MacAlgorithm { CupEcb, AnsiX99, AnsiX919 };

QString macAlgorithmName(MacAlgorithm algorithm);

// Layout of the work-key block in F62 of the 0810 sign-on response (reference §4.3), named after the 60.3
// network management code that selects it. The code of the SM4 layout is acquirer-specific ([A], default
// "006"); see workKeyLayoutForCode() in acquirer/crypto/WorkKeys.h.
//   Des001             24 bytes: PIK 8 (DES) and MAK 8 (DES), each followed by a 4-byte KCV
//   TripleDes003       40 bytes: PIK 16 (3DES), MAK 8 (DES) followed by 8 zero bytes
//   TripleDesTrack004  60 bytes: as 003, then TDK 16 (3DES)
//   Sm4006             60 bytes: PIK 16, MAK 16, TDK 16, all SM4
enum class WorkKeyLayout { Des001, TripleDes003, TripleDesTrack004, Sm4006 };

QString workKeyLayoutName(WorkKeyLayout layout);

enum class WorkKeyRole { Pin, Mac, Track };

// "PIK", "MAK", "TDK".
QString workKeyRoleName(WorkKeyRole role);

// The key check value (KCV) of one work key as sent in F62 and as computed from the unwrapped key. KCVs are
// not secret and may be logged.
struct KeyCheckOutcome
{
    WorkKeyRole role = WorkKeyRole::Pin;
    QByteArray receivedKcv; // raw bytes, 4 in every F62 layout
    QByteArray computedKcv; // raw bytes, same length as receivedKcv
    bool matches() const { return !receivedKcv.isEmpty() && receivedKcv == computedKcv; }
};

// Result of checking an F62 work-key block: one outcome per key the layout carries, in F62 order.
struct WorkKeyCheck
{
    WorkKeyLayout layout = WorkKeyLayout::TripleDes003;
    QList<KeyCheckOutcome> keys;
    bool allMatch() const;
};

// How an ISO 9564 format 0 PIN block (8 bytes) becomes the 16-byte block SM4 encrypts. Acquirer-specific
// ([A] in reference §6.2, no public CUP text): ExtendFields is the default until an acquirer confirms one.
//   ExtendFields  PIN field 0 ‖ L ‖ PIN ‖ F… to 32 nibbles, PAN field 0… ‖ 12 PAN digits to 32 nibbles, XOR
//   AppendFF      the 8-byte format 0 block followed by 8 × 0xFF
//   AppendZeros   the 8-byte format 0 block followed by 8 × 0x00
enum class Sm4PinBlockPadding { ExtendFields, AppendFF, AppendZeros };

} // namespace pos
