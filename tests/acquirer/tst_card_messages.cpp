// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/engine/CardMessages.h"
#include "acquirer/iso8583/Iso8583Codec.h"
#include "acquirer/iso8583/StructuredFields.h"
#include "support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;

Q_DECLARE_METATYPE(pos::CardEntry)
Q_DECLARE_METATYPE(pos::acquirer::FinancialKind)

namespace {

const TerminalTrace trace{u"12345678"_qs, u"123456789012345"_qs, 42, 123};

CardRead magstripeCard(bool withPin)
{
    CardRead card;
    card.entry = CardEntry::Magstripe;
    card.pan = u"6225880137563118"_qs;
    card.panMasked = u"622588******3118"_qs;
    card.expiry = u"2512"_qs;
    card.track2 = QByteArrayLiteral("6225880137563118D25122010000000000");
    if (withPin)
        card.pinBlock = QByteArray::fromHex("F770027C86263587");
    return card;
}

CardRead chipCard()
{
    CardRead card = magstripeCard(true);
    card.entry = CardEntry::Chip;
    card.cardSequence = u"001"_qs;
    // 9F26 (ARQC), 9F36 (ATC), 95 (TVR), 9F10 (IAD), 5F2A (currency): 9F26 and 5F2A are not reversal tags.
    card.icData = QByteArray::fromHex("9F26081122334455667788"
                                      "9F36020001"
                                      "950500000000"
                                      "00"
                                      "9F100701010103A00000"
                                      "5F2A020156");
    return card;
}

OriginalTransaction original()
{
    return {u"000000000777"_qs, u"AB1234"_qs, 41, 99, u"1121"_qs, Money::fromFen(10000)};
}

// Encodes and decodes the message: the codec's strict checks are the format test of every field.
IsoMessage throughCodec(const IsoMessage& message)
{
    const Iso8583Codec codec;
    const Result<QByteArray> body = codec.encode(message);
    if (!body) {
        qWarning().noquote() << body.error().detail;
        return {};
    }
    const Result<IsoMessage> decoded = codec.decode(body.value());
    return decoded ? decoded.value() : IsoMessage();
}

} // namespace

class tst_CardMessages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signOnFollowsTheReferenceLayout_data()
    {
        QTest::addColumn<WorkKeyLayout>("layout");
        QTest::addColumn<QString>("code");
        QTest::newRow("001") << WorkKeyLayout::Des001 << u"001"_qs;
        QTest::newRow("003") << WorkKeyLayout::TripleDes003 << u"003"_qs;
        QTest::newRow("004") << WorkKeyLayout::TripleDesTrack004 << u"004"_qs;
        QTest::newRow("sm4") << WorkKeyLayout::Sm4006 << u"006"_qs;
    }
    void signOnFollowsTheReferenceLayout()
    {
        QFETCH(WorkKeyLayout, layout);
        QFETCH(QString, code);
        MessageProfile profile;
        profile.keyLayout = layout;
        const Result<IsoMessage> request =
            signOnRequest(profile, {u"12345678"_qs, u"123456789012345"_qs, 1, 1});
        POS_VERIFY_RESULT(request);
        // Reference §1.1: fields 11, 41, 42, 60, 63.
        const IsoMessage decoded = throughCodec(request.value());
        QCOMPARE(decoded.mti(), u"0800"_qs);
        QCOMPARE(decoded.fieldNumbers(), (QList<int>{11, 41, 42, 60, 63}));
        QCOMPARE(decoded.digits(60), u"00000001"_qs + code);
        QCOMPARE(decoded.field(63), QByteArrayLiteral("01 "));
    }

    // [A] F52 follows the profile: the SM4 layout sends the 16-byte SM4 PIN block, every other one 8 bytes;
    // the codec built from pinBlockSize(profile) frames it, the other profile's codec refuses it.
    void pinBlockSizeFollowsTheKeyLayout_data()
    {
        QTest::addColumn<WorkKeyLayout>("layout");
        QTest::addColumn<int>("pinBlockBytes");
        QTest::newRow("001") << WorkKeyLayout::Des001 << 8;
        QTest::newRow("003") << WorkKeyLayout::TripleDes003 << 8;
        QTest::newRow("004") << WorkKeyLayout::TripleDesTrack004 << 8;
        QTest::newRow("sm4") << WorkKeyLayout::Sm4006 << 16;
    }
    void pinBlockSizeFollowsTheKeyLayout()
    {
        QFETCH(WorkKeyLayout, layout);
        QFETCH(int, pinBlockBytes);
        MessageProfile profile;
        profile.keyLayout = layout;
        QCOMPARE(static_cast<int>(pinBlockSize(profile)), pinBlockBytes);
        CardRead card = magstripeCard(true);
        card.pinBlock = QByteArray(pinBlockBytes, '\x5C');
        const KeyScheme scheme = layout == WorkKeyLayout::Sm4006 ? KeyScheme::Sm4 : KeyScheme::TripleDes;
        const Result<IsoMessage> sale = financialRequest(profile, FinancialKind::Sale, trace,
                                                         Money::fromFen(100), &card, nullptr, scheme);
        POS_VERIFY_RESULT(sale);
        const Iso8583Codec codec(FieldTable::cupDefault(pinBlockSize(profile)));
        const Result<QByteArray> body = codec.encode(sale.value());
        POS_VERIFY_RESULT(body);
        const Result<IsoMessage> decoded = codec.decode(body.value());
        POS_VERIFY_RESULT(decoded);
        QCOMPARE(decoded.value().field(52), card.pinBlock);
        const PinBlockSize other = pinBlockBytes == 16 ? PinBlockSize::Bytes8 : PinBlockSize::Bytes16;
        QVERIFY(!Iso8583Codec(FieldTable::cupDefault(other)).encode(sale.value()));
    }

    void saleCarriesTheCardFields_data()
    {
        QTest::addColumn<CardEntry>("entry");
        QTest::addColumn<bool>("withPin");
        QTest::addColumn<QString>("field22");
        QTest::addColumn<QList<int>>("fields");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("swipe with PIN") << CardEntry::Magstripe << true << u"021"_qs
                                        << QList<int>{2, 3, 4, 11, 14, 22, 25, 26, 35, 41, 42, 49, 52, 53, 60}
                                        << QByteArray::fromHex("603100310000");
        QTest::newRow("swipe without PIN")
            << CardEntry::Magstripe << false << u"022"_qs
            << QList<int>{2, 3, 4, 11, 14, 22, 25, 35, 41, 42, 49, 60} << QByteArray::fromHex("603100310000");
        QTest::newRow("chip") << CardEntry::Chip << true << u"051"_qs
                              << QList<int>{2, 3, 4, 11, 14, 22, 23, 25, 26, 35, 41, 42, 49, 52, 53, 55, 60}
                              << QByteArray::fromHex("613100310000");
    }
    void saleCarriesTheCardFields()
    {
        QFETCH(CardEntry, entry);
        QFETCH(bool, withPin);
        QFETCH(QString, field22);
        QFETCH(QList<int>, fields);
        QFETCH(QByteArray, header);
        CardRead card = entry == CardEntry::Chip ? chipCard() : magstripeCard(withPin);
        const Result<IsoMessage> request =
            financialRequest(MessageProfile(), FinancialKind::Sale, trace, Money::fromFen(10000), &card,
                             nullptr, KeyScheme::TripleDes);
        POS_VERIFY_RESULT(request);
        const IsoMessage decoded = throughCodec(request.value());
        QCOMPARE(decoded.fieldNumbers(), fields);
        QCOMPARE(decoded.digits(22), field22);
        QCOMPARE(decoded.digits(4), u"000000010000"_qs);
        QCOMPARE(decoded.digits(11), u"000123"_qs);
        QCOMPARE(decoded.header(), header);
        QCOMPARE(decoded.digits(60), u"2200004200060"_qs);
    }

    void voidAndRefundNameTheOriginal_data()
    {
        QTest::addColumn<FinancialKind>("kind");
        QTest::addColumn<QString>("mti");
        QTest::addColumn<QString>("field61");
        QTest::addColumn<bool>("hasAuthCode");
        QTest::addColumn<bool>("hasOperator000");
        QTest::newRow("void") << FinancialKind::Void << u"0200"_qs << u"000041000099"_qs << true << false;
        QTest::newRow("refund") << FinancialKind::Refund << u"0220"_qs << u"0000410000991121"_qs << false
                                << true;
    }
    void voidAndRefundNameTheOriginal()
    {
        QFETCH(FinancialKind, kind);
        QFETCH(QString, mti);
        QFETCH(QString, field61);
        QFETCH(bool, hasAuthCode);
        QFETCH(bool, hasOperator000);
        const CardRead card = magstripeCard(false);
        const OriginalTransaction originalTransaction = original();
        const Result<IsoMessage> request =
            financialRequest(MessageProfile(), kind, trace, Money::fromFen(10000), &card,
                             &originalTransaction, KeyScheme::TripleDes);
        POS_VERIFY_RESULT(request);
        const IsoMessage decoded = throughCodec(request.value());
        QCOMPARE(decoded.mti(), mti);
        QCOMPARE(decoded.digits(3), u"200000"_qs);
        QCOMPARE(decoded.text(37), u"000000000777"_qs);
        QCOMPARE(decoded.digits(61), field61);
        QCOMPARE(decoded.hasField(38), hasAuthCode);
        QCOMPARE(decoded.field(63) == QByteArrayLiteral("000"), hasOperator000);
    }

    void voidOrRefundWithoutOriginalIsRefused_data()
    {
        QTest::addColumn<FinancialKind>("kind");
        QTest::newRow("void") << FinancialKind::Void;
        QTest::newRow("refund") << FinancialKind::Refund;
    }
    void voidOrRefundWithoutOriginalIsRefused()
    {
        QFETCH(FinancialKind, kind);
        const CardRead card = magstripeCard(false);
        const Result<IsoMessage> request = financialRequest(
            MessageProfile(), kind, trace, Money::fromFen(100), &card, nullptr, KeyScheme::TripleDes);
        QVERIFY(!request);
        QCOMPARE(request.error().code, ErrorCode::InvalidInput);
    }

    void recoveryPayloadHoldsNoCardData()
    {
        const CardRead card = chipCard();
        const Result<IsoMessage> request =
            financialRequest(MessageProfile(), FinancialKind::Sale, trace, Money::fromFen(10000), &card,
                             nullptr, KeyScheme::TripleDes);
        POS_VERIFY_RESULT(request);
        const QByteArray payload = recoveryPayload(request.value());
        // Neither the PAN nor the track nor the PIN block, in any spelling.
        QVERIFY(!payload.contains("6225880137563118"));
        QVERIFY(!payload.contains(QByteArray("6225880137563118").toHex()));
        QVERIFY(!payload.toUpper().contains("F770027C86263587"));
        const QJsonObject fields = QJsonDocument::fromJson(payload).object().value(u"fields"_qs).toObject();
        for (const QString& number : {u"2"_qs, u"14"_qs, u"35"_qs, u"52"_qs, u"53"_qs})
            QVERIFY2(!fields.contains(number), qPrintable(number));
        // F55 keeps the reversal subset only: no ARQC (9F26), no currency (5F2A).
        const Result<QList<TlvElement>> ic =
            parseIcData(QByteArray::fromHex(fields.value(u"55"_qs).toString().toLatin1()));
        POS_VERIFY_RESULT(ic);
        QList<quint32> tags;
        for (const TlvElement& element : ic.value())
            tags << element.tag;
        QCOMPARE(tags, (QList<quint32>{0x9F36, 0x95, 0x9F10}));
    }

    void icDetailUploadCarriesTheChipDataNotTheCard_data()
    {
        QTest::addColumn<bool>("unbalanced");
        QTest::addColumn<QString>("code");
        QTest::newRow("balanced 203") << false << u"203"_qs;
        QTest::newRow("unbalanced 205") << true << u"205"_qs;
    }
    void icDetailUploadCarriesTheChipDataNotTheCard()
    {
        QFETCH(bool, unbalanced);
        QFETCH(QString, code);
        const CardRead card = chipCard();
        const Result<IsoMessage> sale =
            financialRequest(MessageProfile(), FinancialKind::Sale, trace, Money::fromFen(10000), &card,
                             nullptr, KeyScheme::TripleDes);
        POS_VERIFY_RESULT(sale);
        const BatchCardRecord record{
            u"sale"_qs, 42, card.panMasked, Money::fromFen(10000), u"chip"_qs, recoveryPayload(sale.value())};
        QVERIFY(isIcRecord(record));
        const Result<IsoMessage> upload =
            icDetailUploadRequest(MessageProfile(), trace, 7, record, unbalanced);
        POS_VERIFY_RESULT(upload);
        QCOMPARE(upload.value().mti(), u"0320"_qs);
        QCOMPARE(upload.value().digits(60).mid(8, 3), code);
        // F55: the reversal subset the ledger kept, not the ARQC.
        const Result<QList<TlvElement>> ic = parseIcData(upload.value().field(55));
        POS_VERIFY_RESULT(ic);
        QList<quint32> tags;
        for (const TlvElement& element : ic.value())
            tags << element.tag;
        QCOMPARE(tags, (QList<quint32>{0x9F36, 0x95, 0x9F10}));
        QCOMPARE(upload.value().digits(61).left(12), u"000007000042"_qs);
        for (int number : {2, 14, 35, 52})
            QVERIFY2(!upload.value().hasField(number), qPrintable(QString::number(number)));
        // A record without a payload cannot be uploaded as IC detail (negative control).
        const BatchCardRecord bare{u"sale"_qs, 43, card.panMasked, Money::fromFen(1), u"chip"_qs, {}};
        QVERIFY(!icDetailUploadRequest(MessageProfile(), trace, 7, bare, unbalanced));
        QVERIFY(!isIcRecord(bare)); // so it goes in a 201 group instead
    }

    void reversalRepeatsTheOriginal_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::newRow("timeout") << u"98"_qs;
        QTest::newRow("bad MAC") << u"A0"_qs;
    }
    void reversalRepeatsTheOriginal()
    {
        QFETCH(QString, reason);
        const CardRead card = chipCard();
        const Result<IsoMessage> request =
            financialRequest(MessageProfile(), FinancialKind::Sale, trace, Money::fromFen(10000), &card,
                             nullptr, KeyScheme::TripleDes);
        POS_VERIFY_RESULT(request);
        const Result<IsoMessage> reversal =
            recoveryRequest(MessageProfile(), recoveryPayload(request.value()), trace, reason);
        POS_VERIFY_RESULT(reversal);
        const IsoMessage decoded = throughCodec(reversal.value());
        QCOMPARE(decoded.mti(), u"0400"_qs);
        QCOMPARE(decoded.digits(11), request.value().digits(11)); // the original STAN, never a new one
        QCOMPARE(decoded.text(39), reason);
        for (int same : {3, 4, 22, 23, 25, 41, 42, 49, 60})
            QCOMPARE(decoded.field(same), request.value().field(same));
        for (int never : {2, 14, 35, 52, 53})
            QVERIFY2(!decoded.hasField(never), qPrintable(QString::number(never)));
        QCOMPARE(decoded.header(), request.value().header());
    }

    void refundRecoveryIsTheSame0220()
    {
        const CardRead card = magstripeCard(false);
        const OriginalTransaction originalTransaction = original();
        const Result<IsoMessage> request =
            financialRequest(MessageProfile(), FinancialKind::Refund, trace, Money::fromFen(500), &card,
                             &originalTransaction, KeyScheme::TripleDes);
        POS_VERIFY_RESULT(request);
        const Result<IsoMessage> advice =
            recoveryRequest(MessageProfile(), recoveryPayload(request.value()), trace, u"98"_qs);
        POS_VERIFY_RESULT(advice);
        QCOMPARE(advice.value().mti(), u"0220"_qs);
        QVERIFY(!advice.value().hasField(39));
        QCOMPARE(advice.value().digits(11), u"000123"_qs);
        QCOMPARE(advice.value().digits(61), request.value().digits(61));
    }

    void badPayloadIsRefused_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("not JSON") << QByteArrayLiteral("{");
        QTest::newRow("wrong MTI") << QByteArrayLiteral(R"({"mti":"0800","header":"","fields":{"60":""}})");
        QTest::newRow("card field") << QByteArrayLiteral(R"({"mti":"0200","header":"","fields":{"2":"31"}})");
        QTest::newRow("no field 60") << QByteArrayLiteral(R"({"mti":"0200","header":"","fields":{}})");
    }
    void badPayloadIsRefused()
    {
        QFETCH(QByteArray, payload);
        const Result<IsoMessage> reversal = recoveryRequest(MessageProfile(), payload, trace, u"98"_qs);
        QVERIFY(!reversal);
        QCOMPARE(reversal.error().code, ErrorCode::InvalidInput);
    }

    void responseMti_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("response");
        QTest::newRow("sale") << u"0200"_qs << u"0210"_qs;
        QTest::newRow("refund") << u"0220"_qs << u"0230"_qs;
        QTest::newRow("reversal") << u"0400"_qs << u"0410"_qs;
        QTest::newRow("reversal repeat") << u"0401"_qs << u"0410"_qs;
        QTest::newRow("sign-on") << u"0800"_qs << u"0810"_qs;
        QTest::newRow("echo") << u"0820"_qs << u"0830"_qs;
        QTest::newRow("batch upload") << u"0320"_qs << u"0330"_qs;
    }
    void responseMti()
    {
        QFETCH(QString, request);
        QFETCH(QString, response);
        QCOMPARE(responseMtiFor(request), response);
    }

    void responseMatching_data()
    {
        QTest::addColumn<QString>("mti");
        QTest::addColumn<QString>("stan");
        QTest::addColumn<QString>("terminal");
        QTest::addColumn<bool>("matches");
        QTest::newRow("match") << u"0210"_qs << u"000123"_qs << u"12345678"_qs << true;
        QTest::newRow("other STAN (late answer)") << u"0210"_qs << u"000122"_qs << u"12345678"_qs << false;
        QTest::newRow("other class") << u"0410"_qs << u"000123"_qs << u"12345678"_qs << false;
        QTest::newRow("other terminal") << u"0210"_qs << u"000123"_qs << u"87654321"_qs << false;
    }
    void responseMatching()
    {
        QFETCH(QString, mti);
        QFETCH(QString, stan);
        QFETCH(QString, terminal);
        QFETCH(bool, matches);
        const CardRead card = magstripeCard(true);
        const Result<IsoMessage> request =
            financialRequest(MessageProfile(), FinancialKind::Sale, trace, Money::fromFen(100), &card,
                             nullptr, KeyScheme::TripleDes);
        POS_VERIFY_RESULT(request);
        IsoMessage response(mti);
        response.setDigits(11, stan);
        response.setText(41, terminal);
        response.setText(42, u"123456789012345"_qs);
        QCOMPARE(checkResponseMatches(request.value(), response).hasValue(), matches);
    }

    void batchUploadRecordsAreFortyDigits()
    {
        QList<BatchCardRecord> records;
        for (int i = 1; i <= batchUploadRecordsPerMessage; ++i)
            records.append({i % 2 ? u"sale"_qs : u"refund"_qs,
                            i,
                            u"622588******3118"_qs,
                            Money::fromFen(i * 100),
                            u"swipe"_qs,
                            {}});
        const Result<IsoMessage> request = batchUploadRequest(MessageProfile(), trace, records);
        POS_VERIFY_RESULT(request);
        const QString field48 = throughCodec(request.value()).digits(48);
        QCOMPARE(field48.size(), 2 + 40 * batchUploadRecordsPerMessage);
        QCOMPARE(field48.left(2), u"08"_qs);
        QCOMPARE(field48.mid(2, 40), u"2200000162258800000031180000000000000100"_qs);
        records.append(records.first());
        QVERIFY(!batchUploadRequest(MessageProfile(), trace, records));
    }
};

QTEST_GUILESS_MAIN(tst_CardMessages)
#include "tst_card_messages.moc"
