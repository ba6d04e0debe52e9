// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerService.h"

#include "storage/LedgerSupport.h"
#include "storage/StorageLog.h"

#include <QDateTime>

namespace pos {
namespace storage {

// Lives on the writer thread; owns the Ledger there.
class LedgerService::Worker final : public QObject
{
public:
    std::unique_ptr<Ledger> ledger;
    QString path;

    // A connection poisoned by a failed commit is closed and the file opened again, which settles whether
    // that commit counts; the next piece of work then sees the decided state.
    void reopenIfPoisoned()
    {
        if (!ledger || !ledger->database().isPoisoned())
            return;
        ledger.reset();
        auto reopened = Ledger::open(path, Ledger::Creation::MustExist);
        if (reopened) {
            ledger = std::move(reopened).value();
            qCWarning(lcStorage) << "ledger reopened after a disk error";
        } else {
            qCCritical(lcStorage).noquote()
                << "ledger could not be reopened after a disk error:" << reopened.error().detail;
        }
    }
};

LedgerService::LedgerService(QObject* parent) : QObject(parent), m_worker(new Worker)
{
    m_thread.setObjectName(QStringLiteral("pos-ledger-writer"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

LedgerService::~LedgerService()
{
    // Close the connection on its own thread, after the queued work.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->ledger.reset(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LedgerService::post(std::function<void(Ledger*)> job)
{
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job = std::move(job)] {
            job(worker->ledger.get());
            worker->reopenIfPoisoned();
        },
        Qt::QueuedConnection);
}

void LedgerService::deliver(std::function<void()> callback)
{
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

Failure LedgerService::notOpen()
{
    return fail(ErrorCode::StorageFailure, detail::LedgerText::tr("The ledger is not open."),
                QStringLiteral("ledger service used before a successful open"));
}

qint64 LedgerService::currentUnsynced(Ledger& ledger)
{
    const Result<qint64> count = ledger.unsyncedCount();
    return count ? count.value() : -1;
}

void LedgerService::open(const QString& path, QObject* context, std::function<void(const Result<>&)> done)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, path, guard, done = std::move(done)] {
            Result<> outcome;
            qint64 unsynced = -1;
            worker->path = path;
            auto opened = Ledger::open(path, Ledger::Creation::CreateIfMissing);
            if (!opened) {
                outcome = Failure{opened.error()};
            } else {
                worker->ledger = std::move(opened).value();
                const Result<int> recovered =
                    worker->ledger->recoverInterruptedPayments(QDateTime::currentMSecsSinceEpoch());
                if (recovered && recovered.value() > 0)
                    qCWarning(lcStorage)
                        << recovered.value() << "interrupted card payment(s) set for reversal";
                const Result<int> qrRecovered =
                    worker->ledger->recoverInterruptedQrPayments(QDateTime::currentMSecsSinceEpoch());
                if (qrRecovered && qrRecovered.value() > 0)
                    qCWarning(lcStorage) << qrRecovered.value() << "interrupted QR payment(s) set for query";
                // An outbox item claimed by a process that died is due again (same payload, same STAN).
                const Result<int> requeued =
                    worker->ledger->requeueInterruptedOutbox(QDateTime::currentMSecsSinceEpoch());
                if (requeued && requeued.value() > 0)
                    qCWarning(lcStorage) << requeued.value() << "interrupted outbox item(s) due again";
                if (const Result<qint64> count = worker->ledger->unsyncedCount(); count)
                    unsynced = count.value();
            }
            deliver([this, guard, done, outcome, unsynced] {
                m_open = outcome.hasValue();
                if (m_open)
                    Q_EMIT unsyncedCountChanged(unsynced);
                if (guard && done)
                    done(outcome);
            });
        },
        Qt::QueuedConnection);
}

} // namespace storage
} // namespace pos
