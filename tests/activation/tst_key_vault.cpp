// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/PersonalDataKey.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::activation;

namespace {

int modeOf(const QString& path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

bool writeFile(const QString& path, const QByteArray& bytes, int mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

} // namespace

class tst_KeyVault final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsKeyWithOwnerOnlyMode()
    {
        QTemporaryDir dir;
        FileKeyVault vault(dir.filePath(u"keys"_qs));
        const Result<QByteArray> key = vault.loadOrCreateKey();
        POS_VERIFY_RESULT(key);
        QCOMPARE(key.value().size(), personalDataKeyBytes);
        QVERIFY(key.value() != QByteArray(personalDataKeyBytes, '\0'));
        QCOMPARE(modeOf(vault.filePath()), 0600);
        QCOMPARE(modeOf(dir.filePath(u"keys"_qs)), 0700);
        // No temporary file is left next to the key.
        QCOMPARE(QDir(dir.filePath(u"keys"_qs)).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void sameKeyOnReload()
    {
        QTemporaryDir dir;
        const Result<QByteArray> first = FileKeyVault(dir.path()).loadOrCreateKey();
        const Result<QByteArray> second = FileKeyVault(dir.path()).loadOrCreateKey();
        POS_VERIFY_RESULT(first);
        POS_VERIFY_RESULT(second);
        QCOMPARE(second.value(), first.value());
        // Negative control: another directory gets another key.
        QTemporaryDir other;
        const Result<QByteArray> third = FileKeyVault(other.path()).loadOrCreateKey();
        POS_VERIFY_RESULT(third);
        QVERIFY(third.value() != first.value());
    }

    void unsafeOrDamagedFileIsRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("detailPart");
        QTest::newRow("0644") << 0644 << 32 << u"mode 644"_qs;
        QTest::newRow("0640") << 0640 << 32 << u"mode 640"_qs;
        QTest::newRow("0604") << 0604 << 32 << u"mode 604"_qs;
        QTest::newRow("0600, 31 bytes") << 0600 << 31 << u"31 bytes"_qs;
        QTest::newRow("0600, 33 bytes") << 0600 << 33 << u"33 bytes"_qs;
        QTest::newRow("0600, empty") << 0600 << 0 << u"0 bytes"_qs;
    }
    void unsafeOrDamagedFileIsRefused()
    {
        QFETCH(int, mode);
        QFETCH(int, size);
        QFETCH(QString, detailPart);
        QTemporaryDir dir;
        FileKeyVault vault(dir.path());
        const QByteArray planted(size, '\x42');
        QVERIFY(writeFile(vault.filePath(), planted, mode));
        const Result<QByteArray> key = vault.loadOrCreateKey();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::CryptoFailure);
        QVERIFY2(key.error().detail.contains(detailPart), qPrintable(key.error().detail));
        QVERIFY(!key.error().userMessage.isEmpty());
        // Never replaced: the refused file is left exactly as it was.
        QFile file(vault.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), planted);
        QCOMPARE(modeOf(vault.filePath()), mode);
    }

    void plantedOwnerOnlyKeyIsUsed()
    {
        // Positive control for the refusal rows: the same planting with 0600 and 32 bytes is accepted.
        QTemporaryDir dir;
        FileKeyVault vault(dir.path());
        const QByteArray planted(32, '\x42');
        QVERIFY(writeFile(vault.filePath(), planted, 0600));
        const Result<QByteArray> key = vault.loadOrCreateKey();
        POS_VERIFY_RESULT(key);
        QCOMPARE(key.value(), planted);
    }

    void symlinkIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"real.key"_qs), QByteArray(32, '\x42'), 0600));
        FileKeyVault vault(dir.path());
        QVERIFY(QFile::link(dir.filePath(u"real.key"_qs), vault.filePath()));
        const Result<QByteArray> key = vault.loadOrCreateKey();
        QVERIFY(!key);
    }

    void keyIdDependsOnKey()
    {
        const QString a = personalDataKeyId(QByteArray(32, 'a'));
        QCOMPARE(a.size(), 16);
        QCOMPARE(personalDataKeyId(QByteArray(32, 'a')), a);
        QVERIFY(personalDataKeyId(QByteArray(32, 'b')) != a);
        QVERIFY(!a.contains(QLatin1String(QByteArray(32, 'a').toHex().left(8))));
    }
};

QTEST_GUILESS_MAIN(tst_KeyVault)
#include "tst_key_vault.moc"
