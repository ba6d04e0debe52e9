// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/iso8583/Tlv.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

// Subfields of the CUP private and structured fields (acquirer-protocol.md §4). Each type parses the value
// IsoMessage stores for its field (the digit string for n fields, the bytes for ans/b) and builds it back.
// parse() fails with ProtocolViolation (the value came from the host), build() with InvalidInput. Details
// name the field and subfield, never values of sensitive fields. Digit subfields are kept as digit strings
// (codes such as "003" keep their zeros); an empty string means "absent" for optional subfields.
// Field 62 (key blocks) is parsed by the crypto code, not here.
namespace pos {
namespace acquirer {

// Field 60 (n...017): 60.1 n2 transaction type, 60.2 n6 batch, 60.3 n3 network management code, then the
// optional 60.4 n1 read capability, 60.5 n1 IC condition, 60.6 n1 partial-approval flag, 60.7 n3 account
// type. Valid lengths: 11, 12, 13, 14 or 17 digits (every optional subfield needs the ones before it).
struct Field60
{
    QString transactionType; // 60.1, e.g. "22" sale
    QString batchNumber;     // 60.2
    QString networkCode;     // 60.3, e.g. "000", "003"
    QString readCapability;  // 60.4, "" = absent
    QString icCondition;     // 60.5
    QString partialApproval; // 60.6
    QString accountType;     // 60.7

    static Result<Field60> parse(QStringView digits);
    Result<QString> build() const;
    friend bool operator==(const Field60&, const Field60&) = default;
};

// Field 61 (n...029): 61.1 n6 original batch, 61.2 n6 original STAN, 61.3 n4 original date MMDD (refunds
// and pre-auth operations), then acquirer-specific digits kept as they are. Valid: 12 or 16..29 digits.
struct Field61
{
    QString originalBatch; // 61.1
    QString originalStan;  // 61.2
    QString originalDate;  // 61.3, "" = absent
    QString remainder;     // further digits, "" = none (needs 61.3)

    static Result<Field61> parse(QStringView digits);
    Result<QString> build() const;
    friend bool operator==(const Field61&, const Field61&) = default;
};

// Field 53 (n16): 53.1 PIN format (0 none, 1 X9.8 without PAN, 2 X9.8 with PAN), 53.2 algorithm (0 DES,
// 6 3DES; some acquirers 4 = SM4), 53.3 track encryption (0/1), then 13 reserved digits (normally 0).
struct Field53
{
    int pinFormat = 2;
    int algorithm = 6;
    int trackEncryption = 0;
    QString reserved = QString(13, QLatin1Char('0'));

    static Result<Field53> parse(QStringView digits);
    Result<QString> build() const;
    friend bool operator==(const Field53&, const Field53&) = default;
};

// One half (domestic or foreign) of the settlement totals in field 48 of 0500/0510.
struct SettlementTotalsPart
{
    qint64 debitAmountFen = 0;  // n12
    int debitCount = 0;         // n3
    qint64 creditAmountFen = 0; // n12
    int creditCount = 0;        // n3
    // n1. 0 in the request; in the 0510 [A]: 1 balanced, 2 unbalanced, 3 error.
    int settleFlag = 0;
    friend bool operator==(const SettlementTotalsPart&, const SettlementTotalsPart&) = default;
};

// Field 48 of 0500/0510 (§4.6): domestic part then foreign part, 31 digits each, 62 in all.
struct SettlementTotals
{
    SettlementTotalsPart domestic;
    SettlementTotalsPart foreign;

    static Result<SettlementTotals> parse(QStringView digits);
    Result<QString> build() const;
    friend bool operator==(const SettlementTotals&, const SettlementTotals&) = default;
};

// Field 48 of the 0320 batch-upload end (60.3 202/207): the uploaded count, n4.
Result<int> parseBatchUploadCount(QStringView digits);
Result<QString> buildBatchUploadCount(int count);

// Field 63 in responses (ans...163, GBK): 63.1 card organisation an3 ("CUP", "VIS", ...) then 63.2 free text.
struct Field63Response
{
    QString cardOrganisation; // 63.1
    QString text;             // 63.2, "" = absent

    static Result<Field63Response> parse(QByteArrayView bytes);
    Result<QByteArray> build() const;
    friend bool operator==(const Field63Response&, const Field63Response&) = default;
};

// Field 63 in requests: the operator code, ans3 (e.g. "001", "01 "; "000" on refunds).
Result<QByteArray> buildOperatorCode(QStringView code);

// Field 55 (b...255): a BER-TLV list (Tlv.h), primitive objects only at the top level as CUP sends them.
Result<QList<TlvElement>> parseIcData(QByteArrayView bytes);
// InvalidInput when a tag is malformed or the encoding exceeds 255 bytes.
Result<QByteArray> buildIcData(const QList<TlvElement>& elements);

} // namespace acquirer
} // namespace pos
