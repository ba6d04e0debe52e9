// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/InstanceGuard.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using pos::app::InstanceGuard;

class tst_InstanceGuard final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstAcquireSucceeds();
    void secondGuardOnTheSameDirectoryIsRefused();
    void otherDirectoriesAreIndependent();
    void releasedWhenTheGuardIsDestroyed();
    void staleLockOfADeadProcessIsTakenOver();
};

void tst_InstanceGuard::firstAcquireSucceeds()
{
    QTemporaryDir dir;
    InstanceGuard guard(dir.path());
    QVERIFY(guard.acquire().hasValue());
    QVERIFY(guard.isHeld());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("pos.lock"))));
}

void tst_InstanceGuard::secondGuardOnTheSameDirectoryIsRefused()
{
    QTemporaryDir dir;
    InstanceGuard first(dir.path());
    QVERIFY(first.acquire().hasValue());
    InstanceGuard second(dir.path());
    const pos::Result<> result = second.acquire();
    QVERIFY(!result);
    QCOMPARE(result.error().code, pos::ErrorCode::AlreadyRunning);
    QVERIFY(result.error().userMessage.contains(QString::number(QCoreApplication::applicationPid())));
}

void tst_InstanceGuard::otherDirectoriesAreIndependent()
{
    QTemporaryDir a;
    QTemporaryDir b;
    InstanceGuard first(a.path());
    InstanceGuard second(b.path());
    QVERIFY(first.acquire().hasValue());
    QVERIFY(second.acquire().hasValue());
}

void tst_InstanceGuard::releasedWhenTheGuardIsDestroyed()
{
    QTemporaryDir dir;
    {
        InstanceGuard first(dir.path());
        QVERIFY(first.acquire().hasValue());
    }
    InstanceGuard second(dir.path());
    QVERIFY(second.acquire().hasValue());
}

void tst_InstanceGuard::staleLockOfADeadProcessIsTakenOver()
{
    QTemporaryDir dir;
    // QLockFile's format: pid, application name, host name. pid 2^22+1 exceeds Linux's default pid_max range
    // used here only if it is free; a dead pid is what a crash leaves behind.
    QFile lock(dir.filePath(QStringLiteral("pos.lock")));
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write("4194305\npos\n" + QSysInfo::machineHostName().toUtf8() + "\n");
    lock.close();
    InstanceGuard guard(dir.path());
    QVERIFY(guard.acquire().hasValue());
}

QTEST_GUILESS_MAIN(tst_InstanceGuard)
#include "tst_instance_guard.moc"
