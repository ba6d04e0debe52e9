// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/iso8583/FieldSpec.h"
#include "acquirer/iso8583/IsoMessage.h"
#include "core/CardRead.h"
#include "core/KeyTypes.h"
#include "core/Money.h"
#include "core/Result.h"
#include "core/ledger/HostQueueTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The requests the terminal sends to the card host, built from the transaction catalogue's rules
// (acquirer-protocol.md §4, §5, §9.2) and the project's choices (docs/acquirer-protocol.md). Pure functions:
// no keys, no I/O. Field 64 is left to the engine (the MAC is computed by whoever holds the MAK).
namespace pos {
namespace acquirer {

// Per-acquirer framing and codes ([A] points; defaults in docs/acquirer-protocol.md).
struct MessageProfile
{
    QByteArray tpdu = QByteArray::fromHex("6000030000");
    QByteArray magstripeHeader = QByteArray::fromHex("603100310000"); // byte 0 0x60: magstripe financial
    QByteArray icHeader = QByteArray::fromHex("613100310000");        // byte 0 0x61: IC financial
    QString currency = QStringLiteral("156");
    QString operatorCode = QStringLiteral("01 ");
    WorkKeyLayout keyLayout = WorkKeyLayout::TripleDes003;
    QString sm4SignOnCode = QStringLiteral("006");
    QString readCapability = QStringLiteral("6"); // 60.4: magstripe, contact IC and contactless
    // First-swipe activation (docs/acquirer-protocol.md "First-swipe activation") [A]: a 0200 with this
    // processing code and 60.1, no F4, otherwise like a balance inquiry; the PIN is required unless turned
    // off.
    QString activationProcessingCode = QStringLiteral("310000");
    QString activationTypeCode = QStringLiteral("90");
    bool activationRequiresPin = true;
};

enum class FinancialKind { Sale, Void, Refund, BalanceInquiry, Activation };

// The earlier payment a void or refund refers to (F37, F38, F61).
struct OriginalTransaction
{
    QString rrn;
    QString authCode;
    int batchNo = 0;
    int stan = 0;
    QString dateMmdd; // refunds: 61.3, the original's local date
    Money amount;
};

// 60.3 of the sign-on for a key layout (001, 003, 004, or the SM4 code).
QString signOnNetworkCode(const MessageProfile& profile);
// Length of F52 for the profile [A]: 16 bytes with SM4 work keys (Sm4006), else 8. The codec's field table
// must match: FieldTable::cupDefault(pinBlockSize(profile)).
PinBlockSize pinBlockSize(const MessageProfile& profile);

// 0800 sign-on (F63 operator), 0820 sign-off (002) or echo (301), 0500 settlement, 0320 batch upload.
Result<IsoMessage> signOnRequest(const MessageProfile& profile, const TerminalTrace& trace);
Result<IsoMessage>
networkRequest(const MessageProfile& profile, const TerminalTrace& trace, const QString& code);
Result<IsoMessage> settlementRequest(const MessageProfile& profile,
                                     const TerminalTrace& trace,
                                     const pos::SettlementTotals& totals);
// At most batchUploadRecordsPerMessage records per message.
constexpr int batchUploadRecordsPerMessage = 8;
Result<IsoMessage> batchUploadRequest(const MessageProfile& profile,
                                      const TerminalTrace& trace,
                                      const QList<BatchCardRecord>& records);
// One IC (chip or contactless) transaction's detail (reference §3 60.3 203 balanced / 205 unbalanced):
// F3/F4/F22/F23/F55 (the reversal subset the ledger kept) from the record's payload, F61 = the original's
// batch and STAN. [A] No F2: the terminal never keeps the full PAN; the host matches on TID + batch + STAN.
// InvalidInput when the record has no readable payload.
Result<IsoMessage> icDetailUploadRequest(const MessageProfile& profile,
                                         const TerminalTrace& trace,
                                         int batchNo,
                                         const BatchCardRecord& record,
                                         bool unbalanced);
// A chip or contactless record whose payload holds F4 and F55: it goes alone as 203/205; the rest in 201
// groups.
bool isIcRecord(const BatchCardRecord& record);
Result<IsoMessage> batchUploadEndRequest(const MessageProfile& profile,
                                         const TerminalTrace& trace,
                                         int uploadedCount,
                                         bool afterUnbalanced);

// A financial request (0200 sale/void/balance/activation, 0220 refund) without F64. An activation without a
// PIN block when the profile requires one is InvalidInput. card may be null for a void;
// original is required for void and refund. pinScheme selects 53.2 (3DES 6, SM4 4).
Result<IsoMessage> financialRequest(const MessageProfile& profile,
                                    FinancialKind kind,
                                    const TerminalTrace& trace,
                                    Money amount,
                                    const CardRead* card,
                                    const OriginalTransaction* original,
                                    KeyScheme pinScheme);

// The request's non-sensitive fields as the recovery payload the ledger keeps (JSON): never F2, F14, F35,
// F36, F52 or F53; F55 reduced to the reversal subset (95, 9F1E, 9F10, 9F36, DF31).
QByteArray recoveryPayload(const IsoMessage& request);
// From a payload and the original trace: a 0400 reversal (F11 = the original STAN, F39 = reasonCode) or, for
// a refund's payload, the same 0220 again (same STAN, no card data).
Result<IsoMessage> recoveryRequest(const MessageProfile& profile,
                                   QByteArrayView payload,
                                   const TerminalTrace& original,
                                   const QString& reasonCode);

// "0210" for "0200" (the third digit moves to the response class; the fourth is ignored).
QString responseMtiFor(const QString& requestMti);
// Matching rule of §9.3.1: response MTI class, F11, F41 and F42 equal the request's. The failure detail says
// which part differs.
Result<> checkResponseMatches(const IsoMessage& request, const IsoMessage& response);
// Whether a response must carry a verified F64 (wire contract: 0210/0230/0410 when F39 = 00) .
bool responseNeedsMac(const IsoMessage& response);
// Whether a request carries F64 (0200, 0220, 0400).
bool requestNeedsMac(const QString& mti);

} // namespace acquirer
} // namespace pos
