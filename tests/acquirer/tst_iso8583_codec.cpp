// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "Iso8583Vectors.h"
#include "acquirer/iso8583/FieldCodec.h"
#include "acquirer/iso8583/Iso8583Codec.h"
#include "acquirer/iso8583/IsoMessage.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using pos::test::fromSpacedHex;

Q_DECLARE_METATYPE(pos::acquirer::IsoMessage)
Q_DECLARE_METATYPE(pos::acquirer::PinBlockSize)

namespace {

const FieldSpec& cupSpec(int number)
{
    static const FieldTable table = FieldTable::cupDefault();
    const FieldSpec* spec = table.spec(number);
    Q_ASSERT(spec);
    return *spec;
}

} // namespace

class tst_Iso8583Codec final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesGoldenFrame_data();
    void decodesGoldenFrame();
    void encodesGoldenFrame_data();
    void encodesGoldenFrame();
    void reencodesDecodedFrame_data();
    void reencodesDecodedFrame();
    void macBlockMatchesWorkedExample_data();
    void macBlockMatchesWorkedExample();
    void encodesField_data();
    void encodesField();
    void decodesField_data();
    void decodesField();
    void gbkTextRoundTrips_data();
    void gbkTextRoundTrips();
    void fieldEncoderRejects_data();
    void fieldEncoderRejects();
    void messageEncoderRejects_data();
    void messageEncoderRejects();
    void bcdFrameLengthIsAnOption();
    void pinBlockSizeIsAProfileChoice_data();
    void pinBlockSizeIsAProfileChoice();
    void pinBlockOfTheOtherProfileIsRefused_data();
    void pinBlockOfTheOtherProfileIsRefused();
    void defaultTableCoversTheReference();
};

void tst_Iso8583Codec::decodesGoldenFrame_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<IsoMessage>("expected");
    QTest::newRow("1.1 0800 sign-on") << test::signOnRequestFrame() << test::signOnRequestMessage();
    QTest::newRow("1.2 0810 keys") << test::signOnResponseFrame() << test::signOnResponseMessage();
    QTest::newRow("1.3 0200 purchase") << test::purchaseFrame() << test::purchaseMessage();
}

void tst_Iso8583Codec::decodesGoldenFrame()
{
    QFETCH(QByteArray, frame);
    QFETCH(IsoMessage, expected);
    const Result<IsoMessage> decoded = Iso8583Codec().decodeFrame(frame);
    POS_VERIFY_RESULT(decoded);
    QCOMPARE(decoded.value().mti(), expected.mti());
    QCOMPARE(decoded.value().tpdu().toHex(), expected.tpdu().toHex());
    QCOMPARE(decoded.value().header().toHex(), expected.header().toHex());
    QCOMPARE(decoded.value().fieldNumbers(), expected.fieldNumbers());
    for (const int number : expected.fieldNumbers())
        QCOMPARE(decoded.value().field(number), expected.field(number));
    QVERIFY(decoded.value() == expected);
}

void tst_Iso8583Codec::encodesGoldenFrame_data()
{
    decodesGoldenFrame_data();
}

void tst_Iso8583Codec::encodesGoldenFrame()
{
    QFETCH(QByteArray, frame);
    QFETCH(IsoMessage, expected);
    const Result<QByteArray> encoded = Iso8583Codec().encodeFrame(expected);
    POS_VERIFY_RESULT(encoded);
    QCOMPARE(encoded.value().toHex().toUpper(), frame.toHex().toUpper());
}

void tst_Iso8583Codec::reencodesDecodedFrame_data()
{
    decodesGoldenFrame_data();
}

void tst_Iso8583Codec::reencodesDecodedFrame()
{
    QFETCH(QByteArray, frame);
    const Iso8583Codec codec;
    const Result<IsoMessage> decoded = codec.decodeFrame(frame);
    POS_VERIFY_RESULT(decoded);
    const Result<QByteArray> reencoded = codec.encodeFrame(decoded.value());
    POS_VERIFY_RESULT(reencoded);
    QCOMPARE(reencoded.value(), frame);
}

void tst_Iso8583Codec::macBlockMatchesWorkedExample_data()
{
    QTest::addColumn<bool>("withMac");
    QTest::newRow("F64 present") << true;
    QTest::newRow("F64 not yet set") << false;
}

// §6.4: the MAB covers MTI..F63 with bit 64 set, whether or not the message carries F64 yet.
void tst_Iso8583Codec::macBlockMatchesWorkedExample()
{
    QFETCH(bool, withMac);
    IsoMessage message = test::purchaseMessage();
    if (!withMac)
        message.removeField(IsoField::Mac);
    const Result<QByteArray> block = Iso8583Codec().macBlock(message);
    POS_VERIFY_RESULT(block);
    QCOMPARE(block.value().size(), 105);
    QCOMPARE(block.value().toHex().toUpper(), test::purchaseMacBlock().toHex().toUpper());
}

void tst_Iso8583Codec::encodesField_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("decoded");

    const auto row = [](const char* name, int number, const QByteArray& value, const char* wire) {
        QTest::newRow(name) << number << value << fromSpacedHex(wire) << value;
    };
    row("F22 left-aligned", 22, "021", "0210");
    row("F22 chip with PIN", 22, "051", "0510");
    row("F23 right-aligned", 23, "001", "0001");
    row("F2 even", 2, "6225880137563118", "16 6225880137563118");
    row("F2 odd pads right", 2, "6225880137563118123", "19 62258801375631181230");
    row("F2 empty", 2, "", "00");
    row("F3 fixed", 3, "310000", "310000");
    row("F4 amount", 4, "000000010000", "000000010000");
    row("F35 separator D", 35, "6225880137563118D25122010000000000", "34 6225880137563118D25122010000000000");
    row("F35 odd pads right", 35, "6225880137563118D251220", "23 6225880137563118D2512200");
    row("F35 encrypted track (ref 6.5)", 35, "6225880137563118759048C4C7F0E26300",
        "34 6225880137563118759048C4C7F0E26300");
    row("F35 every hex nibble, odd", 35, "0123456789ABCDEF1", "17 0123456789ABCDEF10");
    row("F36 LLL", 36, "996225D1", "0008 996225D1");
    row("F36 encrypted, odd", 36, "996225DA0F", "0010 996225DA0F");
    row("F36 LLL odd", 36, "996225D12", "0009 996225D120");
    row("F32 LL odd", 32, "12345", "05 123450");
    row("F53 n16", 53, "2610000000000000", "2610000000000000");
    row("F60 11 digits", 60, "00000001003", "0011 000000010030");
    row("F60 13 digits", 60, "2200000100050", "0013 22000001000500");
    row("F48 settlement", 48, QByteArray(62, '1'),
        "0062 11111111111111111111111111111111111111111111111111111111111111");
    row("F61 void", 61, "000001000123", "0012 000001000123");
    row("F37 an12", 37, "000000000001", "303030303030303030303031");
    row("F39 an2", 39, "A0", "4130");
    row("F41 ans8", 41, "TID 0001", "5449442030303031");
    row("F44 ans LL", 44, "0309    ", "08 3033303920202020");
    row("F54 an LLL", 54, "1001156C000000010000", "0020 3130303131353643303030303030303130303030");
    row("F52 b8", 52, fromSpacedHex("F770027C86263587"), "F770027C86263587");
    row("F55 b LLL", 55, fromSpacedHex("9F2608 46FD62985CAAE758"), "0011 9F260846FD62985CAAE758");
    row("F62 b LLL 60", 62, test::signOnKeyBlock(),
        "0060 CB4AB541CD5AD4FC256A882726936A5A08D7B4FBDEB1CB75E7D12F5E00000000000000000D40BFF8"
        "D0D7CB5B1A70AC6A75E0431E2A75B492EB7A8DF9");
    row("F64 ASCII MAC", 64, "65980D46", "3635393830443436");
    row("F63 GBK", 63, encodeGbk(u"CUP中国银联"), "0011 435550 D6D0B9FAD2F8C1AA");

    // Fixed an/ans fields are padded with spaces on the right; the decoded value keeps the padding.
    const QByteArray merchant = encodeGbk(u"银联商务测试商户");
    QTest::newRow("F43 GBK pads with spaces") << 43 << merchant << QByteArray(merchant + QByteArray(24, ' '))
                                              << QByteArray(merchant + QByteArray(24, ' '));
    QTest::newRow("F42 ans15 pads") << 42 << QByteArray("1234") << QByteArray("1234           ")
                                    << QByteArray("1234           ");
}

void tst_Iso8583Codec::encodesField()
{
    QFETCH(int, number);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, wire);
    QByteArray out("prefix");
    const Result<void> encoded = encodeField(cupSpec(number), value, out);
    POS_VERIFY_RESULT(encoded);
    QCOMPARE(out.toHex().toUpper(), QByteArray("prefix" + wire).toHex().toUpper());
}

void tst_Iso8583Codec::decodesField_data()
{
    encodesField_data();
}

void tst_Iso8583Codec::decodesField()
{
    QFETCH(int, number);
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, decoded);
    const QByteArray data = QByteArray("xx") + wire + QByteArray("yy");
    qsizetype pos = 2;
    const Result<QByteArray> value = decodeField(cupSpec(number), data, pos, 0);
    POS_VERIFY_RESULT(value);
    QCOMPARE(value.value(), decoded);
    QCOMPARE(pos, 2 + wire.size());
}

void tst_Iso8583Codec::gbkTextRoundTrips_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("text");
    QTest::newRow("F43 merchant name") << 43 << u"上海银联商务有限公司 测试店"_qs;
    QTest::newRow("F63 org + issuer") << 63 << u"CUP中国工商银行 牡丹卡"_qs;
    QTest::newRow("F63 ASCII only") << 63 << u"VIS"_qs;
    QTest::newRow("F56 acquirer text") << 56 << u"成功"_qs;
}

void tst_Iso8583Codec::gbkTextRoundTrips()
{
    QFETCH(int, number);
    QFETCH(QString, text);
    IsoMessage message = test::signOnResponseMessage();
    message.setText(number, text);
    const Iso8583Codec codec;
    const Result<QByteArray> frame = codec.encodeFrame(message);
    POS_VERIFY_RESULT(frame);
    const Result<IsoMessage> decoded = codec.decodeFrame(frame.value());
    POS_VERIFY_RESULT(decoded);
    QCOMPARE(decoded.value().text(number).trimmed(), text);
    QVERIFY(frame.value().contains(encodeGbk(text)));
}

void tst_Iso8583Codec::fieldEncoderRejects_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("detail");
    QTest::newRow("n with a letter") << 3 << QByteArray("00000A")
                                     << u"field 3 (n6): character 6 is not a n digit"_qs;
    QTest::newRow("n with D") << 2 << QByteArray("6225D1") << u"field 2 (n..19): character 5"_qs;
    QTest::newRow("z with =") << 35 << QByteArray("6225=2512") << u"field 35 (z..37): character 5"_qs;
    QTest::newRow("z with lower-case hex")
        << 35 << QByteArray("6225d2512") << u"field 35 (z..37): character 5 is not a z digit"_qs;
    QTest::newRow("z with G") << 36 << QByteArray("99G1") << u"field 36 (z...104): character 3"_qs;
    QTest::newRow("z with a space") << 35 << QByteArray("6225 2512") << u"field 35 (z..37): character 5"_qs;
    QTest::newRow("n with hex F") << 4 << QByteArray("00000001000F")
                                  << u"field 4 (n12): character 12 is not a n digit"_qs;
    QTest::newRow("n over max") << 2 << QByteArray(20, '1') << u"20 digits exceed the maximum 19"_qs;
    QTest::newRow("z over max") << 35 << QByteArray(38, '1') << u"38 digits exceed the maximum 37"_qs;
    QTest::newRow("fixed n too short")
        << 11 << QByteArray("123") << u"3 digits, the field takes exactly 6"_qs;
    QTest::newRow("fixed n too long")
        << 22 << QByteArray("0210") << u"4 digits, the field takes exactly 3"_qs;
    QTest::newRow("fixed an too long")
        << 41 << QByteArray("123456789") << u"9 bytes, the field takes exactly 8"_qs;
    QTest::newRow("an control byte") << 39 << QByteArray("\x01\x02", 2)
                                     << u"byte 1 is not printable ASCII"_qs;
    QTest::newRow("ASCII field with GBK") << 42 << encodeGbk(u"商户") << u"byte 1 is not printable ASCII"_qs;
    QTest::newRow("GBK field with a lone lead byte")
        << 63 << QByteArray("CUP\x81") << u"byte 4 is not printable ASCII or GBK"_qs;
    QTest::newRow("GBK field with GB18030 4-byte")
        << 63 << encodeGbk(u"CUP\U0001F600") << u"byte 4 is not printable ASCII or GBK"_qs;
    QTest::newRow("b fixed too short")
        << 52 << QByteArray(7, '\0') << u"7 bytes, the field takes exactly 8"_qs;
    QTest::newRow("b over max") << 55 << QByteArray(256, '\0') << u"256 bytes exceed the maximum 255"_qs;
    QTest::newRow("LLL text over max")
        << 63 << QByteArray(164, 'a') << u"164 bytes exceed the maximum 163"_qs;
}

void tst_Iso8583Codec::fieldEncoderRejects()
{
    QFETCH(int, number);
    QFETCH(QByteArray, value);
    QFETCH(QString, detail);
    QByteArray out("unchanged");
    const Result<void> encoded = encodeField(cupSpec(number), value, out);
    QVERIFY(!encoded);
    QCOMPARE(encoded.error().code, ErrorCode::InvalidInput);
    QVERIFY2(encoded.error().detail.contains(detail), qPrintable(encoded.error().detail));
    QVERIFY(!encoded.error().userMessage.isEmpty());
    QCOMPARE(out, QByteArray("unchanged"));
}

void tst_Iso8583Codec::messageEncoderRejects_data()
{
    QTest::addColumn<IsoMessage>("message");
    QTest::addColumn<QString>("detail");
    IsoMessage message = test::purchaseMessage();
    message.setMti(u"02A0"_qs);
    QTest::newRow("MTI with a letter") << message << u"MTI is not 4 decimal digits"_qs;
    message = test::purchaseMessage();
    message.setMti(u"200"_qs);
    QTest::newRow("MTI too short") << message << u"MTI is not 4 decimal digits"_qs;
    message = test::purchaseMessage();
    message.setTpdu(fromSpacedHex("60000300"));
    QTest::newRow("TPDU 4 bytes") << message << u"TPDU has 4 bytes, expected 5"_qs;
    message = test::purchaseMessage();
    message.setHeader(fromSpacedHex("60310031000000"));
    QTest::newRow("header 7 bytes") << message << u"header has 7 bytes, expected 6"_qs;
    message = test::purchaseMessage();
    message.setDigits(5, u"000000000001");
    QTest::newRow("field not in the table") << message << u"field 5 is not in the field table"_qs;
    message = test::purchaseMessage();
    message.setDigits(1, u"0");
    QTest::newRow("field 1") << message << u"field 1 is not in the field table"_qs;
    message = test::purchaseMessage();
    message.setDigits(4, u"100.00");
    QTest::newRow("bad field value") << message << u"field 4 (n12)"_qs;
}

void tst_Iso8583Codec::messageEncoderRejects()
{
    QFETCH(IsoMessage, message);
    QFETCH(QString, detail);
    const Result<QByteArray> encoded = Iso8583Codec().encodeFrame(message);
    QVERIFY(!encoded);
    QCOMPARE(encoded.error().code, ErrorCode::InvalidInput);
    QVERIFY2(encoded.error().detail.contains(detail), qPrintable(encoded.error().detail));
    QVERIFY(!encoded.error().detail.contains(u"6225880137563118"_qs));
}

// [A] Some hosts send the frame length as 4 BCD digits: 124 bytes -> 01 24 instead of 00 7C.
void tst_Iso8583Codec::bcdFrameLengthIsAnOption()
{
    const Iso8583Codec codec(FieldTable::cupDefault(), FrameConfig{FrameLengthEncoding::Bcd, 2048});
    const Result<QByteArray> frame = codec.encodeFrame(test::purchaseMessage());
    POS_VERIFY_RESULT(frame);
    QCOMPARE(frame.value().left(2).toHex(), QByteArray("0124"));
    QCOMPARE(frame.value().mid(2), test::purchaseFrame().mid(2));
    const Result<IsoMessage> decoded = codec.decodeFrame(frame.value());
    POS_VERIFY_RESULT(decoded);
    QVERIFY(decoded.value() == test::purchaseMessage());
    QVERIFY(!Iso8583Codec().decodeFrame(frame.value()));
}

// [A] F52: 8 bytes by default, 16 bytes (the SM4 PIN block) in the SM4 profile.
void tst_Iso8583Codec::pinBlockSizeIsAProfileChoice_data()
{
    QTest::addColumn<PinBlockSize>("size");
    QTest::addColumn<QByteArray>("pinBlock");
    QTest::addColumn<QString>("spec");
    QTest::newRow("default 8 bytes") << PinBlockSize::Bytes8 << fromSpacedHex("F770027C86263587") << u"b8"_qs;
    QTest::newRow("SM4 16 bytes") << PinBlockSize::Bytes16
                                  << fromSpacedHex("0123456789ABCDEF FEDCBA9876543210") << u"b16"_qs;
}

void tst_Iso8583Codec::pinBlockSizeIsAProfileChoice()
{
    QFETCH(PinBlockSize, size);
    QFETCH(QByteArray, pinBlock);
    QFETCH(QString, spec);
    const FieldTable table = FieldTable::cupDefault(size);
    QCOMPARE(describeSpec(*table.spec(52)), spec);
    IsoMessage message = test::purchaseMessage();
    message.setField(52, pinBlock);
    const Iso8583Codec codec(table);
    const Result<QByteArray> frame = codec.encodeFrame(message);
    POS_VERIFY_RESULT(frame);
    QCOMPARE(frame.value().size(), test::purchaseFrame().size() + pinBlock.size() - 8);
    QVERIFY(frame.value().contains(pinBlock));
    const Result<IsoMessage> decoded = codec.decodeFrame(frame.value());
    POS_VERIFY_RESULT(decoded);
    QVERIFY(decoded.value() == message);
    QCOMPARE(decoded.value().field(52), pinBlock);
}

void tst_Iso8583Codec::pinBlockOfTheOtherProfileIsRefused_data()
{
    QTest::addColumn<PinBlockSize>("size");
    QTest::addColumn<QByteArray>("pinBlock");
    QTest::addColumn<QString>("detail");
    QTest::newRow("16 bytes in the default profile")
        << PinBlockSize::Bytes8 << QByteArray(16, '\x11') << u"16 bytes, the field takes exactly 8"_qs;
    QTest::newRow("8 bytes in the SM4 profile")
        << PinBlockSize::Bytes16 << QByteArray(8, '\x11') << u"8 bytes, the field takes exactly 16"_qs;
    QTest::newRow("12 bytes in the SM4 profile")
        << PinBlockSize::Bytes16 << QByteArray(12, '\x11') << u"12 bytes, the field takes exactly 16"_qs;
}

// Both ways: the encoder refuses a PIN block of the other length, and a frame from the other profile does
// not decode (the field boundaries after F52 no longer fit).
void tst_Iso8583Codec::pinBlockOfTheOtherProfileIsRefused()
{
    QFETCH(PinBlockSize, size);
    QFETCH(QByteArray, pinBlock);
    QFETCH(QString, detail);
    IsoMessage message = test::purchaseMessage();
    message.setField(52, pinBlock);
    const Iso8583Codec codec(FieldTable::cupDefault(size));
    const Result<QByteArray> encoded = codec.encodeFrame(message);
    QVERIFY(!encoded);
    QCOMPARE(encoded.error().code, ErrorCode::InvalidInput);
    QVERIFY2(encoded.error().detail.contains(detail), qPrintable(encoded.error().detail));

    const PinBlockSize other = size == PinBlockSize::Bytes8 ? PinBlockSize::Bytes16 : PinBlockSize::Bytes8;
    if (pinBlock.size() != static_cast<qsizetype>(other))
        return;
    const Result<QByteArray> otherFrame = Iso8583Codec(FieldTable::cupDefault(other)).encodeFrame(message);
    POS_VERIFY_RESULT(otherFrame);
    const Result<IsoMessage> decoded = codec.decodeFrame(otherFrame.value());
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, ErrorCode::ProtocolViolation);
}

void tst_Iso8583Codec::defaultTableCoversTheReference()
{
    const QList<int> expected = {2,  3,  4,  11, 12, 13, 14, 15, 22, 23, 25, 26, 32, 35, 36, 37, 38, 39,
                                 41, 42, 43, 44, 48, 49, 52, 53, 54, 55, 56, 58, 59, 60, 61, 62, 63, 64};
    const FieldTable table = FieldTable::cupDefault();
    QCOMPARE(table.numbers(), expected);
    QCOMPARE(describeSpec(*table.spec(35)), u"z..37"_qs);
    QCOMPARE(describeSpec(*table.spec(60)), u"n...17"_qs);
    QCOMPARE(describeSpec(*table.spec(52)), u"b8"_qs);
    QCOMPARE(table.spec(22)->padSide, PadSide::Right);
    QCOMPARE(table.spec(23)->padSide, PadSide::Left);
    QCOMPARE(table.spec(43)->encoding, TextEncoding::Gbk);
    QCOMPARE(table.spec(63)->encoding, TextEncoding::Gbk);
    QCOMPARE(table.spec(41)->encoding, TextEncoding::Ascii);
}

QTEST_GUILESS_MAIN(tst_Iso8583Codec)
#include "tst_iso8583_codec.moc"
