// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Printer status: DLE EOT replies per query, ASB blocks, and the reader that tells them apart in one stream.
#include "devices/escpos/PrinterStatus.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;

namespace {

QString describe(const StatusReader::Item& item)
{
    if (const auto* reply = std::get_if<StatusReader::DleEotReply>(&item))
        return u"eot%1:%2"_qs.arg(reply->n).arg(reply->byte, 2, 16, QLatin1Char('0'));
    if (const auto* asb = std::get_if<StatusReader::AsbBlock>(&item))
        return u"asb:%1%2%3"_qs.arg(asb->status.offline ? u"offline "_qs : QString(),
                                    asb->status.coverOpen ? u"cover "_qs : QString(),
                                    asb->status.paperEnd ? u"paper-end"_qs : QString());
    return u"drop:%1"_qs.arg(std::get<StatusReader::Dropped>(item).byte, 2, 16, QLatin1Char('0'));
}

} // namespace

class tst_PrinterStatus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queriesAreTheDocumentedBytes()
    {
        QCOMPARE(dleEotQuery(4).toHex(' '), QByteArray("10 04 04"));
        QCOMPARE(asbEnable(true).toHex(' '), QByteArray("1d 61 0f"));
        QCOMPARE(asbEnable(false).toHex(' '), QByteArray("1d 61 00"));
    }

    void dleEotReplies_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("reply");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("canPrint");
        QTest::addColumn<QString>("what");
        QTest::newRow("1 online") << 1 << 0x12 << true << true << u""_qs;
        QTest::newRow("1 offline") << 1 << 0x1A << true << false << u"offline"_qs;
        QTest::newRow("2 cover open") << 2 << 0x16 << true << false << u"cover"_qs;
        QTest::newRow("2 stopped by paper end") << 2 << 0x32 << true << false << u"paper-end"_qs;
        QTest::newRow("3 cutter error") << 3 << 0x1A << true << false << u"cutter"_qs;
        QTest::newRow("3 auto-recoverable only") << 3 << 0x52 << true << true << u"auto"_qs;
        QTest::newRow("4 near end") << 4 << 0x1E << true << true << u"near-end"_qs;
        QTest::newRow("4 paper end") << 4 << 0x72 << true << false << u"paper-end"_qs;
        QTest::newRow("fixed bits wrong") << 1 << 0x00 << false << true << u""_qs;
        QTest::newRow("bit 7 set") << 1 << 0x92 << false << true << u""_qs;
        QTest::newRow("n out of range") << 5 << 0x12 << false << true << u""_qs;
    }
    void dleEotReplies()
    {
        QFETCH(int, n);
        QFETCH(int, reply);
        QFETCH(bool, valid);
        QFETCH(bool, canPrint);
        QFETCH(QString, what);
        PrinterStatus status;
        QCOMPARE(applyDleEotReply(n, static_cast<quint8>(reply), status).hasValue(), valid);
        QCOMPARE(status.canPrint(), canPrint);
        if (what == u"offline"_qs)
            QVERIFY(status.offline);
        else if (what == u"cover"_qs)
            QVERIFY(status.coverOpen);
        else if (what == u"paper-end"_qs)
            QVERIFY(status.paperEnd);
        else if (what == u"cutter"_qs)
            QVERIFY(status.cutterError);
        else if (what == u"auto"_qs)
            QVERIFY(status.autoRecoverableError);
        else if (what == u"near-end"_qs)
            QVERIFY(status.paperNearEnd && !status.paperEnd);
        else
            QCOMPARE(status, PrinterStatus{});
    }

    void asbBlocks_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("canPrint");
        QTest::newRow("all fine") << QByteArray::fromHex("10000000") << true << true;
        QTest::newRow("offline, cover open") << QByteArray::fromHex("38000000") << true << false;
        QTest::newRow("paper near end") << QByteArray::fromHex("10000300") << true << true;
        QTest::newRow("paper end") << QByteArray::fromHex("18000c00") << true << false;
        QTest::newRow("unrecoverable error") << QByteArray::fromHex("10200000") << true << false;
        QTest::newRow("first byte not ASB") << QByteArray::fromHex("12000000") << false << true;
        QTest::newRow("following byte bit 4") << QByteArray::fromHex("10100000") << false << true;
        QTest::newRow("three bytes") << QByteArray::fromHex("100000") << false << true;
    }
    void asbBlocks()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QFETCH(bool, canPrint);
        const Result<PrinterStatus> status = parseAsb(bytes);
        QCOMPARE(status.hasValue(), valid);
        if (valid)
            QCOMPARE(status.value().canPrint(), canPrint);
    }

    void readerSeparatesTheStream_data()
    {
        QTest::addColumn<QList<int>>("expected"); // DLE EOT queries sent, in order
        QTest::addColumn<QList<QByteArray>>("chunks");
        QTest::addColumn<QStringList>("items");
        QTest::newRow("two replies") << QList<int>{1, 4} << QList<QByteArray>{QByteArray::fromHex("121e")}
                                     << QStringList{u"eot1:12"_qs, u"eot4:1e"_qs};
        QTest::newRow("ASB between replies")
            << QList<int>{1} << QList<QByteArray>{QByteArray::fromHex("3800000012")}
            << QStringList{u"asb:offline cover "_qs, u"eot1:12"_qs};
        QTest::newRow("ASB split across reads")
            << QList<int>{}
            << QList<QByteArray>{QByteArray::fromHex("18"), QByteArray::fromHex("000c"),
                                 QByteArray::fromHex("00")}
            << QStringList{u"asb:offline paper-end"_qs};
        QTest::newRow("XOFF inside ASB")
            << QList<int>{} << QList<QByteArray>{QByteArray::fromHex("1000130000")}
            << QStringList{u"asb:"_qs};
        QTest::newRow("unexpected reply byte dropped")
            << QList<int>{} << QList<QByteArray>{QByteArray::fromHex("12")} << QStringList{u"drop:12"_qs};
        QTest::newRow("broken ASB dropped, reading goes on")
            << QList<int>{1} << QList<QByteArray>{QByteArray::fromHex("10ff12")}
            << QStringList{u"drop:10"_qs, u"drop:ff"_qs, u"eot1:12"_qs};
    }
    void readerSeparatesTheStream()
    {
        QFETCH(QList<int>, expected);
        QFETCH(QList<QByteArray>, chunks);
        QFETCH(QStringList, items);
        StatusReader reader;
        for (int n : expected)
            reader.expectDleEotReply(n);
        QStringList seen;
        for (const QByteArray& chunk : chunks) {
            reader.feed(chunk);
            while (std::optional<StatusReader::Item> item = reader.next())
                seen << describe(*item);
        }
        QCOMPARE(seen, items);
        QCOMPARE(reader.awaitedReplies(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_PrinterStatus)
#include "tst_printer_status.moc"
