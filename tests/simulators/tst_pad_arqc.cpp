// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The PIN pad emulator's chip and contactless cards answer READ_CARD with IC data (tag 47) whose ARQC a host
// can verify under the test issuer key: the amount of the request and its transaction type (tag 34) are in
// it, the ATC grows by one per read and card, survives a restart with a data directory, and the UN changes
// every read. Magstripe reads carry no tag 47. Negative rows: the ARQC does not verify for another amount,
// PAN or key.
#include "acquirer/iso8583/Tlv.h"
#include "simulators/PadEmulatorLink.h"
#include "simulators/acquirer/TestCards.h"
#include "simulators/pinpad/EmvTestCard.h"
#include "simulators/pinpad/PinPadEmulator.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::sim;
using namespace pos::test;

namespace {

enum : quint8 { ReadCard = 0x33 };

std::unique_ptr<PinPadEmulator> makePad(const QStringList& cardLabels, const QString& dataDir = {})
{
    PinPadEmulator::Options options;
    options.dataDir = dataDir;
    for (const QString& label : cardLabels)
        options.script.append({CardholderStep::Card, label});
    Result<std::unique_ptr<PinPadEmulator>> pad = PinPadEmulator::create(options);
    return pad ? std::move(pad).value() : nullptr;
}

std::optional<PadMessage> readCard(PadEmulatorLink& link, const QByteArray& amountFen, int type = -1)
{
    QMap<quint8, QByteArray> items{{0x30, amountFen}, {0x31, QByteArray(1, '\x05')}};
    if (type >= 0)
        items.insert(0x34, QByteArray(1, static_cast<char>(type)));
    link.send(ReadCard, items);
    return link.reply(ReadCard);
}

QByteArray tagOf(const QByteArray& icData, quint32 tag)
{
    const Result<QList<acquirer::TlvElement>> elements = acquirer::decodeTlv(icData);
    if (!elements)
        return {};
    const acquirer::TlvElement* found = acquirer::findTlv(elements.value(), tag);
    return found ? found->value : QByteArray();
}

quint16 atcOf(const QByteArray& icData)
{
    const QByteArray atc = tagOf(icData, 0x9F36);
    return atc.size() == 2
               ? static_cast<quint16>((static_cast<quint8>(atc.at(0)) << 8) | static_cast<quint8>(atc.at(1)))
               : 0;
}

} // namespace

class tst_PadArqc final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chipReadCarriesAVerifiableArqc_data();
    void chipReadCarriesAVerifiableArqc();
    void arqcDoesNotVerifyForOtherInputs_data();
    void arqcDoesNotVerifyForOtherInputs();
    void atcCountsPerCardAndUnChanges();
    void atcSurvivesARestartWithADataDirectory();
    void magstripeReadHasNoIcData();
};

void tst_PadArqc::chipReadCarriesAVerifiableArqc_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("expectedType");
    QTest::newRow("chip sale") << u"chip-approve"_qs << -1 << QByteArray::fromHex("00");
    QTest::newRow("chip refund") << u"chip-approve"_qs << 0x20 << QByteArray::fromHex("20");
    QTest::newRow("contactless sale") << u"contactless-approve"_qs << 0x00 << QByteArray::fromHex("00");
}

void tst_PadArqc::chipReadCarriesAVerifiableArqc()
{
    QFETCH(QString, label);
    QFETCH(int, type);
    QFETCH(QByteArray, expectedType);
    const std::unique_ptr<PinPadEmulator> pad = makePad({label});
    QVERIFY(pad);
    PadEmulatorLink link(*pad);
    const std::optional<PadMessage> reply = readCard(link, "12345", type);
    QVERIFY(reply);
    QCOMPARE(reply->state, quint8(0));
    const QByteArray icData = reply->items.value(0x47);
    QVERIFY(!icData.isEmpty());
    QCOMPARE(tagOf(icData, 0x9F02), QByteArray::fromHex("000000012345"));
    QCOMPARE(tagOf(icData, 0x9C), expectedType);
    QCOMPARE(tagOf(icData, 0x9A),
             QByteArray::fromHex(QDate::currentDate().toString(u"yyMMdd"_qs).toLatin1()));
    QCOMPARE(atcOf(icData), quint16(1));
    QVERIFY(tagOf(icData, 0x5A).isEmpty());
    QVERIFY(tagOf(icData, 0x57).isEmpty());

    const std::optional<TestCard> card = findTestCardByLabel(label);
    QVERIFY(card);
    const Result<bool> verified =
        verifyIccData(emvTestIssuerMasterKey(), card->pan, card->cardSequence, icData);
    QVERIFY2(verified, verified ? "" : qPrintable(verified.error().detail));
    QVERIFY(verified.value());
}

void tst_PadArqc::arqcDoesNotVerifyForOtherInputs_data()
{
    QTest::addColumn<QString>("pan");
    QTest::addColumn<QString>("sequence");
    QTest::addColumn<QByteArray>("issuerKey");
    QTest::addColumn<QByteArray>("amount"); // replaces 9F02 when not empty
    const TestCard chip = findTestCardByLabel(u"chip-approve").value();
    QByteArray otherKey = emvTestIssuerMasterKey();
    otherKey[0] = static_cast<char>(otherKey.at(0) ^ 0x10);
    QTest::newRow("other amount") << chip.pan << chip.cardSequence << emvTestIssuerMasterKey()
                                  << QByteArray::fromHex("000000012346");
    QTest::newRow("other PAN") << findTestCardByLabel(u"contactless-approve")->pan << chip.cardSequence
                               << emvTestIssuerMasterKey() << QByteArray();
    QTest::newRow("other sequence") << chip.pan << u"002"_qs << emvTestIssuerMasterKey() << QByteArray();
    QTest::newRow("other key") << chip.pan << chip.cardSequence << otherKey << QByteArray();
}

void tst_PadArqc::arqcDoesNotVerifyForOtherInputs()
{
    QFETCH(QString, pan);
    QFETCH(QString, sequence);
    QFETCH(QByteArray, issuerKey);
    QFETCH(QByteArray, amount);
    const std::unique_ptr<PinPadEmulator> pad = makePad({u"chip-approve"_qs});
    QVERIFY(pad);
    PadEmulatorLink link(*pad);
    const std::optional<PadMessage> reply = readCard(link, "12345");
    QVERIFY(reply);
    QByteArray icData = reply->items.value(0x47);
    if (!amount.isEmpty()) {
        QList<acquirer::TlvElement> elements = acquirer::decodeTlv(icData).value();
        for (acquirer::TlvElement& element : elements) {
            if (element.tag == 0x9F02)
                element.value = amount;
        }
        icData = acquirer::encodeTlv(elements).value();
    }
    const Result<bool> verified = verifyIccData(issuerKey, pan, sequence, icData);
    QVERIFY(verified);
    QCOMPARE(verified.value(), false);
}

void tst_PadArqc::atcCountsPerCardAndUnChanges()
{
    const std::unique_ptr<PinPadEmulator> pad =
        makePad({u"chip-approve"_qs, u"chip-approve"_qs, u"contactless-approve"_qs, u"chip-approve"_qs});
    QVERIFY(pad);
    PadEmulatorLink link(*pad);
    QList<QByteArray> icData;
    for (int read = 0; read < 4; ++read) {
        const std::optional<PadMessage> reply = readCard(link, "100");
        QVERIFY(reply);
        icData.append(reply->items.value(0x47));
    }
    QCOMPARE(atcOf(icData.at(0)), quint16(1));
    QCOMPARE(atcOf(icData.at(1)), quint16(2));
    QCOMPARE(atcOf(icData.at(2)), quint16(1)); // the contactless card has its own counter
    QCOMPARE(atcOf(icData.at(3)), quint16(3));
    QVERIFY(tagOf(icData.at(0), 0x9F37) != tagOf(icData.at(1), 0x9F37));
    QVERIFY(tagOf(icData.at(0), 0x9F26) != tagOf(icData.at(1), 0x9F26));
}

void tst_PadArqc::atcSurvivesARestartWithADataDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const quint16 expected : {quint16(1), quint16(2)}) {
        const std::unique_ptr<PinPadEmulator> pad = makePad({u"chip-approve"_qs}, dir.path());
        QVERIFY(pad);
        PadEmulatorLink link(*pad);
        const std::optional<PadMessage> reply = readCard(link, "100");
        QVERIFY(reply);
        QCOMPARE(atcOf(reply->items.value(0x47)), expected);
    }
    QVERIFY(QFile::exists(dir.filePath(u"pinpad-atc.json"_qs)));

    // Without a data directory every emulator starts afresh.
    for (int run = 0; run < 2; ++run) {
        const std::unique_ptr<PinPadEmulator> pad = makePad({u"chip-approve"_qs});
        QVERIFY(pad);
        PadEmulatorLink link(*pad);
        const std::optional<PadMessage> reply = readCard(link, "100");
        QVERIFY(reply);
        QCOMPARE(atcOf(reply->items.value(0x47)), quint16(1));
    }
}

void tst_PadArqc::magstripeReadHasNoIcData()
{
    const std::unique_ptr<PinPadEmulator> pad = makePad({u"magstripe-approve"_qs});
    QVERIFY(pad);
    PadEmulatorLink link(*pad);
    const std::optional<PadMessage> reply = readCard(link, "100");
    QVERIFY(reply);
    QCOMPARE(reply->state, quint8(0));
    QCOMPARE(reply->items.value(0x40), QByteArray(1, '\x01'));
    QVERIFY(!reply->items.contains(0x47));
    QVERIFY(!reply->items.contains(0x46));
}

QTEST_GUILESS_MAIN(tst_PadArqc)
#include "tst_pad_arqc.moc"
