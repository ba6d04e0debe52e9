// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The PIN pad emulator's device key algorithms end to end in one process: DEVICE_INFO reports the algorithm
// and the public key, the acquirer simulator's activation wrap (wrapKeyForPinPad) for that key goes into
// LOAD_TMK, and the KCV the pad computes matches the acquirer's. Negative rows: a corrupted ciphertext, a
// TMK wrapped for another pad, a wrong expected KCV. Then the SM2 key's persistence in the data directory.
#include "simulators/PadEmulatorLink.h"
#include "simulators/acquirer/api/ActivationService.h"
#include "simulators/pinpad/PadDeviceKey.h"
#include "simulators/pinpad/PinPadEmulator.h"
#include "support/TestSupport.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::sim;
using namespace pos::test;

Q_DECLARE_METATYPE(pos::sim::PadDeviceKey::Algorithm)

namespace {

enum : quint8 { DeviceInfo = 0x30, LoadTmk = 0x31 };
const QByteArray tmk = QByteArray::fromHex("00112233445566778899AABBCCDDEEFF");

std::unique_ptr<PinPadEmulator> makePad(PadDeviceKey::Algorithm algorithm, const QString& dataDir = {})
{
    PinPadEmulator::Options options;
    options.keyAlgorithm = algorithm;
    options.dataDir = dataDir;
    Result<std::unique_ptr<PinPadEmulator>> pad = PinPadEmulator::create(options);
    return pad ? std::move(pad).value() : nullptr;
}

} // namespace

class tst_PadSm2 final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deviceInfoReportsTheAlgorithm_data();
    void deviceInfoReportsTheAlgorithm();
    void activationWrapLoadsTheTmk_data();
    void activationWrapLoadsTheTmk();
    void sm2KeyIsKeptInTheDataDirectory();
    void keyFileOfAnotherAlgorithmIsRefused();
};

void tst_PadSm2::deviceInfoReportsTheAlgorithm_data()
{
    QTest::addColumn<PadDeviceKey::Algorithm>("algorithm");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("opensslType");
    QTest::newRow("RSA") << PadDeviceKey::Algorithm::Rsa << QByteArray("RSA-OAEP-SHA256") << u"RSA"_qs;
    QTest::newRow("SM2") << PadDeviceKey::Algorithm::Sm2 << QByteArray("SM2") << u"SM2"_qs;
}

void tst_PadSm2::deviceInfoReportsTheAlgorithm()
{
    QFETCH(PadDeviceKey::Algorithm, algorithm);
    QFETCH(QByteArray, name);
    QFETCH(QString, opensslType);
    std::unique_ptr<PinPadEmulator> pad = makePad(algorithm);
    QVERIFY(pad);
    PadEmulatorLink link(*pad);
    link.send(DeviceInfo);
    const std::optional<PadMessage> info = link.reply(DeviceInfo);
    QVERIFY(info);
    QCOMPARE(info->state, quint8(0));
    QCOMPARE(info->items.value(0x05), name);
    QCOMPARE(info->items.value(0x04), pad->publicKeyDer());
    // The acquirer accepts the key only as the algorithm the pad announces.
    const QString other = opensslType == u"SM2"_qs ? rsaOaepSha256 : sm2Algorithm;
    QVERIFY(wrapKeyForPinPad(info->items.value(0x04), QString::fromLatin1(name), tmk).hasValue());
    QCOMPARE(wrapKeyForPinPad(info->items.value(0x04), other, tmk).error().code, ErrorCode::InvalidInput);
}

void tst_PadSm2::activationWrapLoadsTheTmk_data()
{
    QTest::addColumn<PadDeviceKey::Algorithm>("algorithm");
    QTest::addColumn<QString>("fault"); // none, corrupt, other-pad, wrong-kcv
    QTest::addColumn<int>("state");
    const auto sm2 = PadDeviceKey::Algorithm::Sm2;
    const auto rsa = PadDeviceKey::Algorithm::Rsa;
    QTest::newRow("SM2 pad, SM4 TMK") << sm2 << u"none"_qs << 0;
    QTest::newRow("SM2 pad, corrupted ciphertext") << sm2 << u"corrupt"_qs << 6;
    QTest::newRow("SM2 pad, truncated ciphertext") << sm2 << u"truncate"_qs << 6;
    QTest::newRow("SM2 pad, TMK wrapped for another pad") << sm2 << u"other-pad"_qs << 6;
    QTest::newRow("SM2 pad, wrong expected KCV") << sm2 << u"wrong-kcv"_qs << 6;
    QTest::newRow("RSA pad, 3DES TMK") << rsa << u"none"_qs << 0;
    QTest::newRow("RSA pad, corrupted ciphertext") << rsa << u"corrupt"_qs << 6;
}

void tst_PadSm2::activationWrapLoadsTheTmk()
{
    QFETCH(PadDeviceKey::Algorithm, algorithm);
    QFETCH(QString, fault);
    QFETCH(int, state);
    const bool sm2 = algorithm == PadDeviceKey::Algorithm::Sm2;
    std::unique_ptr<PinPadEmulator> pad = makePad(algorithm);
    QVERIFY(pad);
    QByteArray targetKey = pad->publicKeyDer();
    std::unique_ptr<PinPadEmulator> otherPad;
    if (fault == u"other-pad"_qs) {
        otherPad = makePad(algorithm);
        QVERIFY(otherPad);
        targetKey = otherPad->publicKeyDer();
    }
    Result<QByteArray> wrapped = wrapKeyForPinPad(targetKey, sm2 ? sm2Algorithm : rsaOaepSha256, tmk);
    POS_VERIFY_RESULT(wrapped);
    QByteArray ciphertext = wrapped.value();
    if (fault == u"corrupt"_qs)
        ciphertext[ciphertext.size() - 1] = static_cast<char>(ciphertext.at(ciphertext.size() - 1) ^ 0x01);
    if (fault == u"truncate"_qs)
        ciphertext.chop(5);
    const KeyScheme scheme = sm2 ? KeyScheme::Sm4 : KeyScheme::TripleDes;
    const Result<QString> acquirerKcv = keyCheckValue(scheme, tmk);
    POS_VERIFY_RESULT(acquirerKcv);
    QByteArray expectedKcv = QByteArray::fromHex(acquirerKcv.value().toLatin1());
    if (fault == u"wrong-kcv"_qs)
        expectedKcv[0] = static_cast<char>(expectedKcv.at(0) ^ 0x01);

    PadEmulatorLink link(*pad);
    link.send(
        LoadTmk,
        {{0x10, ciphertext}, {0x11, sm2 ? QByteArray("sm4") : QByteArray("3des")}, {0x12, expectedKcv}});
    const std::optional<PadMessage> answer = link.reply(LoadTmk);
    QVERIFY(answer);
    QCOMPARE(int(answer->state), state);
    if (state == 0)
        QCOMPARE(answer->items.value(0x12).toHex().toUpper(), acquirerKcv.value().toLatin1());
    else
        QVERIFY(!answer->items.contains(0x12));
    link.send(DeviceInfo);
    const std::optional<PadMessage> info = link.reply(DeviceInfo);
    QVERIFY(info);
    QCOMPARE(bool(info->items.value(0x06).at(0) & 0x01), state == 0); // TMK loaded
}

void tst_PadSm2::sm2KeyIsKeptInTheDataDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray first;
    {
        std::unique_ptr<PinPadEmulator> pad = makePad(PadDeviceKey::Algorithm::Sm2, dir.path());
        QVERIFY(pad);
        first = pad->publicKeyDer();
    }
    QVERIFY(QFile::exists(dir.filePath(u"pinpad-device-key-sm2.pem"_qs)));
    std::unique_ptr<PinPadEmulator> again = makePad(PadDeviceKey::Algorithm::Sm2, dir.path());
    QVERIFY(again);
    QCOMPARE(again->publicKeyDer(), first);
    // The RSA key of the same folder is a different file and a different key.
    std::unique_ptr<PinPadEmulator> rsa = makePad(PadDeviceKey::Algorithm::Rsa, dir.path());
    QVERIFY(rsa);
    QVERIFY(rsa->publicKeyDer() != first);
}

void tst_PadSm2::keyFileOfAnotherAlgorithmIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"key.pem"_qs);
    POS_VERIFY_RESULT(PadDeviceKey::loadOrCreate(path, PadDeviceKey::Algorithm::Rsa));
    const Result<std::unique_ptr<PadDeviceKey>> asSm2 =
        PadDeviceKey::loadOrCreate(path, PadDeviceKey::Algorithm::Sm2);
    QVERIFY(!asSm2);
    QCOMPARE(asSm2.error().code, ErrorCode::CryptoFailure);
}

QTEST_GUILESS_MAIN(tst_PadSm2)
#include "tst_pad_sm2.moc"
