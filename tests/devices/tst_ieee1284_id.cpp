// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// IEEE 1284 device ids: the "KEY:value;" text and the GET_DEVICE_ID reply framing.
#include "devices/usb/Ieee1284Id.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;

class tst_Ieee1284Id final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fields_data();
    void fields();
    void reply_data();
    void reply();
    void badReply_data();
    void badReply();
};

void tst_Ieee1284Id::fields_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("manufacturer");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QStringList>("commandSets");
    QTest::addColumn<bool>("escPos");
    QTest::newRow("short keys") << u"MFG:Xprinter;MDL:XP-58;CMD:ESC/POS;CLS:PRINTER;"_qs << u"Xprinter"_qs
                                << u"XP-58"_qs << QStringList{u"ESC/POS"_qs} << true;
    QTest::newRow("long keys, spaces, no final ;")
        << u"MANUFACTURER:EPSON; MODEL:TM-T20II ; COMMAND SET:ESC/POS,RASTER"_qs << u"EPSON"_qs
        << u"TM-T20II"_qs << QStringList{u"ESC/POS"_qs, u"RASTER"_qs} << true;
    QTest::newRow("lower-case keys, ESCPOS") << u"mfg:Gprinter;mdl:GP-58;cmd:escpos;"_qs << u"Gprinter"_qs
                                             << u"GP-58"_qs << QStringList{u"escpos"_qs} << true;
    QTest::newRow("office printer") << u"MFG:HP;MDL:LaserJet 1020;CMD:PCL,PJL,POSTSCRIPT;"_qs << u"HP"_qs
                                    << u"LaserJet 1020"_qs
                                    << QStringList{u"PCL"_qs, u"PJL"_qs, u"POSTSCRIPT"_qs} << false;
    QTest::newRow("first value wins")
        << u"MFG:A;MANUFACTURER:B;MDL:M;"_qs << u"A"_qs << u"M"_qs << QStringList() << false;
    QTest::newRow("garbage pairs skipped")
        << u";;noColon;:empty key;MDL:X;"_qs << QString() << u"X"_qs << QStringList() << false;
    QTest::newRow("empty") << QString() << QString() << QString() << QStringList() << false;
}

void tst_Ieee1284Id::fields()
{
    QFETCH(QString, text);
    QFETCH(QString, manufacturer);
    QFETCH(QString, model);
    QFETCH(QStringList, commandSets);
    QFETCH(bool, escPos);
    const Ieee1284Id id = parseIeee1284Id(text);
    QCOMPARE(id.manufacturer(), manufacturer);
    QCOMPARE(id.model(), model);
    QCOMPARE(id.commandSets(), commandSets);
    QCOMPARE(id.speaksEscPos(), escPos);
    // The canonical text parses back to the same fields.
    QCOMPARE(parseIeee1284Id(id.toString()).fields, id.fields);
}

void tst_Ieee1284Id::reply_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("canonical");
    const QByteArray text = "MFG:Xprinter;CMD:ESC/POS;MDL:XP-58;";
    QByteArray reply(2, '\0');
    reply[1] = static_cast<char>(text.size() + 2);
    QTest::newRow("exact") << reply + text << u"CMD:ESC/POS;MDL:XP-58;MFG:Xprinter;"_qs;
    // The host asked for 1024 bytes; what follows the declared length is not part of the id.
    QTest::newRow("padding after the id")
        << reply + text + QByteArray(16, '\0') + "MDL:other;" << u"CMD:ESC/POS;MDL:XP-58;MFG:Xprinter;"_qs;
    QTest::newRow("length only") << QByteArray::fromHex("0002") << QString();
}

void tst_Ieee1284Id::reply()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, canonical);
    const Result<Ieee1284Id> id = parseIeee1284Reply(reply);
    POS_VERIFY_RESULT(id);
    QCOMPARE(id.value().toString(), canonical);
}

void tst_Ieee1284Id::badReply_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArray::fromHex("00");
    QTest::newRow("length below 2") << QByteArray::fromHex("0001414243");
    QTest::newRow("length beyond the reply") << QByteArray::fromHex("0010") + QByteArray("MFG:X;");
}

void tst_Ieee1284Id::badReply()
{
    QFETCH(QByteArray, reply);
    const Result<Ieee1284Id> id = parseIeee1284Reply(reply);
    QVERIFY(!id);
    QCOMPARE(id.error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(tst_Ieee1284Id)
#include "tst_ieee1284_id.moc"
