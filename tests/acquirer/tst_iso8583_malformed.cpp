// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "Iso8583Vectors.h"
#include "acquirer/iso8583/FrameCodec.h"
#include "acquirer/iso8583/Iso8583Codec.h"
#include "acquirer/iso8583/StructuredFields.h"
#include "support/TestSupport.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using pos::test::fromSpacedHex;

namespace {

// Byte offsets in the §1.3 purchase frame (length prefix included).
constexpr int bitmapOffset = 15;
constexpr int f3Offset = 32;
constexpr int f22Offset = 46;
constexpr int f35PrefixOffset = 50;
constexpr int f41Offset = 68;
constexpr int f60LastByte = 117;

QByteArray patched(QByteArray frame, int offset, char byte)
{
    frame[offset] = byte;
    return frame;
}

// The frame with its body changed and the length prefix recomputed.
QByteArray withBody(const QByteArray& body)
{
    const auto length = static_cast<int>(body.size());
    return QByteArray(1, static_cast<char>(length >> 8)) + QByteArray(1, static_cast<char>(length & 0xFF)) +
           body;
}

// Card data of the vectors: must never appear in an error detail.
const QStringList cardData = {u"6225880137563118"_qs, u"D2512201"_qs, u"F770027C"_qs};

void verifyProtocolViolation(const Error& error, const QString& expectedDetail)
{
    QCOMPARE(error.code, ErrorCode::ProtocolViolation);
    QVERIFY(!error.userMessage.isEmpty());
    QVERIFY2(error.detail.contains(expectedDetail),
             qPrintable(u"detail '%1' lacks '%2'"_qs.arg(error.detail, expectedDetail)));
    for (const QString& secret : cardData)
        QVERIFY2(!error.detail.contains(secret, Qt::CaseInsensitive), qPrintable(error.detail));
}

QList<QByteArray>
feedInChunks(FrameReassembler& reassembler, const QByteArray& stream, const QList<int>& sizes)
{
    QList<QByteArray> frames;
    qsizetype pos = 0;
    int index = 0;
    while (pos < stream.size()) {
        const qsizetype size = std::min<qsizetype>(sizes.at(index++ % sizes.size()), stream.size() - pos);
        const Result<QList<QByteArray>> completed =
            reassembler.feed(QByteArrayView(stream).sliced(pos, size));
        if (!completed)
            return {};
        frames += completed.value();
        pos += size;
    }
    return frames;
}

} // namespace

class tst_Iso8583Malformed final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void malformedFrameIsRejected_data();
    void malformedFrameIsRejected();
    void everyTruncationIsRejected();
    void hexNibblesInZAreAccepted_data();
    void hexNibblesInZAreAccepted();
    void malformedIcDataIsRejected_data();
    void malformedIcDataIsRejected();
    void reassemblerYieldsFrames_data();
    void reassemblerYieldsFrames();
    void reassemblerRejectsOversizedLength_data();
    void reassemblerRejectsOversizedLength();
    void reassemblerRecoversAfterReset();
};

void tst_Iso8583Malformed::malformedFrameIsRejected_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("detail");
    const QByteArray good = test::purchaseFrame();
    const QByteArray body = good.mid(2);

    QTest::newRow("empty input") << QByteArray()
                                 << u"frame at offset 0: length prefix truncated (0 of 2 bytes)"_qs;
    QTest::newRow("truncated length prefix")
        << QByteArray(1, '\0') << u"frame at offset 0: length prefix truncated (1 of 2 bytes)"_qs;
    QTest::newRow("length prefix larger than data")
        << patched(good, 1, 0x7D) << u"frame at offset 0: length prefix says 125 bytes, 124 follow"_qs;
    QTest::newRow("length prefix smaller than data")
        << patched(good, 1, 0x7B) << u"frame at offset 0: length prefix says 123 bytes, 124 follow"_qs;
    QTest::newRow("zero length") << fromSpacedHex("0000") << u"frame at offset 0: length 0"_qs;
    QTest::newRow("oversized frame") << QByteArray(fromSpacedHex("0801") + QByteArray(2049, '\0'))
                                     << u"frame at offset 0: length 0x0801 (2049 bytes) exceeds max 2048"_qs;
    QTest::newRow("truncated TPDU") << withBody(body.left(3))
                                    << u"TPDU at offset 2: truncated (3 of 5 bytes)"_qs;
    QTest::newRow("truncated header")
        << withBody(body.left(9)) << u"header at offset 7: truncated (4 of 6 bytes)"_qs;
    QTest::newRow("truncated MTI") << withBody(body.left(12))
                                   << u"MTI at offset 13: truncated (1 of 2 bytes)"_qs;
    QTest::newRow("truncated bitmap")
        << withBody(body.left(16)) << u"bitmap at offset 15: truncated (3 of 8 bytes)"_qs;
    QTest::newRow("MTI not BCD") << patched(good, 13, 0x0A) << u"MTI at offset 13: 0x0A00 is not BCD"_qs;
    QTest::newRow("bit 1 set") << patched(good, bitmapOffset, static_cast<char>(0xF0))
                               << u"bitmap at offset 15: bit 1 (secondary bitmap) is set"_qs;
    QTest::newRow("bitmap names a field missing from the table")
        << patched(good, bitmapOffset, 0x78) << u"bitmap at offset 15: field 5 is not in the field table"_qs;
    QTest::newRow("bad BCD nibble in a fixed n")
        << patched(good, f3Offset + 1, 0x0A)
        << u"field 3 at offset 33: nibble 0xA of digit 4 is not a valid n digit"_qs;
    QTest::newRow("bad BCD nibble in a sensitive n")
        << patched(good, 24, static_cast<char>(0xB2))
        << u"field 2 at offset 24: nibble of digit 1 is not a valid n digit"_qs;
    QTest::newRow("track separator nibble in n")
        << patched(good, 25, static_cast<char>(0x2D))
        << u"field 2 at offset 25: nibble of digit 4 is not a valid n digit"_qs;
    QTest::newRow("bad nibble in LL")
        << patched(good, f35PrefixOffset, 0x3A) << u"field 35 at offset 50: LL 0x3A is not BCD"_qs;
    QTest::newRow("LL above max") << patched(good, f35PrefixOffset, static_cast<char>(0x99))
                                  << u"field 35 at offset 50: LL 0x99 exceeds max 37"_qs;
    QTest::newRow("LLL above max") << patched(good, 110, 0x01)
                                   << u"field 60 at offset 110: LLL 0x0111 exceeds max 17"_qs;
    QTest::newRow("LL longer than the data")
        << patched(good, f35PrefixOffset, 0x37) << u"field 35 at offset 69: pad nibble is not 0"_qs;
    QTest::newRow("non-zero pad nibble (left-aligned n)")
        << patched(good, f60LastByte, 0x01) << u"field 60 at offset 117: pad nibble 0x1 is not 0"_qs;
    QTest::newRow("non-zero pad nibble (F22)")
        << patched(good, f22Offset + 1, 0x11) << u"field 22 at offset 47: pad nibble 0x1 is not 0"_qs;
    QTest::newRow("an not printable") << patched(good, f41Offset + 2, 0x07)
                                      << u"field 41 at offset 70: byte 0x07 is not printable ASCII"_qs;
    QTest::newRow("trailing bytes") << withBody(body + QByteArray(3, '\0'))
                                    << u"offset 126: 3 trailing bytes after the last field"_qs;
    QTest::newRow("last field cut short")
        << withBody(body.chopped(4)) << u"field 64 at offset 118: b8 needs 8 bytes, 4 left"_qs;

    // F63 is GBK: a lead byte followed by a byte that is no GBK trail.
    IsoMessage withText = test::signOnResponseMessage();
    withText.setText(63, u"CUPab"_qs);
    QByteArray gbkFrame = Iso8583Codec().encodeFrame(withText).value();
    gbkFrame[gbkFrame.size() - 2] = static_cast<char>(0x81);
    gbkFrame[gbkFrame.size() - 1] = ' ';
    QTest::newRow("ans GBK invalid") << gbkFrame
                                     << u"field 63 at offset 148: byte 0x81 is not printable ASCII or GBK"_qs;
}

void tst_Iso8583Malformed::malformedFrameIsRejected()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, detail);
    const Result<IsoMessage> decoded = Iso8583Codec().decodeFrame(frame);
    QVERIFY(!decoded);
    verifyProtocolViolation(decoded.error(), detail);
}

// Every prefix of a valid body fails cleanly (no crash, no read past the end, no partial success).
void tst_Iso8583Malformed::everyTruncationIsRejected()
{
    const Iso8583Codec codec;
    for (const QByteArray& frame :
         {test::signOnRequestFrame(), test::signOnResponseFrame(), test::purchaseFrame()}) {
        const QByteArray body = frame.mid(2);
        for (qsizetype size = 0; size < body.size(); ++size) {
            // A copy, so sanitizers see reads past the end of exactly `size` bytes.
            const QByteArray prefix = body.left(size);
            const Result<IsoMessage> decoded = codec.decode(prefix);
            QVERIFY2(!decoded, qPrintable(u"%1 of %2 bytes decoded"_qs.arg(size).arg(body.size())));
            QCOMPARE(decoded.error().code, ErrorCode::ProtocolViolation);
            QVERIFY(decoded.error().detail.contains(u"offset"_qs));
        }
    }
}

// An encrypted track (53.3 = 1, reference §6.5) carries ciphertext nibbles A-F in F35/F36: z takes every
// nibble (the pad nibble must still be 0, see malformedFrameIsRejected), stored as upper-case hex.
void tst_Iso8583Malformed::hexNibblesInZAreAccepted_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<char>("byte");
    QTest::addColumn<QString>("digits");
    constexpr int f35Content = f35PrefixOffset + 1;
    QTest::newRow("E in the window") << 59 << static_cast<char>(0xE2)
                                     << u"6225880137563118E25122010000000000"_qs;
    QTest::newRow("A and F") << f35Content << static_cast<char>(0xAF)
                             << u"AF25880137563118D25122010000000000"_qs;
    QTest::newRow("B and C at the end")
        << f35Content + 16 << static_cast<char>(0xBC) << u"6225880137563118D251220100000000BC"_qs;
}

void tst_Iso8583Malformed::hexNibblesInZAreAccepted()
{
    QFETCH(int, offset);
    QFETCH(char, byte);
    QFETCH(QString, digits);
    const QByteArray frame = patched(test::purchaseFrame(), offset, byte);
    const Iso8583Codec codec;
    const Result<IsoMessage> decoded = codec.decodeFrame(frame);
    POS_VERIFY_RESULT(decoded);
    QCOMPARE(decoded.value().digits(35), digits);
    const Result<QByteArray> reencoded = codec.encodeFrame(decoded.value());
    POS_VERIFY_RESULT(reencoded);
    QCOMPARE(reencoded.value(), frame);
}

void tst_Iso8583Malformed::malformedIcDataIsRejected_data()
{
    QTest::addColumn<QByteArray>("icData");
    QTest::addColumn<QString>("detail");
    QTest::newRow("truncated TLV tag")
        << fromSpacedHex("9F2601AA 9F") << u"field 55: TLV at offset 4: tag truncated"_qs;
    QTest::newRow("truncated TLV length")
        << fromSpacedHex("9F26") << u"field 55: TLV 9F26 at offset 2: length truncated"_qs;
    QTest::newRow("TLV length past the end")
        << fromSpacedHex("9F2608 0102")
        << u"field 55: TLV 9F26 at offset 3: value of 8 bytes runs past the end (2 left)"_qs;
    QTest::newRow("indefinite TLV length")
        << fromSpacedHex("9F2680 00") << u"field 55: TLV 9F26 at offset 2: length byte 0x80 is indefinite"_qs;
    QTest::newRow("TLV long form 0x83")
        << fromSpacedHex("9F2683 000001 00")
        << u"field 55: TLV 9F26 at offset 2: length byte 0x83 is an unsupported long form"_qs;
    QTest::newRow("truncated long-form length")
        << fromSpacedHex("9F2682 00") << u"field 55: TLV 9F26 at offset 2: long-form length truncated"_qs;
    QTest::newRow("IC data over 255 bytes") << QByteArray(fromSpacedHex("9F1E81FD") + QByteArray(253, 'x'))
                                            << u"field 55: 257 bytes exceed 255"_qs;
}

void tst_Iso8583Malformed::malformedIcDataIsRejected()
{
    QFETCH(QByteArray, icData);
    QFETCH(QString, detail);
    const Result<QList<TlvElement>> parsed = parseIcData(icData);
    QVERIFY(!parsed);
    verifyProtocolViolation(parsed.error(), detail);
}

void tst_Iso8583Malformed::reassemblerYieldsFrames_data()
{
    QTest::addColumn<QList<int>>("chunkSizes");
    QTest::newRow("all at once") << QList<int>{100000};
    QTest::newRow("byte by byte") << QList<int>{1};
    QTest::newRow("split inside the length prefix") << QList<int>{1, 70, 1, 200};
    QTest::newRow("split right after the prefix") << QList<int>{2, 60, 2};
    QTest::newRow("frames merged and split") << QList<int>{130, 250, 7};
    QList<int> random;
    QRandomGenerator generator(20260115);
    for (int index = 0; index < 64; ++index)
        random.append(generator.bounded(1, 90));
    QTest::newRow("seeded random chunks") << random;
}

void tst_Iso8583Malformed::reassemblerYieldsFrames()
{
    QFETCH(QList<int>, chunkSizes);
    const QList<QByteArray> frames = {test::signOnRequestFrame(), test::signOnResponseFrame(),
                                      test::purchaseFrame(), test::purchaseFrame()};
    QByteArray stream;
    QList<QByteArray> bodies;
    for (const QByteArray& frame : frames) {
        stream += frame;
        bodies.append(frame.mid(2));
    }
    FrameReassembler reassembler;
    QCOMPARE(feedInChunks(reassembler, stream, chunkSizes), bodies);
    QCOMPARE(reassembler.bufferedBytes(), 0);
}

void tst_Iso8583Malformed::reassemblerRejectsOversizedLength_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("detail");
    QTest::newRow("first frame oversized")
        << fromSpacedHex("FFFF 6000")
        << u"frame at offset 0: length 0xFFFF (65535 bytes) exceeds max 2048"_qs;
    QTest::newRow("second frame oversized")
        << QByteArray(test::purchaseFrame() + fromSpacedHex("0801"))
        << u"frame at offset 126: length 0x0801 (2049 bytes) exceeds max 2048"_qs;
    QTest::newRow("zero length") << fromSpacedHex("0000 6000") << u"frame at offset 0: length 0"_qs;
}

void tst_Iso8583Malformed::reassemblerRejectsOversizedLength()
{
    QFETCH(QByteArray, stream);
    QFETCH(QString, detail);
    FrameReassembler reassembler;
    const Result<QList<QByteArray>> first = reassembler.feed(stream);
    QVERIFY(!first);
    verifyProtocolViolation(first.error(), detail);
    // The stream cannot be resynchronised: later bytes, even a valid frame, fail the same way.
    const Result<QList<QByteArray>> later = reassembler.feed(test::purchaseFrame());
    QVERIFY(!later);
    QCOMPARE(later.error().detail, first.error().detail);
}

void tst_Iso8583Malformed::reassemblerRecoversAfterReset()
{
    FrameReassembler reassembler;
    QVERIFY(!reassembler.feed(fromSpacedHex("0900")));
    reassembler.reset();
    const Result<QList<QByteArray>> frames = reassembler.feed(test::purchaseFrame());
    POS_VERIFY_RESULT(frames);
    QCOMPARE(frames.value(), QList<QByteArray>{test::purchaseFrame().mid(2)});
}

QTEST_GUILESS_MAIN(tst_Iso8583Malformed)
#include "tst_iso8583_malformed.moc"
