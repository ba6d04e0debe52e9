// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// SoftwareKeyStore: the KeyOperations contract (asynchronous completions in the context's thread, old keys
// kept on a failed installation) with the sign-on keys of acquirer-protocol.md §1.2 / §7 #18 and the MAC of
// §6.4.
#include "acquirer/CupReferenceVectors.h"
#include "acquirer/crypto/SoftwareKeyStore.h"
#include "support/TestSupport.h"

#include <QTest>

#include <memory>
#include <optional>

using namespace pos;
using namespace pos::acquirer;
using namespace pos::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(text);
}

// Collects one completion. Lives on the stack of a test; the test waits with QTRY_VERIFY(done()).
template <typename T>
class Outcome final
{
public:
    KeyOperations::Completion<T> callback()
    {
        return [this](Result<T> result) { m_result.emplace(std::move(result)); };
    }
    bool done() const { return m_result.has_value(); }
    const Result<T>& result() const { return *m_result; }

private:
    std::optional<Result<T>> m_result;
};

// Installs the §1.2 keys and waits for the completion; returns whether it succeeded.
bool installReferenceKeys(SoftwareKeyStore& store, QObject* context)
{
    Outcome<WorkKeyCheck> outcome;
    store.installWorkKeys(WorkKeyLayout::TripleDesTrack004, referenceF62, context, outcome.callback());
    return QTest::qWaitFor([&outcome] { return outcome.done(); }, 5000) && outcome.result().hasValue();
}

} // namespace

class tst_SoftwareKeyStore final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void installedKeysGiveTheReferenceMac();
    void installReportsEveryKcv();
    void encryptTrackUsesTheInstalledTdk();
    void completionIsNeverSynchronous_data();
    void completionIsNeverSynchronous();
    void tamperedBlockKeepsThePreviousKeys_data();
    void tamperedBlockKeepsThePreviousKeys();
    void operationsNeedTheirKey_data();
    void operationsNeedTheirKey();
    void completionIsDroppedWithItsContext();
    void keySchemeFollowsTheInstalledKeys();
};

void tst_SoftwareKeyStore::installedKeysGiveTheReferenceMac()
{
    SoftwareKeyStore store(KeyScheme::TripleDes, referenceTmk);
    QVERIFY(installReferenceKeys(store, this));
    Outcome<QByteArray> mac;
    store.computeMac(MacAlgorithm::CupEcb, referenceMab, this, mac.callback());
    QTRY_VERIFY(mac.done());
    POS_VERIFY_RESULT(mac.result());
    QCOMPARE(mac.result().value(), referenceMac);
}

void tst_SoftwareKeyStore::installReportsEveryKcv()
{
    SoftwareKeyStore store(KeyScheme::TripleDes, referenceTmk);
    Outcome<WorkKeyCheck> outcome;
    store.installWorkKeys(WorkKeyLayout::TripleDesTrack004, referenceF62, this, outcome.callback());
    QTRY_VERIFY(outcome.done());
    POS_VERIFY_RESULT(outcome.result());
    const WorkKeyCheck& check = outcome.result().value();
    QCOMPARE(check.layout, WorkKeyLayout::TripleDesTrack004);
    QCOMPARE(check.keys.size(), qsizetype(3));
    QCOMPARE(check.keys.at(0).computedKcv, hex("08D7B4FB"));
    QCOMPARE(check.keys.at(1).computedKcv, hex("0D40BFF8"));
    QCOMPARE(check.keys.at(2).computedKcv, hex("EB7A8DF9"));
    QVERIFY(check.allMatch());
}

void tst_SoftwareKeyStore::encryptTrackUsesTheInstalledTdk()
{
    SoftwareKeyStore store(KeyScheme::TripleDes, referenceTmk);
    QVERIFY(installReferenceKeys(store, this));
    Outcome<QByteArray> track;
    store.encryptTrack(referenceTrack, this, track.callback());
    QTRY_VERIFY(track.done());
    POS_VERIFY_RESULT(track.result());
    QCOMPARE(track.result().value(), referenceEncryptedTrack);
}

void tst_SoftwareKeyStore::completionIsNeverSynchronous_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("withKeys");
    QTest::addColumn<bool>("succeeds");
    QTest::newRow("install") << u"install"_qs << false << true;
    QTest::newRow("install, bad block") << u"install-bad"_qs << false << false;
    QTest::newRow("mac") << u"mac"_qs << true << true;
    QTest::newRow("mac without keys") << u"mac"_qs << false << false;
    QTest::newRow("track") << u"track"_qs << true << true;
    QTest::newRow("track without keys") << u"track"_qs << false << false;
}

// The callback must not have run when the call returns (success and failure alike), and must run later.
void tst_SoftwareKeyStore::completionIsNeverSynchronous()
{
    QFETCH(QString, operation);
    QFETCH(bool, withKeys);
    QFETCH(bool, succeeds);
    SoftwareKeyStore store(KeyScheme::TripleDes, referenceTmk);
    if (withKeys)
        QVERIFY(installReferenceKeys(store, this));

    bool ran = false;
    bool succeeded = false;
    if (operation == u"install" || operation == u"install-bad") {
        store.installWorkKeys(WorkKeyLayout::TripleDesTrack004,
                              operation == u"install" ? referenceF62 : referenceF62.left(40), this,
                              [&](Result<WorkKeyCheck> result) {
                                  ran = true;
                                  succeeded = result.hasValue();
                              });
    } else if (operation == u"mac") {
        store.computeMac(MacAlgorithm::CupEcb, referenceMab, this, [&](Result<QByteArray> result) {
            ran = true;
            succeeded = result.hasValue();
        });
    } else {
        store.encryptTrack(referenceTrack, this, [&](Result<QByteArray> result) {
            ran = true;
            succeeded = result.hasValue();
        });
    }
    QVERIFY(!ran);
    QTRY_VERIFY(ran);
    QCOMPARE(succeeded, succeeds);
}

void tst_SoftwareKeyStore::tamperedBlockKeepsThePreviousKeys_data()
{
    QTest::addColumn<qsizetype>("flippedByte");
    QTest::addColumn<QString>("mismatchingKey");
    QTest::newRow("PIK KCV") << qsizetype(17) << u"PIK"_qs;
    QTest::newRow("MAK KCV") << qsizetype(36) << u"MAK"_qs;
    QTest::newRow("TDK KCV") << qsizetype(58) << u"TDK"_qs;
}

void tst_SoftwareKeyStore::tamperedBlockKeepsThePreviousKeys()
{
    QFETCH(qsizetype, flippedByte);
    QFETCH(QString, mismatchingKey);
    SoftwareKeyStore store(KeyScheme::TripleDes, referenceTmk);
    QVERIFY(installReferenceKeys(store, this));

    // A well-formed block carrying other keys, with exactly one KCV byte flipped.
    const Result<WorkKeySet> otherKeys =
        WorkKeySet::fromClearKeys(WorkKeyLayout::TripleDesTrack004, hex("89ABCDEF0123456776543210FEDCBA98"),
                                  hex("0123456789ABCDEF"), hex("0123456789ABCDEFFEDCBA9876543210"));
    POS_VERIFY_RESULT(otherKeys);
    const Result<QByteArray> otherBlock =
        buildWorkKeyBlock(KeyScheme::TripleDes, referenceTmk, otherKeys.value());
    POS_VERIFY_RESULT(otherBlock);
    QByteArray tampered = otherBlock.value();
    tampered[flippedByte] = static_cast<char>(tampered.at(flippedByte) ^ 0x01);
    Outcome<WorkKeyCheck> install;
    store.installWorkKeys(WorkKeyLayout::TripleDesTrack004, tampered, this, install.callback());
    QTRY_VERIFY(install.done());
    QVERIFY(!install.result());
    QCOMPARE(install.result().error().code, ErrorCode::ProtocolViolation);
    QVERIFY(install.result().error().detail.contains(QString(mismatchingKey + u" KCV"_qs)));
    QCOMPARE(install.result().error().detail.count(u"KCV"_qs), 1);

    Outcome<QByteArray> mac;
    store.computeMac(MacAlgorithm::CupEcb, referenceMab, this, mac.callback());
    QTRY_VERIFY(mac.done());
    POS_VERIFY_RESULT(mac.result());
    QCOMPARE(mac.result().value(), referenceMac);
    Outcome<QByteArray> track;
    store.encryptTrack(referenceTrack, this, track.callback());
    QTRY_VERIFY(track.done());
    POS_VERIFY_RESULT(track.result());
    QCOMPARE(track.result().value(), referenceEncryptedTrack);
}

void tst_SoftwareKeyStore::operationsNeedTheirKey_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("installedLayout"); // -1: none
    QTest::addColumn<int>("expectedCode");
    const int layout003 = static_cast<int>(WorkKeyLayout::TripleDes003);
    QTest::newRow("mac before sign-on") << u"mac"_qs << -1 << static_cast<int>(ErrorCode::NotFound);
    QTest::newRow("track before sign-on") << u"track"_qs << -1 << static_cast<int>(ErrorCode::NotFound);
    QTest::newRow("track after a 003 sign-on")
        << u"track"_qs << layout003 << static_cast<int>(ErrorCode::NotFound);
    QTest::newRow("X9.19 with an 8-byte MAK")
        << u"x919"_qs << layout003 << static_cast<int>(ErrorCode::InvalidInput);
}

void tst_SoftwareKeyStore::operationsNeedTheirKey()
{
    QFETCH(QString, operation);
    QFETCH(int, installedLayout);
    QFETCH(int, expectedCode);
    SoftwareKeyStore store(KeyScheme::TripleDes, referenceTmk);
    if (installedLayout >= 0) {
        Outcome<WorkKeyCheck> install;
        store.installWorkKeys(static_cast<WorkKeyLayout>(installedLayout), referenceF62.left(40), this,
                              install.callback());
        QTRY_VERIFY(install.done());
        POS_VERIFY_RESULT(install.result());
    }
    Outcome<QByteArray> outcome;
    if (operation == u"track")
        store.encryptTrack(referenceTrack, this, outcome.callback());
    else
        store.computeMac(operation == u"mac" ? MacAlgorithm::CupEcb : MacAlgorithm::AnsiX919, referenceMab,
                         this, outcome.callback());
    QTRY_VERIFY(outcome.done());
    QVERIFY(!outcome.result());
    QCOMPARE(static_cast<int>(outcome.result().error().code), expectedCode);
}

void tst_SoftwareKeyStore::completionIsDroppedWithItsContext()
{
    SoftwareKeyStore store(KeyScheme::TripleDes, referenceTmk);
    bool ran = false;
    auto context = std::make_unique<QObject>();
    store.installWorkKeys(WorkKeyLayout::TripleDesTrack004, referenceF62, context.get(),
                          [&ran](Result<WorkKeyCheck>) { ran = true; });
    context.reset();
    // A completion posted to a live context afterwards proves the event queue was processed.
    Outcome<QByteArray> later;
    store.computeMac(MacAlgorithm::CupEcb, referenceMab, this, later.callback());
    QTRY_VERIFY(later.done());
    QVERIFY(!ran);
    // The installation itself happened: the MAC is the one of the §1.2 keys.
    POS_VERIFY_RESULT(later.result());
    QCOMPARE(later.result().value(), referenceMac);
}

void tst_SoftwareKeyStore::keySchemeFollowsTheInstalledKeys()
{
    SoftwareKeyStore sm4Store(KeyScheme::Sm4, referenceTmk);
    QCOMPARE(sm4Store.keyScheme(), KeyScheme::Sm4);
    SoftwareKeyStore store(KeyScheme::TripleDes, referenceTmk);
    QCOMPARE(store.keyScheme(), KeyScheme::TripleDes);

    const Result<WorkKeySet> desKeys =
        WorkKeySet::fromClearKeys(WorkKeyLayout::Des001, hex("0123456789ABCDEF"), hex("1C587F1C13924FEF"));
    POS_VERIFY_RESULT(desKeys);
    const Result<QByteArray> desBlock =
        buildWorkKeyBlock(KeyScheme::TripleDes, referenceTmk, desKeys.value());
    POS_VERIFY_RESULT(desBlock);
    Outcome<WorkKeyCheck> installDes;
    store.installWorkKeys(WorkKeyLayout::Des001, desBlock.value(), this, installDes.callback());
    QTRY_VERIFY(installDes.done());
    POS_VERIFY_RESULT(installDes.result());
    QCOMPARE(store.keyScheme(), KeyScheme::SingleDes);

    // A failed installation (the first 24 bytes of the 004 block are no 001 block) changes nothing.
    Outcome<WorkKeyCheck> installBad;
    store.installWorkKeys(WorkKeyLayout::Des001, referenceF62.left(24), this, installBad.callback());
    QTRY_VERIFY(installBad.done());
    QVERIFY(!installBad.result());
    QCOMPARE(store.keyScheme(), KeyScheme::SingleDes);

    QVERIFY(installReferenceKeys(store, this));
    QCOMPARE(store.keyScheme(), KeyScheme::TripleDes);
}

QTEST_GUILESS_MAIN(tst_SoftwareKeyStore)
#include "tst_software_key_store.moc"
