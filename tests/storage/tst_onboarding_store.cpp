// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// LedgerOnboardingStore on a real ledger file: round trips, the writer-thread contract, and a leak scan of
// the raw database and WAL files for the personal data the onboarding service seals (with a negative control
// that proves the scan finds clear text when there is some).
#include "core/crypto/Aes256Gcm.h"
#include "storage/Ledger.h"
#include "storage/LedgerOnboardingStore.h"
#include "storage/LedgerService.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::storage;

namespace {

const QByteArray sealKey(32, '\x11');
const QString idNumber = u"110105199003071239"_qs;
const QString accountNumber = u"6217000010012345678"_qs;
const QString activationCode = u"K7MPQ2XZ"_qs;

QByteArray scanBytes()
{
    QByteArray bytes = QByteArray::fromHex("89504e470d0a1a0a");
    for (int i = 0; i < 512; ++i)
        bytes += "SCAN-" + QByteArray::number(i * 7919) + '|';
    return bytes;
}

StoredOnboarding sealedState()
{
    const QJsonObject draft{{u"legalRepresentative"_qs, QJsonObject{{u"idNumber"_qs, idNumber}}},
                            {u"settlement"_qs, QJsonObject{{u"accountNumber"_qs, accountNumber}}}};
    StoredOnboarding state;
    state.status = u"approved"_qs;
    state.clientReference = u"2b1f6c9e-7a55-4f0b-9d1e-0c4c1b8f2a10"_qs;
    state.applicationId = u"A000123"_qs;
    state.reasonsJson = u"[]"_qs;
    state.merchantId = u"898100012345678"_qs;
    state.lastCompletedPage = 6;
    state.keyId = u"0123456789abcdef"_qs;
    state.sealedDraft = crypto::aes256GcmSeal(sealKey, QJsonDocument(draft).toJson(QJsonDocument::Compact),
                                              "onboarding-draft")
                            .value();
    state.sealedActivationCode =
        crypto::aes256GcmSeal(sealKey, activationCode.toUtf8(), "activation-code").value();
    state.updatedMs = 1795000000000;
    return state;
}

StoredAttachment sealedScan(const QString& kind)
{
    StoredAttachment a;
    a.kind = kind;
    a.mime = u"image/png"_qs;
    a.sha256 = QString(64, u'c');
    a.sizeBytes = scanBytes().size();
    a.keyId = u"0123456789abcdef"_qs;
    a.sealedBytes =
        crypto::aes256GcmSeal(sealKey, scanBytes(), QByteArray("attachment:" + kind.toUtf8())).value();
    a.updatedMs = 1795000000001;
    return a;
}

// The raw bytes of the ledger file and its WAL (what a thief of the disk gets).
QByteArray rawFiles(const QString& path)
{
    QByteArray all;
    for (const QString& file : QStringList{path, path + u"-wal"_qs}) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

class tst_OnboardingStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LedgerService> m_service;
    std::unique_ptr<LedgerOnboardingStore> m_store;
    QObject m_context;
    int m_round = 0;

    QString path() const { return m_dir.filePath(u"ledger-%1.db"_qs.arg(m_round)); }

    template <typename T>
    Result<T> call(std::function<void(QObject*, OnboardingStore::Completion<T>)> operation)
    {
        return test::await<T>([&](auto done) { operation(&m_context, done); });
    }

    Result<> sql(const QString& statement)
    {
        return test::await<void>([&](auto done) {
            m_service->run<void>([statement](Ledger& ledger) { return ledger.database().execute(statement); },
                                 &m_context, [done](const Result<>& r) { done(r); });
        });
    }

private Q_SLOTS:
    void init()
    {
        ++m_round;
        m_service = std::make_unique<LedgerService>();
        const Result<> opened = test::await<void>(
            [&](auto done) { m_service->open(path(), &m_context, [done](const Result<>& r) { done(r); }); });
        POS_VERIFY_RESULT(opened);
        m_store = std::make_unique<LedgerOnboardingStore>(*m_service);
    }
    void cleanup()
    {
        m_store.reset();
        m_service.reset();
    }

    void emptyLedgerHasNoApplication()
    {
        const auto loaded =
            call<std::optional<StoredOnboarding>>([&](QObject* c, auto done) { m_store->load(c, done); });
        POS_VERIFY_RESULT(loaded);
        QVERIFY(!loaded.value().has_value());
        const auto scan = call<std::optional<StoredAttachment>>(
            [&](QObject* c, auto done) { m_store->attachment(u"licence"_qs, c, done); });
        POS_VERIFY_RESULT(scan);
        QVERIFY(!scan.value().has_value());
    }

    void applicationRoundTrips()
    {
        const StoredOnboarding state = sealedState();
        POS_VERIFY_RESULT(call<void>([&](QObject* c, auto done) { m_store->save(state, c, done); }));
        auto loaded =
            call<std::optional<StoredOnboarding>>([&](QObject* c, auto done) { m_store->load(c, done); });
        POS_VERIFY_RESULT(loaded);
        QVERIFY(loaded.value().has_value());
        QCOMPARE(*loaded.value(), state);

        // A later save replaces the row; cleared optional fields come back empty.
        StoredOnboarding draft;
        draft.keyId = u"fedcba9876543210"_qs;
        draft.lastCompletedPage = 1;
        draft.sealedDraft = state.sealedDraft;
        draft.updatedMs = 5;
        POS_VERIFY_RESULT(call<void>([&](QObject* c, auto done) { m_store->save(draft, c, done); }));
        loaded =
            call<std::optional<StoredOnboarding>>([&](QObject* c, auto done) { m_store->load(c, done); });
        POS_VERIFY_RESULT(loaded);
        QCOMPARE(*loaded.value(), draft);
    }

    void attachmentsRoundTripByKind()
    {
        for (const QString& kind : {u"licence"_qs, u"id-front"_qs, u"id-back"_qs}) {
            const StoredAttachment scan = sealedScan(kind);
            POS_VERIFY_RESULT(
                call<void>([&](QObject* c, auto done) { m_store->putAttachment(scan, c, done); }));
        }
        StoredAttachment replaced = sealedScan(u"id-front"_qs);
        replaced.mime = u"application/pdf"_qs;
        POS_VERIFY_RESULT(
            call<void>([&](QObject* c, auto done) { m_store->putAttachment(replaced, c, done); }));
        for (const QString& kind : {u"licence"_qs, u"id-front"_qs, u"id-back"_qs}) {
            const auto loaded = call<std::optional<StoredAttachment>>(
                [&](QObject* c, auto done) { m_store->attachment(kind, c, done); });
            POS_VERIFY_RESULT(loaded);
            QVERIFY(loaded.value().has_value());
            const StoredAttachment expected = kind == u"id-front"_qs ? replaced : sealedScan(kind);
            QCOMPARE(loaded.value()->mime, expected.mime);
            QCOMPARE(loaded.value()->sha256, expected.sha256);
            QCOMPARE(loaded.value()->sizeBytes, expected.sizeBytes);
            QCOMPARE(loaded.value()->keyId, expected.keyId);
            QCOMPARE(loaded.value()->updatedMs, expected.updatedMs);
            if (kind == u"id-front"_qs)
                QCOMPARE(loaded.value()->sealedBytes, replaced.sealedBytes);
            QCOMPARE(loaded.value()->kind, kind);
            const Result<QByteArray> opened = crypto::aes256GcmOpen(
                sealKey, loaded.value()->sealedBytes, QByteArray("attachment:" + kind.toUtf8()));
            POS_VERIFY_RESULT(opened);
            QCOMPARE(opened.value(), scanBytes());
        }
    }

    void invalidInputIsRefused_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("unknown status") << u"status"_qs;
        QTest::newRow("no key id") << u"key"_qs;
        QTest::newRow("unknown attachment kind") << u"kind"_qs;
        QTest::newRow("empty attachment") << u"empty"_qs;
    }
    void invalidInputIsRefused()
    {
        QFETCH(QString, what);
        Result<> saved;
        if (what == u"status"_qs || what == u"key"_qs) {
            StoredOnboarding state = sealedState();
            if (what == u"status"_qs)
                state.status = u"corrected"_qs;
            else
                state.keyId.clear();
            saved = call<void>([&](QObject* c, auto done) { m_store->save(state, c, done); });
        } else {
            StoredAttachment scan = sealedScan(u"licence"_qs);
            if (what == u"kind"_qs)
                scan.kind = u"account-proof"_qs;
            else
                scan.sealedBytes.clear();
            saved = call<void>([&](QObject* c, auto done) { m_store->putAttachment(scan, c, done); });
        }
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ErrorCode::InvalidInput);
        const auto loaded =
            call<std::optional<StoredOnboarding>>([&](QObject* c, auto done) { m_store->load(c, done); });
        POS_VERIFY_RESULT(loaded);
        QVERIFY(!loaded.value().has_value());
    }

    void completionSkippedWhenContextGone()
    {
        bool called = false;
        {
            QObject shortLived;
            m_store->load(&shortLived, [&called](auto) { called = true; });
        }
        // A later call on a live context completes, so the earlier job has run by then.
        POS_VERIFY_RESULT(
            call<std::optional<StoredOnboarding>>([&](QObject* c, auto done) { m_store->load(c, done); }));
        QVERIFY(!called);
    }

    void noPersonalDataInTheFiles_data()
    {
        QTest::addColumn<QByteArray>("needle");
        QTest::newRow("ID number") << idNumber.toUtf8();
        QTest::newRow("account number") << accountNumber.toUtf8();
        QTest::newRow("activation code") << activationCode.toUtf8();
        QTest::newRow("scan bytes") << scanBytes().mid(100, 48);
    }
    void noPersonalDataInTheFiles()
    {
        QFETCH(QByteArray, needle);
        POS_VERIFY_RESULT(call<void>([&](QObject* c, auto done) { m_store->save(sealedState(), c, done); }));
        for (const QString& kind : {u"licence"_qs, u"id-front"_qs, u"id-back"_qs}) {
            const StoredAttachment scan = sealedScan(kind);
            POS_VERIFY_RESULT(
                call<void>([&](QObject* c, auto done) { m_store->putAttachment(scan, c, done); }));
        }
        // Negative control: a marker written in clear through plain SQL is found by the same scan.
        const QByteArray marker = "CLEAR-MARKER-" + needle.toHex();
        POS_VERIFY_RESULT(sql(u"CREATE TABLE scratch (t TEXT); INSERT INTO scratch VALUES ('%1')"_qs.arg(
            QString::fromLatin1(marker))));

        QByteArray raw = rawFiles(path());
        QVERIFY(raw.size() > 4096);
        QVERIFY2(raw.contains(marker), "the scan cannot see clear text (negative control failed)");
        QVERIFY2(!raw.contains(needle), "personal data found in clear in the ledger file or its WAL");

        // And again after the ledger was closed (checkpointed into the main file).
        m_store.reset();
        m_service.reset();
        raw = rawFiles(path());
        QVERIFY(raw.contains(marker));
        QVERIFY(!raw.contains(needle));
    }
};

QTEST_GUILESS_MAIN(tst_OnboardingStore)
#include "tst_onboarding_store.moc"
