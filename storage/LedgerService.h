// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "storage/Ledger.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace pos {
namespace storage {

// The ledger's writer thread. Owns the only read-write connection (a Ledger living on that thread); every
// call returns at once, the work runs on the writer thread in submission order, and the callback runs on
// the service's thread (the GUI thread) — and only if its context object still exists. The UI never waits
// on the disk. Work functions must not throw and must not keep references to the Ledger.
// Thread affinity: create, call and destroy on one thread (normally the GUI thread).
class LedgerService final : public QObject
{
    Q_OBJECT
public:
    explicit LedgerService(QObject* parent = nullptr);
    // Finishes the work already queued, then closes the ledger and stops the thread.
    ~LedgerService() override;

    // Opens (creating if missing) the ledger at path, migrates it, turns interrupted card intents into due
    // reversals and makes outbox items a dead process had in flight due again. Only one process may have a
    // ledger open for writing at a time. done gets the failure when the file is damaged, foreign or newer.
    void open(const QString& path, QObject* context, std::function<void(const Result<>&)> done);

    template <typename T>
    void
    run(std::function<Result<T>(Ledger&)> work, QObject* context, std::function<void(const Result<T>&)> done)
    {
        QPointer<QObject> guard(context);
        post([this, work = std::move(work), guard, done = std::move(done)](Ledger* ledger) {
            auto result = std::make_shared<Result<T>>(ledger ? work(*ledger) : Result<T>(notOpen()));
            const qint64 unsynced = ledger ? currentUnsynced(*ledger) : -1;
            deliver([this, guard, done, result, unsynced] {
                if (unsynced >= 0)
                    Q_EMIT unsyncedCountChanged(unsynced);
                if (guard && done)
                    done(*result);
            });
        });
    }

    bool isOpen() const { return m_open; }

Q_SIGNALS:
    // After the ledger opened and after every run(): the count of entries not yet acknowledged by the
    // acquirer.
    void unsyncedCountChanged(qint64 count);

private:
    class Worker;
    void post(std::function<void(Ledger*)> job);
    void deliver(std::function<void()> callback);
    static Failure notOpen();
    static qint64 currentUnsynced(Ledger& ledger); // -1 when it cannot be read

    QThread m_thread;
    Worker* m_worker;
    bool m_open = false;
};

} // namespace storage
} // namespace pos
