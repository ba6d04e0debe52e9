// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "Iso8583Vectors.h"
#include "acquirer/iso8583/StructuredFields.h"
#include "acquirer/iso8583/Tlv.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using pos::test::fromSpacedHex;

namespace {

// acquirer-protocol.md §4.8: the 145-byte F55 of a real CUP purchase request, in the table's order.
const QList<QPair<const char*, const char*>> f55Sample = {
    {"9F26", "46FD62985CAAE758"},
    {"9F27", "80"},
    {"9F10", "07011703A00000010A0100000500001EF41C46"},
    {"9F37", "9536C9B8"},
    {"9F36", "0C66"},
    {"95", "0000000000"},
    {"9A", "220824"},
    {"9C", "00"},
    {"9F02", "000000001111"},
    {"5F2A", "0156"},
    {"82", "7C00"},
    {"9F1A", "0156"},
    {"9F03", "000000000000"},
    {"9F33", "60E9C8"},
    {"9F34", "000000"},
    {"9F35", "22"},
    {"9F1E", "3132333435363738"},
    {"84", "A000000333010102"},
    {"9F09", "0030"},
    {"9F41", "00000001"},
};

QByteArray f55SampleBytes()
{
    QByteArray bytes;
    for (const auto& [tag, value] : f55Sample) {
        const QByteArray valueBytes = QByteArray::fromHex(value);
        bytes += QByteArray::fromHex(tag) + QByteArray(1, static_cast<char>(valueBytes.size())) + valueBytes;
    }
    return bytes;
}

QString tagList(const QList<TlvElement>& elements)
{
    QStringList tags;
    for (const TlvElement& element : elements) {
        QString text = tlvTagHex(element.tag);
        if (!element.children.isEmpty())
            text += u"("_qs + tagList(element.children) + u")"_qs;
        tags << text;
    }
    return tags.join(QLatin1Char(' '));
}

} // namespace

class tst_Tlv final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void f55SampleDecodes();
    void f55SampleReencodesByteForByte();
    void decodesVector_data();
    void decodesVector();
    void reencodesVector_data();
    void reencodesVector();
    void encoderPicksMinimalLengths_data();
    void encoderPicksMinimalLengths();
    void malformedIsRejected_data();
    void malformedIsRejected();
    void encoderRejectsMalformedTags_data();
    void encoderRejectsMalformedTags();
    void tagHexRoundTrips_data();
    void tagHexRoundTrips();
};

void tst_Tlv::f55SampleDecodes()
{
    const QByteArray bytes = f55SampleBytes();
    QCOMPARE(bytes.size(), 145);
    const Result<QList<TlvElement>> parsed = parseIcData(bytes);
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value().size(), f55Sample.size());
    for (qsizetype index = 0; index < f55Sample.size(); ++index) {
        QCOMPARE(tlvTagHex(parsed.value().at(index).tag), QLatin1String(f55Sample.at(index).first));
        QCOMPARE(parsed.value().at(index).value.toHex().toUpper(), QByteArray(f55Sample.at(index).second));
    }
    const TlvElement* cryptogram = findTlv(parsed.value(), 0x9F26);
    QVERIFY(cryptogram);
    QCOMPARE(cryptogram->value, fromSpacedHex("46FD62985CAAE758"));
    QCOMPARE(findTlv(parsed.value(), 0x91), nullptr);
}

void tst_Tlv::f55SampleReencodesByteForByte()
{
    const QByteArray bytes = f55SampleBytes();
    const Result<QList<TlvElement>> parsed = parseIcData(bytes);
    POS_VERIFY_RESULT(parsed);
    const Result<QByteArray> encoded = buildIcData(parsed.value());
    POS_VERIFY_RESULT(encoded);
    QCOMPARE(encoded.value().toHex().toUpper(), bytes.toHex().toUpper());
}

void tst_Tlv::decodesVector_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("recurse");
    QTest::addColumn<QString>("tags");
    QTest::addColumn<QByteArray>("firstValue");

    QTest::newRow("one-byte tag") << fromSpacedHex("82 02 7C00") << false << u"82"_qs
                                  << fromSpacedHex("7C00");
    QTest::newRow("two-byte tag") << fromSpacedHex("5F2A 02 0156") << false << u"5F2A"_qs
                                  << fromSpacedHex("0156");
    QTest::newRow("three-byte tag") << fromSpacedHex("DF8101 01 AA 9F26 00") << false << u"DF8101 9F26"_qs
                                    << fromSpacedHex("AA");
    QTest::newRow("empty value") << fromSpacedHex("9F03 00") << false << u"9F03"_qs << QByteArray();
    QTest::newRow("long form 0x81 for 128 bytes")
        << QByteArray(fromSpacedHex("9F10 81 80") + QByteArray(128, '\x11')) << false << u"9F10"_qs
        << QByteArray(128, '\x11');
    QTest::newRow("non-minimal 0x81 for 5 bytes (cards do this)")
        << fromSpacedHex("95 81 05 0000000000") << false << u"95"_qs << fromSpacedHex("0000000000");
    QTest::newRow("long form 0x82 for 256 bytes")
        << QByteArray(fromSpacedHex("72 82 0100") + QByteArray(256, '\x22')) << false << u"72"_qs
        << QByteArray(256, '\x22');
    QTest::newRow("issuer script, flat")
        << fromSpacedHex("91 0A 1122334455667788 3030 72 09 9F18 04 00000001 86 00") << false << u"91 72"_qs
        << fromSpacedHex("1122334455667788 3030");
    QTest::newRow("issuer script, recursive")
        << fromSpacedHex("91 0A 1122334455667788 3030 72 09 9F18 04 00000001 86 00") << true
        << u"91 72(9F18 86)"_qs << fromSpacedHex("1122334455667788 3030");
    QTest::newRow("nested constructed, recursive")
        << fromSpacedHex("70 09 61 07 4F 05 A000000333") << true << u"70(61(4F))"_qs
        << fromSpacedHex("61 07 4F 05 A000000333");
}

void tst_Tlv::decodesVector()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, recurse);
    QFETCH(QString, tags);
    QFETCH(QByteArray, firstValue);
    const Result<QList<TlvElement>> decoded = decodeTlv(bytes, TlvDecodeOptions{recurse, 8});
    POS_VERIFY_RESULT(decoded);
    QCOMPARE(tagList(decoded.value()), tags);
    QCOMPARE(decoded.value().first().value, firstValue);
}

void tst_Tlv::reencodesVector_data()
{
    decodesVector_data();
}

void tst_Tlv::reencodesVector()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, recurse);
    const Result<QList<TlvElement>> decoded = decodeTlv(bytes, TlvDecodeOptions{recurse, 8});
    POS_VERIFY_RESULT(decoded);
    const Result<QByteArray> encoded = encodeTlv(decoded.value());
    POS_VERIFY_RESULT(encoded);
    QCOMPARE(encoded.value().toHex().toUpper(), bytes.toHex().toUpper());
}

void tst_Tlv::encoderPicksMinimalLengths_data()
{
    QTest::addColumn<int>("valueSize");
    QTest::addColumn<QByteArray>("lengthBytes");
    QTest::newRow("0") << 0 << fromSpacedHex("00");
    QTest::newRow("127") << 127 << fromSpacedHex("7F");
    QTest::newRow("128") << 128 << fromSpacedHex("8180");
    QTest::newRow("255") << 255 << fromSpacedHex("81FF");
    QTest::newRow("256") << 256 << fromSpacedHex("820100");
    QTest::newRow("65535") << 65535 << fromSpacedHex("82FFFF");
}

void tst_Tlv::encoderPicksMinimalLengths()
{
    QFETCH(int, valueSize);
    QFETCH(QByteArray, lengthBytes);
    TlvElement element;
    element.tag = 0x9F1E;
    element.value = QByteArray(valueSize, 'v');
    const Result<QByteArray> encoded = encodeTlv({element});
    POS_VERIFY_RESULT(encoded);
    QCOMPARE(encoded.value().mid(2, lengthBytes.size()).toHex(), lengthBytes.toHex());
    QCOMPARE(encoded.value().size(), 2 + lengthBytes.size() + valueSize);
}

void tst_Tlv::malformedIsRejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("recurse");
    QTest::addColumn<QString>("detail");
    QTest::newRow("truncated tag") << fromSpacedHex("9F") << false
                                   << u"TLV at offset 0: tag truncated after 1 bytes"_qs;
    QTest::newRow("truncated 3-byte tag")
        << fromSpacedHex("82 00 DF81") << false << u"TLV at offset 2: tag truncated after 2 bytes"_qs;
    QTest::newRow("tag longer than 4 bytes")
        << fromSpacedHex("DF81818101 00") << false << u"TLV at offset 0: tag longer than 4 bytes"_qs;
    QTest::newRow("truncated length")
        << fromSpacedHex("9F26") << false << u"TLV 9F26 at offset 2: length truncated"_qs;
    QTest::newRow("truncated 0x81 length")
        << fromSpacedHex("9F26 81") << false << u"TLV 9F26 at offset 2: long-form length truncated"_qs;
    QTest::newRow("truncated 0x82 length")
        << fromSpacedHex("9F26 82 01") << false << u"TLV 9F26 at offset 2: long-form length truncated"_qs;
    QTest::newRow("indefinite length") << fromSpacedHex("70 80 9F2600 0000") << false
                                       << u"TLV 70 at offset 1: length byte 0x80 is indefinite"_qs;
    QTest::newRow("four-byte long form")
        << fromSpacedHex("9F26 84 00000001 00") << false
        << u"TLV 9F26 at offset 2: length byte 0x84 is an unsupported long form"_qs;
    QTest::newRow("value past the end")
        << fromSpacedHex("9F27 01 80 9F26 08 46FD6298") << false
        << u"TLV 9F26 at offset 7: value of 8 bytes runs past the end (4 left)"_qs;
    QTest::newRow("0x82 value past the end")
        << QByteArray(fromSpacedHex("9F10 82 0100") + QByteArray(255, '\0')) << false
        << u"value of 256 bytes runs past the end (255 left)"_qs;
    QTest::newRow("padding byte 00") << fromSpacedHex("9F27 01 80 00") << false
                                     << u"TLV at offset 4: byte 0x00 is not a tag"_qs;
    QTest::newRow("padding byte FF") << fromSpacedHex("FF 9F27 01 80") << false
                                     << u"TLV at offset 0: byte 0xFF is not a tag"_qs;
    QTest::newRow("child runs past its parent")
        << fromSpacedHex("70 04 9F26 05 00 9F27 01 80") << true
        << u"TLV 9F26 at offset 5: value of 5 bytes runs past the end (1 left)"_qs;
    QTest::newRow("nesting deeper than the limit")
        << fromSpacedHex("70 12 70 10 70 0E 70 0C 70 0A 70 08 70 06 70 04 70 02 70 00") << true
        << u"nested deeper than 8 levels"_qs;
}

void tst_Tlv::malformedIsRejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, recurse);
    QFETCH(QString, detail);
    const Result<QList<TlvElement>> decoded = decodeTlv(bytes, TlvDecodeOptions{recurse, 8});
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, ErrorCode::ProtocolViolation);
    QVERIFY(!decoded.error().userMessage.isEmpty());
    QVERIFY2(decoded.error().detail.contains(detail), qPrintable(decoded.error().detail));
    QVERIFY2(!decoded.error().detail.contains(u"46FD"_qs), qPrintable(decoded.error().detail));
}

void tst_Tlv::encoderRejectsMalformedTags_data()
{
    QTest::addColumn<quint32>("tag");
    QTest::newRow("zero") << quint32(0);
    QTest::newRow("9F alone needs a second byte") << quint32(0x9F);
    QTest::newRow("second byte announces a third") << quint32(0x9F81);
    QTest::newRow("one-byte tag with a tail") << quint32(0x8201);
    QTest::newRow("FF") << quint32(0xFF);
}

void tst_Tlv::encoderRejectsMalformedTags()
{
    QFETCH(quint32, tag);
    TlvElement element;
    element.tag = tag;
    element.value = "x";
    const Result<QByteArray> encoded = encodeTlv({element});
    QVERIFY(!encoded);
    QCOMPARE(encoded.error().code, ErrorCode::InvalidInput);
    QVERIFY(encoded.error().detail.contains(u"not a well-formed BER tag"_qs));
}

void tst_Tlv::tagHexRoundTrips_data()
{
    QTest::addColumn<QString>("hex");
    QTest::addColumn<bool>("valid");
    QTest::newRow("9F26") << u"9F26"_qs << true;
    QTest::newRow("lower case") << u"9f26"_qs << true;
    QTest::newRow("82") << u"82"_qs << true;
    QTest::newRow("DF8101") << u"DF8101"_qs << true;
    QTest::newRow("odd digits") << u"9F2"_qs << false;
    QTest::newRow("not hex") << u"9G26"_qs << false;
    QTest::newRow("incomplete tag") << u"9F"_qs << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_Tlv::tagHexRoundTrips()
{
    QFETCH(QString, hex);
    QFETCH(bool, valid);
    const Result<quint32> tag = tlvTagFromHex(hex);
    QCOMPARE(tag.hasValue(), valid);
    if (valid)
        QCOMPARE(tlvTagHex(tag.value()), hex.toUpper());
}

QTEST_GUILESS_MAIN(tst_Tlv)
#include "tst_tlv.moc"
