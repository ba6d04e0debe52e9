// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/crypto/CupMac.h"
#include "acquirer/crypto/PinBlock.h"
#include "acquirer/crypto/TrackEncryption.h"
#include "acquirer/crypto/WorkKeys.h"
#include "acquirer/iso8583/Iso8583Codec.h"
#include "acquirer/iso8583/StructuredFields.h"
#include "simulators/acquirer/TestCards.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The terminal side of the wire contract, built directly from the codec and the crypto functions, for the
// card host tests (in-process and over TLS). Deliberately independent of the production terminal engine.
// A helper that cannot build its message returns an empty IsoMessage (MTI ""), which the tests then see as
// an encoding failure.
namespace pos {
namespace test {

class SimTestTerminal
{
public:
    SimTestTerminal(QString tid, QString mid, QByteArray tmk, KeyScheme tmkScheme = KeyScheme::TripleDes)
        : codec(acquirer::FieldTable::cupDefault(
              tmkScheme == KeyScheme::Sm4 ? acquirer::PinBlockSize::Bytes16 : acquirer::PinBlockSize::Bytes8))
        , m_tid(std::move(tid))
        , m_mid(std::move(mid))
        , m_tmk(std::move(tmk))
        , m_tmkScheme(tmkScheme)
    {}

    acquirer::Iso8583Codec codec; // the SM4 profile (16-byte F52) for an SM4 TMK
    QString batch = QStringLiteral("000001");
    int stan = 0;
    std::optional<WorkKeyLayout> layout;
    acquirer::WorkKeySet keys;

    QString nextStan() { return QStringLiteral("%1").arg(++stan, 6, 10, QLatin1Char('0')); }

    acquirer::IsoMessage base(const QString& mti, bool ic = false) const
    {
        acquirer::IsoMessage message(mti);
        message.setTpdu(QByteArray::fromHex("6000030000"));
        message.setHeader(QByteArray::fromHex(ic ? "613100310000" : "603100310000"));
        message.setText(41, m_tid);
        message.setText(42, m_mid);
        return message;
    }

    static QString f60(const QString& type,
                       const QString& batchNumber,
                       const QString& code,
                       const QString& readCapability = QString())
    {
        QString digits = type + batchNumber + code;
        if (!readCapability.isEmpty())
            digits += readCapability + QLatin1Char('0');
        return digits;
    }

    acquirer::IsoMessage signOn(const QString& layoutCode = QStringLiteral("004"))
    {
        acquirer::IsoMessage message = base(QStringLiteral("0800"));
        message.setDigits(11, nextStan());
        message.setDigits(60, f60(QStringLiteral("00"), batch, layoutCode));
        message.setField(63, acquirer::buildOperatorCode(u"01 ").value());
        return message;
    }

    // Unwraps F62 under the TMK and adopts 60.2. False when anything does not fit (KCV mismatch included).
    bool adoptSignOn(const acquirer::IsoMessage& response)
    {
        const auto f60 = acquirer::Field60::parse(response.digits(60));
        if (!f60 || response.text(39) != QLatin1String("00"))
            return false;
        const auto selected = acquirer::workKeyLayoutForCode(f60.value().networkCode);
        if (!selected)
            return false;
        auto unwrapped = acquirer::unwrapWorkKeys(*selected, m_tmkScheme, m_tmk, response.field(62));
        if (!unwrapped || !unwrapped.value().check.allMatch())
            return false;
        keys = std::move(unwrapped.value().keys);
        layout = selected;
        batch = f60.value().batchNumber;
        return true;
    }

    KeyScheme scheme(WorkKeyRole role) const { return acquirer::workKeyScheme(*layout, role); }

    struct SaleOptions
    {
        std::optional<QString> pin; // a PIN block when set
        bool encryptTrack = false;  // F35 under the TDK, F53.3 = 1
        bool withIcData = true;     // F55 for chip/contactless cards
        // That F55; empty: the fixed sample of icData(), whose ARQC verifies under no key.
        QByteArray icData = QByteArray();
        QString processingCode = QStringLiteral("000000");
        QString transactionType = QStringLiteral("22");
    };

    acquirer::IsoMessage sale(const sim::TestCard& card, qint64 amountFen, const SaleOptions& options)
    {
        const bool ic = card.kind != sim::TestCard::Magstripe;
        acquirer::IsoMessage message = base(QStringLiteral("0200"), ic);
        message.setDigits(2, card.pan);
        message.setDigits(3, options.processingCode);
        if (amountFen > 0)
            message.setDigits(4, QStringLiteral("%1").arg(amountFen, 12, 10, QLatin1Char('0')));
        message.setDigits(11, nextStan());
        message.setDigits(14, card.expiry);
        const QString mode = card.kind == sim::TestCard::Chip          ? QStringLiteral("05")
                             : card.kind == sim::TestCard::Contactless ? QStringLiteral("07")
                                                                       : QStringLiteral("02");
        message.setDigits(22, QString(mode + (options.pin ? QStringLiteral("1") : QStringLiteral("2"))));
        if (ic)
            message.setDigits(23, card.cardSequence);
        message.setDigits(25, QStringLiteral("00"));
        QByteArray track = sim::track2Of(card).toLatin1();
        if (options.encryptTrack)
            track = acquirer::encryptTrack(scheme(WorkKeyRole::Track), keys.key(WorkKeyRole::Track), track)
                        .value();
        message.setField(35, track);
        message.setText(49, u"156");
        const QString algorithm =
            *layout == WorkKeyLayout::Sm4006 ? QStringLiteral("4") : QStringLiteral("2");
        if (options.pin) {
            message.setDigits(26, QStringLiteral("06"));
            message.setField(52,
                             acquirer::encryptPinBlock(scheme(WorkKeyRole::Pin), keys.key(WorkKeyRole::Pin),
                                                       options.pin->toLatin1(), card.pan.toLatin1())
                                 .value());
        }
        if (options.pin || options.encryptTrack)
            message.setDigits(53, QString(algorithm + QStringLiteral("0") +
                                          (options.encryptTrack ? QStringLiteral("1") : QStringLiteral("0")) +
                                          QString(13, QLatin1Char('0'))));
        if (ic && options.withIcData)
            message.setField(55, options.icData.isEmpty() ? icData() : options.icData);
        const QString capability = card.kind == sim::TestCard::Chip          ? QStringLiteral("5")
                                   : card.kind == sim::TestCard::Contactless ? QStringLiteral("6")
                                                                             : QStringLiteral("2");
        message.setDigits(60, f60(options.transactionType, batch, QStringLiteral("000"), capability));
        return withMac(std::move(message));
    }

    static QByteArray icData()
    {
        QList<acquirer::TlvElement> elements;
        elements.append({0x9F26, QByteArray::fromHex("46FD62985CAAE758"), {}, {}});
        elements.append({0x9F27, QByteArray::fromHex("80"), {}, {}});
        elements.append({0x9F10, QByteArray::fromHex("07011703A00000010A0100000500001EF41C46"), {}, {}});
        elements.append({0x9F36, QByteArray::fromHex("0C66"), {}, {}});
        elements.append({0x95, QByteArray::fromHex("0000000000"), {}, {}});
        return acquirer::buildIcData(elements).value();
    }

    acquirer::IsoMessage voidOf(const QString& originalStan,
                                const QString& originalRrn,
                                qint64 amountFen,
                                const QString& originalBatch = QString())
    {
        acquirer::IsoMessage message = base(QStringLiteral("0200"));
        message.setDigits(3, QStringLiteral("200000"));
        message.setDigits(4, QStringLiteral("%1").arg(amountFen, 12, 10, QLatin1Char('0')));
        message.setDigits(11, nextStan());
        message.setDigits(25, QStringLiteral("00"));
        message.setText(37, originalRrn);
        message.setText(49, u"156");
        message.setDigits(60, f60(QStringLiteral("23"), batch, QStringLiteral("000"), QStringLiteral("2")));
        message.setDigits(61, QString((originalBatch.isEmpty() ? batch : originalBatch) + originalStan));
        return withMac(std::move(message));
    }

    acquirer::IsoMessage refund(const sim::TestCard& card,
                                const QString& originalRrn,
                                const QString& originalStan,
                                qint64 amountFen,
                                const QString& originalDate)
    {
        acquirer::IsoMessage message = base(QStringLiteral("0220"));
        message.setDigits(2, card.pan);
        message.setDigits(3, QStringLiteral("200000"));
        message.setDigits(4, QStringLiteral("%1").arg(amountFen, 12, 10, QLatin1Char('0')));
        message.setDigits(11, nextStan());
        message.setDigits(14, card.expiry);
        message.setDigits(22, QStringLiteral("022"));
        message.setDigits(25, QStringLiteral("00"));
        message.setField(35, sim::track2Of(card).toLatin1());
        message.setText(37, originalRrn);
        message.setText(49, u"156");
        message.setDigits(60, f60(QStringLiteral("25"), batch, QStringLiteral("000"), QStringLiteral("2")));
        message.setDigits(61, QString(batch + originalStan + originalDate));
        message.setField(63, acquirer::buildOperatorCode(u"000").value());
        return withMac(std::move(message));
    }

    // The 0400 for an original 0200: same STAN and identifying fields, never F2/F35/F52.
    acquirer::IsoMessage reversalOf(const acquirer::IsoMessage& original, const QString& reason)
    {
        acquirer::IsoMessage message = base(QStringLiteral("0400"));
        for (const int field : {3, 4, 11, 14, 22, 23, 25, 37, 38, 49, 60, 61}) {
            if (original.hasField(field))
                message.setField(field, original.field(field));
        }
        message.setText(39, reason);
        return withMac(std::move(message));
    }

    acquirer::IsoMessage settlement(const acquirer::SettlementTotals& totals)
    {
        acquirer::IsoMessage message = base(QStringLiteral("0500"));
        message.setDigits(11, nextStan());
        message.setDigits(48, totals.build().value());
        message.setText(49, u"156");
        message.setDigits(60, f60(QStringLiteral("00"), batch, QStringLiteral("201")));
        message.setField(63, acquirer::buildOperatorCode(u"01 ").value());
        return message;
    }

    acquirer::IsoMessage uploadRecords(int count)
    {
        acquirer::IsoMessage message = base(QStringLiteral("0320"));
        message.setDigits(11, nextStan());
        QString f48 = QStringLiteral("%1").arg(count, 2, 10, QLatin1Char('0'));
        for (int i = 0; i < count; ++i)
            f48 += QStringLiteral("22") + QStringLiteral("%1").arg(i + 1, 6, 10, QLatin1Char('0')) +
                   QStringLiteral("62258800000000311800") + QStringLiteral("000000010000");
        message.setDigits(48, f48);
        message.setDigits(60, f60(QStringLiteral("00"), batch, QStringLiteral("201")));
        return message;
    }

    acquirer::IsoMessage uploadEnd(const QString& code, int total)
    {
        acquirer::IsoMessage message = base(QStringLiteral("0320"));
        message.setDigits(11, nextStan());
        message.setDigits(48, acquirer::buildBatchUploadCount(total).value());
        message.setDigits(60, f60(QStringLiteral("00"), batch, code));
        return message;
    }

    acquirer::IsoMessage management(const QString& code)
    {
        acquirer::IsoMessage message = base(QStringLiteral("0820"));
        message.setDigits(11, nextStan());
        message.setDigits(60, f60(QStringLiteral("00"), batch, code));
        return message;
    }

    QByteArray macOf(const acquirer::IsoMessage& message) const
    {
        const auto block = codec.macBlock(message);
        if (!block || !layout)
            return {};
        const auto mac = acquirer::computeMac(MacAlgorithm::CupEcb, scheme(WorkKeyRole::Mac),
                                              keys.key(WorkKeyRole::Mac), block.value());
        return mac ? mac.value() : QByteArray();
    }

    acquirer::IsoMessage withMac(acquirer::IsoMessage message) const
    {
        if (layout)
            message.setField(64, macOf(message));
        return message;
    }

    QByteArray frame(const acquirer::IsoMessage& message) const
    {
        const auto encoded = codec.encodeFrame(message);
        return encoded ? encoded.value() : QByteArray();
    }

private:
    QString m_tid;
    QString m_mid;
    QByteArray m_tmk;
    KeyScheme m_tmkScheme;
};

} // namespace test
} // namespace pos
