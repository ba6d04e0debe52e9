// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QString>
#include <QStringView>

// The chip of the simulator's test cards: a real application cryptogram (ARQC) under a published TEST issuer
// key, and the IC data (BER-TLV) the PIN pad puts in READ_CARD item 47 for field 55. Pure functions, no I/O;
// the DES steps go through core/crypto (OpenSSL EVP; single DES = 3DES with K1 = K2 = K3).
//
// Key hierarchy (EMV 4.3 Book 2 Annex A1; PBOC 2.0 JR/T 0025.5 follows it for the AC key):
//   1. ICC master key, Annex A1.4.1 "Option A": Y = the rightmost 16 digits of PAN || PSN (left-padded with
//      '0' when shorter), packed as 8 bytes BCD; MK = 3DES(IMK)[Y] || 3DES(IMK)[Y xor FF..FF], each byte
//      adjusted to odd parity.
//   2. AC session key, Annex A1.3.1 "Common Session Key Derivation" with R = ATC || 00 00 00 00 00 00:
//      SK = 3DES(MK)[ATC || F0 || 00 00 00 00 00] || 3DES(MK)[ATC || 0F || 00 00 00 00 00], odd parity.
//   3. ARQC, Book 2 §8.1.2 / Annex A1.2.1: ISO/IEC 9797-1 MAC algorithm 3 (single-DES CBC under SK's left
//      half, then the last block decrypted with the right half and encrypted with the left again), padding
//      method 2 (0x80 then zeros to a multiple of 8), full 8 bytes.
//
// The data MAC'd (arqcInputData(), 37 bytes before padding), in this order, as PBOC CVN 01 / the EMV Book 2
// recommended minimum set plus the CVR:
//   9F02 amount authorised (6, BCD fen) · 9F03 amount other (6, zero) · 9F1A terminal country (2) · 95 TVR
//   (5, zero) · 5F2A currency (2) · 9A date (3, YYMMDD) · 9C type (1) · 9F37 unpredictable number (4) · 82
//   AIP (2, 7C00) · 9F36 ATC (2) · CVR (4: bytes 4-7 of the IAD, 03 A0 00 00).
namespace pos {
namespace sim {

// The simulator's TEST issuer master key for application cryptograms (MK-AC), published on purpose: it
// protects nothing and must never be used outside tests and the emulator.
inline constexpr char emvTestIssuerMasterKeyHex[] = "6D3C4E2A8B1F0795C4E2A86D1F3B5907";
QByteArray emvTestIssuerMasterKey(); // the 16 bytes of emvTestIssuerMasterKeyHex

// The card side of one GENERATE AC.
struct EmvCardInput
{
    QString pan;          // 12..19 digits
    QString cardSequence; // as F23 carries it ("001"); its rightmost two digits are the PSN (5F34); "" = 00
    quint16 atc = 0;      // 9F36, the counter of this very cryptogram
    bool credit = false;  // AID A000000333010102 (UnionPay credit) instead of ...0101 (debit)
};

// The terminal side of one GENERATE AC (CDOL1 data).
struct EmvTransactionInput
{
    qint64 amountFen = 0;           // 9F02, 0 ..= 999 999 999 999
    QDate date;                     // 9A, must be valid
    quint8 type = 0x00;             // 9C: 0x00 goods/sale, 0x20 refund, 0x31 balance inquiry
    QByteArray unpredictableNumber; // 9F37, exactly 4 bytes
    int currencyCode = 156;         // 5F2A, ISO 4217 numeric (CNY), 0..9999
    int countryCode = 156;          // 9F1A, ISO 3166-1 numeric (China), 0..9999
};

// Building blocks, exposed for the known-answer tests. Keys are 16 bytes; every function fails with
// InvalidInput for a wrong length or non-digit PAN/PSN and CryptoFailure when OpenSSL fails. Details never
// contain the PAN or a key.
Result<QByteArray>
deriveIccMasterKeyOptionA(QByteArrayView issuerMasterKey, QStringView pan, QStringView panSequence2);
Result<QByteArray> deriveAcSessionKey(QByteArrayView iccMasterKey, quint16 atc);
// ISO/IEC 9797-1 MAC algorithm 3 with padding method 2; 8 bytes.
Result<QByteArray> macIso9797Algorithm3(QByteArrayView key, QByteArrayView data);

// The 37 bytes the ARQC is computed over (see the file comment).
Result<QByteArray> arqcInputData(const EmvCardInput& card, const EmvTransactionInput& transaction);

// The 8-byte ARQC of this card for this transaction under issuerMasterKey (the IMK, not the card's key).
Result<QByteArray>
computeArqc(QByteArrayView issuerMasterKey, const EmvCardInput& card, const EmvTransactionInput& transaction);

// True when arqc is the ARQC computeArqc() gives for these inputs; false for any other 8 bytes (wrong
// length included). Failure only for invalid inputs.
Result<bool> verifyArqc(QByteArrayView issuerMasterKey,
                        const EmvCardInput& card,
                        const EmvTransactionInput& transaction,
                        QByteArrayView arqc);

// IC data for field 55, BER-TLV in this order: 9F26 ARQC, 9F27 80, 9F10 IAD (07 01 01 03 A0 00 00: length,
// DKI 01, CVN 01, CVR), 9F37, 9F36, 95, 9A, 9C, 9F02, 5F2A, 82, 9F1A, 9F03, 9F33 E0E1C8, 9F34 420300 (online
// PIN), 9F35 22, 84 AID, 5F34 PSN. Never 5A (PAN) or 57 (track 2): the PC must not keep them.
Result<QByteArray> buildIccData(QByteArrayView issuerMasterKey,
                                const EmvCardInput& card,
                                const EmvTransactionInput& transaction);

// For a host: recomputes the ARQC from the TLV's own 9F02, 9F03, 9F1A, 95, 5F2A, 9A, 9C, 9F37, 82, 9F36 and
// the IAD's CVR, with the PAN and card sequence of the request (F2, F23), and compares it with its 9F26.
// False when 9F26 differs; InvalidInput when the TLV is malformed or one of those tags is missing or of the
// wrong length.
Result<bool> verifyIccData(QByteArrayView issuerMasterKey,
                           QStringView pan,
                           QStringView cardSequence,
                           QByteArrayView iccData);

} // namespace sim
} // namespace pos
