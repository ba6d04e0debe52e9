// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The PIN pad driver against the PIN pad emulator as a separate process, over a real pseudo-terminal (and
// once over TCP): device info, TMK loading wrapped for the pad's own key, work keys from an F62 block, MAC
// and PIN block equal to what the software key store computes with the same keys, card reading, cancel, and
// the framing faults (bad BCC → NAK and resend, silence → timeout, split frames, unplug).
#include "acquirer/crypto/SoftwareKeyStore.h"
#include "acquirer/crypto/WorkKeys.h"
#include "core/crypto/CryptoPrimitives.h"
#include "devices/pinpad/PinPadDriver.h"
#include "devices/transport/ByteTransport.h"
#include "simulators/acquirer/TestCards.h"
#include "support/TestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;
using namespace pos::test;

namespace {

const QByteArray tmk = QByteArray::fromHex("0123456789ABCDEFFEDCBA9876543210");

// RSA-OAEP (SHA-256, MGF1-SHA-256) of clear under the SubjectPublicKeyInfo der: what the acquirer does at
// activation.
QByteArray wrapFor(const QByteArray& der, const QByteArray& clear)
{
    const auto* in = reinterpret_cast<const unsigned char*>(der.constData());
    EVP_PKEY* key = d2i_PUBKEY(nullptr, &in, der.size());
    EVP_PKEY_CTX* context = key ? EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr) : nullptr;
    QByteArray out;
    size_t size = 0;
    if (context && EVP_PKEY_encrypt_init(context) > 0 &&
        EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) > 0 &&
        EVP_PKEY_CTX_set_rsa_oaep_md(context, EVP_sha256()) > 0 &&
        EVP_PKEY_CTX_set_rsa_mgf1_md(context, EVP_sha256()) > 0 &&
        EVP_PKEY_encrypt(context, nullptr, &size, reinterpret_cast<const unsigned char*>(clear.constData()),
                         static_cast<size_t>(clear.size())) > 0) {
        out.resize(static_cast<qsizetype>(size));
        if (EVP_PKEY_encrypt(context, reinterpret_cast<unsigned char*>(out.data()), &size,
                             reinterpret_cast<const unsigned char*>(clear.constData()),
                             static_cast<size_t>(clear.size())) <= 0)
            out.clear();
        out.resize(static_cast<qsizetype>(size));
    }
    EVP_PKEY_CTX_free(context);
    EVP_PKEY_free(key);
    return out;
}

QByteArray tmkKcv()
{
    return crypto::tdesEcbEncrypt(tmk, QByteArray(8, '\0')).value().left(3);
}

// An F62 block (layout 003) with fresh keys under tmk, as the host sends at sign-on.
QByteArray f62Block(bool corruptKcv = false)
{
    const Result<acquirer::WorkKeySet> keys = acquirer::WorkKeySet::fromClearKeys(
        WorkKeyLayout::TripleDes003, QByteArray::fromHex("11223344556677888877665544332211"),
        QByteArray::fromHex("A1A2A3A4A5A6A7A8"));
    QByteArray block = acquirer::buildWorkKeyBlock(KeyScheme::TripleDes, tmk, keys.value()).value();
    if (corruptKcv)
        block[16] = static_cast<char>(block.at(16) ^ 0x01); // first byte of the PIK's KCV
    return block;
}

} // namespace

class tst_PinPadDriver final : public QObject
{
    Q_OBJECT

private:
    // Starts the emulator (pty unless tcp) and the driver on it.
    bool startPad(const QStringList& extra = {}, bool tcp = false, const QString& script = {})
    {
        m_driver.reset();
        m_transport.reset();
        m_pad.reset();
        QStringList args{tcp ? u"--tcp"_qs : u"--pty"_qs, u"--data-dir"_qs, m_dir.filePath(u"pad"_qs)};
        if (!script.isEmpty()) {
            QFile file(m_dir.filePath(u"script.txt"_qs));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return false;
            file.write(script.toUtf8());
            file.close();
            args << u"--script"_qs << file.fileName();
        }
        m_pad = startProcess(builtExecutable(u"pos-pinpad-sim"_qs), args + extra);
        if (!m_pad)
            return false;
        const QString where =
            waitForLine(*m_pad, tcp ? u"^listening (127\\.0\\.0\\.1:\\d+)$"_qs : u"^listening pty (.+)$"_qs,
                        std::chrono::seconds(20));
        if (where.isEmpty())
            return false;
        Result<std::unique_ptr<ByteTransport>> transport =
            ByteTransport::open((tcp ? u"tcp:"_qs : u"serial:"_qs) + where);
        if (!transport)
            return false;
        m_transport = std::move(transport).value();
        if (tcp && !QTest::qWaitFor([&] { return m_transport->isUsable(); }, 5000))
            return false;
        PinPadDriver::Config config;
        config.quickTimeoutMs = 1500;
        m_driver = std::make_unique<PinPadDriver>(*m_transport, config);
        return true;
    }

    Result<PinPadInfo> info()
    {
        return await<PinPadInfo>([&](auto done) { m_driver->deviceInfo(&m_context, done); });
    }

    // TMK wrapped for the pad, then the work keys: the pad is ready for MAC and PIN.
    bool loadKeys()
    {
        const Result<PinPadInfo> pad = info();
        if (!pad)
            return false;
        const Result<QByteArray> kcv = await<QByteArray>([&](auto done) {
            m_driver->loadTmk(wrapFor(pad.value().publicKeyDer, tmk), KeyScheme::TripleDes, tmkKcv(),
                              &m_context, done);
        });
        if (!kcv)
            return false;
        return await<WorkKeyCheck>([&](auto done) {
                   m_driver->installWorkKeys(WorkKeyLayout::TripleDes003, f62Block(), &m_context, done);
               })
            .hasValue();
    }

    QTemporaryDir m_dir;
    QObject m_context;
    std::unique_ptr<QProcess> m_pad;
    std::unique_ptr<ByteTransport> m_transport;
    std::unique_ptr<PinPadDriver> m_driver;

private Q_SLOTS:
    void cleanup()
    {
        m_driver.reset();
        m_transport.reset();
        m_pad.reset();
        QDir(m_dir.filePath(u"pad"_qs)).removeRecursively();
    }

    void deviceInfoNamesThePad_data()
    {
        QTest::addColumn<bool>("tcp");
        QTest::newRow("pty") << false;
        QTest::newRow("tcp") << true;
    }
    void deviceInfoNamesThePad()
    {
        QFETCH(bool, tcp);
        QVERIFY(startPad({}, tcp));
        const Result<PinPadInfo> pad = info();
        POS_VERIFY_RESULT(pad);
        QCOMPARE(pad.value().serialNumber, u"SIMPAD00000001"_qs);
        QCOMPARE(pad.value().keyAlgorithm, u"RSA-OAEP-SHA256"_qs);
        QVERIFY(pad.value().publicKeyDer.size() > 256);
        QVERIFY(!pad.value().tmkLoaded);
    }

    void tmkLoadsOnlyWithTheRightKcv_data()
    {
        QTest::addColumn<bool>("rightKcv");
        QTest::newRow("right KCV") << true;
        QTest::newRow("wrong KCV") << false;
    }
    void tmkLoadsOnlyWithTheRightKcv()
    {
        QFETCH(bool, rightKcv);
        QVERIFY(startPad());
        const Result<PinPadInfo> pad = info();
        POS_VERIFY_RESULT(pad);
        const QByteArray expected = rightKcv ? tmkKcv() : QByteArray::fromHex("000000");
        const Result<QByteArray> kcv = await<QByteArray>([&](auto done) {
            m_driver->loadTmk(wrapFor(pad.value().publicKeyDer, tmk), KeyScheme::TripleDes, expected,
                              &m_context, done);
        });
        QCOMPARE(kcv.hasValue(), rightKcv);
        if (rightKcv)
            QCOMPARE(kcv.value(), tmkKcv());
        QCOMPARE(info().value().tmkLoaded, rightKcv);
    }

    void workKeysAreCheckedInsideThePad_data()
    {
        QTest::addColumn<bool>("corrupt");
        QTest::newRow("KCVs match") << false;
        QTest::newRow("PIK KCV wrong") << true;
    }
    void workKeysAreCheckedInsideThePad()
    {
        QFETCH(bool, corrupt);
        QVERIFY(startPad());
        const Result<PinPadInfo> pad = info();
        POS_VERIFY_RESULT(pad);
        POS_VERIFY_RESULT(await<QByteArray>([&](auto done) {
            m_driver->loadTmk(wrapFor(pad.value().publicKeyDer, tmk), KeyScheme::TripleDes, tmkKcv(),
                              &m_context, done);
        }));
        const Result<WorkKeyCheck> check = await<WorkKeyCheck>([&](auto done) {
            m_driver->installWorkKeys(WorkKeyLayout::TripleDes003, f62Block(corrupt), &m_context, done);
        });
        QCOMPARE(check.hasValue(), !corrupt);
        if (!corrupt)
            QCOMPARE(check.value().keys.size(), 2);
    }

    void macAndPinBlockMatchTheSoftwareKeyStore()
    {
        QVERIFY(startPad({}, false, u"card magstripe-approve\npin 123456\n"_qs));
        QVERIFY(loadKeys());
        acquirer::SoftwareKeyStore reference(KeyScheme::TripleDes, tmk);
        POS_VERIFY_RESULT(await<WorkKeyCheck>([&](auto done) {
            reference.installWorkKeys(WorkKeyLayout::TripleDes003, f62Block(), &m_context, done);
        }));
        const QByteArray mab = "0200 some message bytes to MAC";
        const Result<QByteArray> mac = await<QByteArray>(
            [&](auto done) { m_driver->computeMac(MacAlgorithm::CupEcb, mab, &m_context, done); });
        POS_VERIFY_RESULT(mac);
        QCOMPARE(mac.value(), (await<QByteArray>([&](auto done) {
                                   reference.computeMac(MacAlgorithm::CupEcb, mab, &m_context, done);
                               }).value()));

        const Result<CardRead> card = await<CardRead>([&](auto done) {
            m_driver->readCard(1234, 30, EntrySwipe | EntryInsert, u"消费"_qs, &m_context, done);
        });
        POS_VERIFY_RESULT(card);
        const std::optional<sim::TestCard> expected = sim::findTestCardByLabel(u"magstripe-approve"_qs);
        QCOMPARE(card.value().pan, expected->pan);
        QCOMPARE(card.value().panMasked, expected->pan.left(6) + u"******"_qs + expected->pan.right(4));
        QCOMPARE(card.value().track2, sim::track2Of(*expected).toLatin1());

        QSignalSpy keys(m_driver.get(), &PinPadDriver::keyPressed);
        const Result<QByteArray> block = await<QByteArray>([&](auto done) {
            m_driver->getPin(card.value().pan, 4, 12, 30, u"请输入密码"_qs, &m_context, done);
        });
        POS_VERIFY_RESULT(block);
        QCOMPARE(block.value(), reference.encryptPin("123456", expected->pan.toLatin1()).value());
        QTRY_COMPARE(keys.count(), 7); // six digits and Enter: classes and counts only
        QCOMPARE(keys.last().at(0).toInt(), 2);
        QCOMPARE(keys.last().at(1).toInt(), 6);
    }

    void chipCardCarriesIccData()
    {
        QVERIFY(startPad({}, false, u"card chip-approve\n"_qs));
        const Result<CardRead> card = await<CardRead>(
            [&](auto done) { m_driver->readCard(500, 30, EntryInsert, QString(), &m_context, done); });
        POS_VERIFY_RESULT(card);
        QCOMPARE(card.value().entry, CardEntry::Chip);
        QVERIFY(!card.value().icData.isEmpty());
        QCOMPARE(card.value().cardSequence, sim::findTestCardByLabel(u"chip-approve"_qs)->cardSequence);
    }

    void cancelStopsAWaitingRead()
    {
        QVERIFY(startPad({}, false, u"wait 20000\ncard magstripe-approve\n"_qs));
        std::optional<Result<CardRead>> read;
        m_driver->readCard(100, 60, EntrySwipe, QString(), &m_context,
                           [&](Result<CardRead> r) { read.emplace(std::move(r)); });
        QTest::qWait(200);
        const Result<void> cancelled = await<void>([&](auto done) { m_driver->cancel(&m_context, done); });
        POS_VERIFY_RESULT(cancelled);
        QTRY_VERIFY(read.has_value());
        QVERIFY(!read->hasValue());
        QCOMPARE(read->error().code, ErrorCode::Cancelled);
    }

    void cardholderTimeoutIsReported()
    {
        QVERIFY(startPad({}, false, u"ignore\n"_qs));
        const Result<CardRead> card = await<CardRead>(
            [&](auto done) { m_driver->readCard(100, 1, EntrySwipe, QString(), &m_context, done); });
        QVERIFY(!card);
        QCOMPARE(card.error().code, ErrorCode::Timeout);
    }

    void framingFaults_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::addColumn<bool>("firstOk");
        QTest::addColumn<ErrorCode>("firstError");
        QTest::newRow("none (control)") << u""_qs << true << ErrorCode::Internal;
        QTest::newRow("bad BCC: NAK and resend") << u"bad-bcc@1"_qs << true << ErrorCode::Internal;
        QTest::newRow("split frames") << u"split"_qs << true << ErrorCode::Internal;
        QTest::newRow("silence: timeout") << u"silence@1"_qs << false << ErrorCode::DeviceTimeout;
    }
    void framingFaults()
    {
        QFETCH(QString, faults);
        QFETCH(bool, firstOk);
        QFETCH(ErrorCode, firstError);
        QVERIFY(startPad(faults.isEmpty() ? QStringList() : QStringList{u"--faults"_qs, faults}));
        const Result<PinPadInfo> first = info();
        QCOMPARE(first.hasValue(), firstOk);
        if (!firstOk)
            QCOMPARE(first.error().code, firstError);
        POS_VERIFY_RESULT(info()); // the link recovers for the next request
    }

    void unplugFailsTheRequestAndSignals()
    {
        QVERIFY(startPad({u"--faults"_qs, u"disconnect@2"_qs}, true));
        QSignalSpy gone(m_driver.get(), &PinPadDriver::disconnected);
        POS_VERIFY_RESULT(info());
        const Result<PinPadInfo> second = info();
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::DeviceOffline);
        QCOMPARE(gone.count(), 1);
        const Result<PinPadInfo> third = info();
        QCOMPARE(third.error().code, ErrorCode::DeviceOffline);
    }
};

QTEST_GUILESS_MAIN(tst_PinPadDriver)
#include "tst_pinpad_driver.moc"
