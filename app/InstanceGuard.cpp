// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/InstanceGuard.h"

#include <QCoreApplication>
#include <QDir>

namespace pos {
namespace app {
namespace {

struct GuardText
{
    Q_DECLARE_TR_FUNCTIONS(pos::app::InstanceGuard)
};

} // namespace

InstanceGuard::InstanceGuard(const QString& dataDirectory)
    : m_path(QDir(dataDirectory).filePath(QStringLiteral("pos.lock")))
{}

Result<> InstanceGuard::acquire()
{
    if (m_held)
        return {};
    m_lock = std::make_unique<QLockFile>(m_path);
    // Never treat a lock as stale by age: only a dead owner (checked by pid and host) frees it.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0)) {
        m_held = true;
        return {};
    }
    if (m_lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString application;
        m_lock->getLockInfo(&pid, &host, &application);
        return fail(
            ErrorCode::AlreadyRunning,
            GuardText::tr("The POS is already running for this data directory (process %1).").arg(pid),
            QStringLiteral("lock %1 held by pid %2 on %3").arg(m_path).arg(pid).arg(host));
    }
    return fail(
        ErrorCode::IoFailure, GuardText::tr("The data directory cannot be locked."),
        QStringLiteral("lock %1 failed with QLockFile error %2").arg(m_path).arg(int(m_lock->error())));
}

} // namespace app
} // namespace pos
