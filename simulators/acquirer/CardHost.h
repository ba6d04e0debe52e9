// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/iso8583/Iso8583Codec.h"
#include "acquirer/iso8583/IsoMessage.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace pos {
namespace sim {

class HostLedger;
struct HostTerminal;
struct TestCard;

// What the card host answers to one request frame.
struct HostReply
{
    // The response frame, length prefix included. Empty when the request could not be parsed (or is not a
    // request): the session then closes the connection without answering.
    QByteArray frame;
    QString responseCode; // F39 of the answer, empty without one
    bool hasMac = false;  // the frame ends with F64 (8 ASCII hex characters)
    // Identity of the request, for logs and the fault table; empty for unparseable input.
    QString requestMti;
    QString tid;
    QString stan;
};

// The transport-independent CUP card host of the acquirer simulator (the wire contract between the terminal
// engine and this host is docs/acquirer-protocol.md; acquirer-protocol.md §4, §5, §9 for the reference).
//
// Handles 0800 sign-on (fresh random work keys per sign-on, wrapped under the terminal's TMK), 0820 sign-off
// and echo, 0200 sale / balance inquiry / sale void, 0220 refund, 0400 reversal, 0500 settlement and 0320
// batch upload. Decisions, in this order, for every request of a registered terminal:
//   unknown TID or MID → 97; a request other than 0800/0820 before any sign-on → 96 (header requirement 3,
//   "sign on again"); 0200/0220/0400 without a valid F64 under the current MAK → A0 (requirement 3);
//   0200/0220 whose TID + batch (60.2) + STAN was already decided → the first answer repeated byte for byte
//   when the request is identical (same MAC block), 94 otherwise or when a reversal tombstone holds the key.
// Sale: F35 is decrypted with the TDK when F53.3 = 1 and must agree with F2/F14 (else 14); unknown card 14;
// IC/contactless (F22 05x/07x) without F55 carrying 9F26 (8 bytes), 9F36, 95 and 9F10 → 30 (format error);
// then the test-card table: lost 41, expired 54, PIN (F52 decrypted with the PIK) ≠ card PIN 55, card limit
// or terminal single/daily limit 61, balance 51, else 00. Unparseable subfields answer 30; an unexpected
// storage failure answers 96 and is logged.
// First swipe (docs/acquirer-protocol.md "First-swipe activation"): a terminal registered by the JSON API's
// activation is pending until its activation transaction (0200, F3 310000, 60.1 90, PIN required) passes the
// balance inquiry's card checks; until then every other 0200/0220 answers 40. The approval (00) carries the
// terminal's limits and fees in F62 and makes it active; an active terminal's further activation answers 00
// with the same terms and records no second activation; a 0400 of the recorded activation makes the terminal
// pending again.
//
// Everything decided is committed to the HostLedger before handle() returns the answer. Responses carry F64
// when F39 = 00 on 0210/0230/0410. The response TPDU swaps destination and source; the header is the
// request's with the low nibble of byte 2 set to the processing requirement. Logs never contain card data or
// keys. One thread only.
class CardHost final : public QObject
{
    Q_OBJECT

public:
    // Clock of the host (F12/F13, expiry and daily limits); tests may pin it.
    using Clock = std::function<QDateTime()>;

    explicit CardHost(HostLedger& ledger, QObject* parent = nullptr);
    ~CardHost() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    // F32 of every response, n..11 [A]. Default "00010000".
    void setAcquirerId(QString id) { m_acquirerId = std::move(id); }
    // Off by default. On: a chip/contactless sale, balance inquiry or refund whose F55 carries 9F26 must
    // carry an ARQC that sim::verifyIccData() accepts under the PIN pad emulator's test issuer key
    // (EmvTestCard.h) for F2 and F23, else 59 (card verification error), checked right after the F55
    // completeness check.
    void setVerifyArqc(bool verify) { m_verifyArqc = verify; }

    // The codec of the default profile (F52 8 bytes); terminals with SM4 keys use the SM4 profile (F52 16
    // bytes, docs/acquirer-protocol.md).
    const acquirer::Iso8583Codec& codec() const { return m_codec; }
    const acquirer::Iso8583Codec& codecFor(const HostTerminal& terminal) const;

    // One complete frame, length prefix included.
    HostReply handle(QByteArrayView requestFrame);
    // The body of one frame (what FrameReassembler yields).
    HostReply handleBody(QByteArrayView body);
    // An already decoded request.
    HostReply handleMessage(const acquirer::IsoMessage& request);

    // The request decoded, for callers that must look at it before deciding to process it (faults). F52's
    // length depends on the terminal's profile and F41 precedes it: the body is decoded with the default
    // table, and with the SM4 table when that fails or F41 names a terminal with SM4 keys; the decoding
    // that fits the terminal wins, else the default one (or its error).
    Result<acquirer::IsoMessage> decodeBody(QByteArrayView body) const;

    // An answer with responseCode that processes nothing and carries no MAC (fault injection rcNN, or any
    // refusal). Empty frame when request is not a request MTI.
    HostReply
    refuse(const acquirer::IsoMessage& request, const QString& responseCode, int processingRequirement = 0);

Q_SIGNALS:
    // A 0400 for this terminal and STAN was processed and committed (whatever it matched).
    void reversalProcessed(const QString& tid, const QString& stan);

private:
    struct Decision;

    // Response skeleton: MTI + 10, swapped TPDU, header with the processing requirement, echoed fields.
    acquirer::IsoMessage responseFor(const acquirer::IsoMessage& request, int processingRequirement) const;
    HostReply finish(const acquirer::IsoMessage& request,
                     acquirer::IsoMessage response,
                     const HostTerminal* macTerminal);
    Result<QByteArray> macFor(const HostTerminal& terminal, const acquirer::IsoMessage& message) const;
    bool requestMacValid(const HostTerminal& terminal, const acquirer::IsoMessage& request) const;

    HostReply signOn(const acquirer::IsoMessage& request, const HostTerminal& terminal);
    HostReply signOffOrEcho(const acquirer::IsoMessage& request, const HostTerminal& terminal);
    HostReply financial(const acquirer::IsoMessage& request, const HostTerminal& terminal);
    HostReply reversal(const acquirer::IsoMessage& request, const HostTerminal& terminal);
    HostReply settlement(const acquirer::IsoMessage& request, const HostTerminal& terminal);
    HostReply batchUpload(const acquirer::IsoMessage& request, const HostTerminal& terminal);

    Decision
    decideSale(const acquirer::IsoMessage& request, const HostTerminal& terminal, bool balanceInquiry);
    Decision decideActivation(const acquirer::IsoMessage& request, const HostTerminal& terminal);
    Decision decideVoid(const acquirer::IsoMessage& request, const HostTerminal& terminal);
    Decision decideRefund(const acquirer::IsoMessage& request, const HostTerminal& terminal);
    // Card checks shared by sale and balance inquiry: fills pan/card or sets the decline code.
    void checkCard(const acquirer::IsoMessage& request,
                   const HostTerminal& terminal,
                   bool pinRequired,
                   Decision& decision);

    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTime(); }
    HostReply storageFailure(const acquirer::IsoMessage& request, const Error& error);

    HostLedger& m_ledger;
    acquirer::Iso8583Codec m_codec;
    acquirer::Iso8583Codec m_sm4Codec;
    Clock m_clock;
    QString m_acquirerId = QStringLiteral("00010000");
    bool m_verifyArqc = false;
};

// "622588******3118": first 6 and last 4 digits, the rest '*'; PANs shorter than 11 digits are all '*'.
QString maskPan(QStringView pan);

} // namespace sim
} // namespace pos
