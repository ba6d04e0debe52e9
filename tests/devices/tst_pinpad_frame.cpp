// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// PIN pad framing (docs/pinpad-protocol.md §1–§2): the documented example, round trips, split/merged/noisy
// streams, NAK, and each class of invalid frame; tagged items strict.
#include "devices/pinpad/PinPadFrame.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;

namespace {

QList<PinPadReadItem> readAll(PinPadFrameReader& reader)
{
    QList<PinPadReadItem> items;
    while (std::optional<PinPadReadItem> item = reader.next())
        items.append(std::move(*item));
    return items;
}

QString describe(const PinPadReadItem& item)
{
    if (const auto* frame = std::get_if<PinPadFrame>(&item))
        return u"frame %1/%2/%3"_qs.arg(frame->command, 2, 16, QLatin1Char('0'))
            .arg(frame->state, 2, 16, QLatin1Char('0'))
            .arg(QString::fromLatin1(frame->data.toHex()));
    if (std::holds_alternative<PinPadNakReceived>(item))
        return u"nak"_qs;
    return u"invalid"_qs;
}

QStringList describeAll(const QList<PinPadReadItem>& items)
{
    QStringList out;
    for (const PinPadReadItem& item : items)
        out << describe(item);
    return out;
}

} // namespace

class tst_PinPadFrame final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedExampleEncodes()
    {
        QCOMPARE(encodePinPadFrame({0x30, 0x00, {}}).toHex(' '),
                 QByteArray("02 33 30 30 30 30 30 30 30 33 30 03"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("command");
        QTest::addColumn<int>("state");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty request") << 0x30 << 0x00 << QByteArray();
        QTest::newRow("reply with items")
            << 0x35 << 0x00 << encodePinPadItems({{0x62, QByteArray::fromHex("0102030405060708")}});
        QTest::newRow("error state") << 0x34 << 0x05 << QByteArray();
        QTest::newRow("event") << 0x80 << 0x00 << encodePinPadItems({{0x90, "\x01"}, {0x91, "\x04"}});
        QTest::newRow("STX ETX NAK bytes in data") << 0x37 << 0x00 << QByteArray("\x02\x03\x15\x00\xff", 5);
        QTest::newRow("longest data") << 0x33 << 0x00 << QByteArray(pinPadMaxDataLength, 'x');
    }
    void roundTrip()
    {
        QFETCH(int, command);
        QFETCH(int, state);
        QFETCH(QByteArray, data);
        const PinPadFrame sent{static_cast<quint8>(command), static_cast<quint8>(state), data};
        PinPadFrameReader reader;
        reader.feed(encodePinPadFrame(sent));
        const QList<PinPadReadItem> items = readAll(reader);
        QCOMPARE(items.size(), 1);
        QCOMPARE(describe(items.first()), describe(sent));
    }

    void streamIsReassembled_data()
    {
        QTest::addColumn<QList<QByteArray>>("chunks");
        QTest::addColumn<QStringList>("expected");
        const QByteArray a = encodePinPadFrame({0x30, 0x00, {}});
        const QByteArray b = encodePinPadFrame({0x35, 0x00, QByteArray::fromHex("620002abcd")});
        const QStringList both{u"frame 30/00/"_qs, u"frame 35/00/620002abcd"_qs};
        QList<QByteArray> bytewise;
        for (const char byte : QByteArray(a + b))
            bytewise.append(QByteArray(1, byte));
        QTest::newRow("one byte at a time") << bytewise << both;
        QTest::newRow("merged") << QList<QByteArray>{a + b} << both;
        QTest::newRow("split inside hex") << QList<QByteArray>{a + b.left(5), b.mid(5)} << both;
        QTest::newRow("noise between")
            << QList<QByteArray>{QByteArray("\xff\x00zz", 4) + a + "\x7f" + b} << both;
        QTest::newRow("NAK between") << QList<QByteArray>{a + QByteArray(1, pinPadNak) + b}
                                     << QStringList{both.at(0), u"nak"_qs, both.at(1)};
        QByteArray badBcc = a;
        badBcc[badBcc.size() - 2] = '1';
        QTest::newRow("bad BCC then good")
            << QList<QByteArray>{badBcc + b} << QStringList{u"invalid"_qs, both.at(1)};
        QTest::newRow("cut by a new STX")
            << QList<QByteArray>{a.left(5) + b} << QStringList{u"invalid"_qs, both.at(1)};
        QTest::newRow("odd hex") << QList<QByteArray>{"\x02"
                                                      "300000003\x03" +
                                                      b}
                                 << QStringList{u"invalid"_qs, both.at(1)};
        QTest::newRow("non-hex") << QList<QByteArray>{"\x02"
                                                      "30G0000030\x03" +
                                                      b}
                                 << QStringList{u"invalid"_qs, both.at(1)};
        QTest::newRow("LEN larger than data") << QList<QByteArray>{"\x02"
                                                                   "3000000131\x03" +
                                                                   b}
                                              << QStringList{u"invalid"_qs, both.at(1)};
        QTest::newRow("too short") << QList<QByteArray>{"\x02"
                                                        "3000\x03" +
                                                        b}
                                   << QStringList{u"invalid"_qs, both.at(1)};
        QTest::newRow("LEN above the limit") << QList<QByteArray>{"\x02"
                                                                  "3000100120\x03" +
                                                                  b}
                                             << QStringList{u"invalid"_qs, both.at(1)};
        QTest::newRow("unterminated, then more") << QList<QByteArray>{a.left(7)} << QStringList{};
    }
    void streamIsReassembled()
    {
        QFETCH(QList<QByteArray>, chunks);
        QFETCH(QStringList, expected);
        PinPadFrameReader reader;
        QList<PinPadReadItem> items;
        for (const QByteArray& chunk : chunks) {
            reader.feed(chunk);
            items += readAll(reader);
        }
        QCOMPARE(describeAll(items), expected);
    }

    void runawayFrameIsDropped()
    {
        PinPadFrameReader reader;
        reader.feed(QByteArray(QByteArray(1, pinPadStx) + QByteArray(3 * pinPadMaxDataLength, '0')));
        const QList<PinPadReadItem> items = readAll(reader);
        QCOMPARE(describeAll(items), QStringList{u"invalid"_qs});
        reader.feed(encodePinPadFrame({0x30, 0x00, {}}));
        QCOMPARE(describeAll(readAll(reader)), QStringList{u"frame 30/00/"_qs});
    }

    void itemsDecode_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("count");
        QTest::newRow("empty") << QByteArray() << true << 0;
        QTest::newRow("two items") << QByteArray::fromHex("0100024142"
                                                          "020000")
                                   << true << 2;
        QTest::newRow("header cut") << QByteArray::fromHex("0100") << false << 0;
        QTest::newRow("value past the end") << QByteArray::fromHex("01000341") << false << 0;
        QTest::newRow("repeated tag") << QByteArray::fromHex("010000"
                                                             "010000")
                                      << false << 0;
    }
    void itemsDecode()
    {
        QFETCH(QByteArray, data);
        QFETCH(bool, valid);
        QFETCH(int, count);
        const Result<QMap<quint8, QByteArray>> items = decodePinPadItems(data);
        QCOMPARE(items.hasValue(), valid);
        if (valid)
            QCOMPARE(items.value().size(), count);
    }

    void itemsRoundTrip()
    {
        const QList<PinPadItem> items{
            {0x41, "6225880112345678"}, {0x47, QByteArray(300, '\x9f')}, {0x56, "\x01"}};
        const Result<QMap<quint8, QByteArray>> decoded = decodePinPadItems(encodePinPadItems(items));
        QVERIFY(decoded.hasValue());
        for (const PinPadItem& item : items)
            QCOMPARE(decoded.value().value(item.tag), item.value);
    }
};

QTEST_GUILESS_MAIN(tst_PinPadFrame)
#include "tst_pinpad_frame.moc"
