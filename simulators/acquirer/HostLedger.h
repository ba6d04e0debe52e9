// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/KeyTypes.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace pos {
namespace storage {
class SqliteDatabase;
class SqliteStatement;
} // namespace storage

namespace sim {

// One terminal of the host's registry. It is a simulator: the TMK and the current work keys are stored in
// clear in the host database so the host can unwrap, verify and decrypt. A real host keeps them in an HSM.
struct HostTerminal
{
    QString tid; // F41
    QString mid; // F42
    QString merchantName;
    KeyScheme tmkScheme = KeyScheme::TripleDes;
    QByteArray tmk;
    std::optional<WorkKeyLayout> keyLayout; // set by the last sign-on, none after sign-off
    QByteArray pik;
    QByteArray mak;
    QByteArray tdk;       // empty unless the layout carries one
    int currentBatch = 1; // the open batch (60.2); +1 after each batch-upload end
    qint64 singleLimitFen = 0;
    qint64 dailyLimitFen = 0;
    bool signedOn = false;
    // First swipe (首刷激活): a terminal registered by POST /v1/terminals/activate starts pending (false) and
    // only its activation transaction is served; true for terminals provisioned directly (demo, tests). Only
    // used when the terminal is first inserted; afterwards the activation transaction decides.
    bool firstSwipeDone = true;
    // FEE= text of the activation answer's F62 ("debit:50:2000|credit:60:|qr:38:"); empty: the current
    // published agreement's fees.
    QString feeSchedule;
};

// Kinds and states of host transactions, stored as these strings.
namespace hostkind {
inline const QString sale = QStringLiteral("sale");
inline const QString voidSale = QStringLiteral("void");
inline const QString refund = QStringLiteral("refund");
inline const QString balance = QStringLiteral("balance");
inline const QString activation = QStringLiteral("activation");
} // namespace hostkind
namespace hoststate {
inline const QString approved = QStringLiteral("approved");
inline const QString declined = QStringLiteral("declined");
inline const QString reversed = QStringLiteral("reversed");
inline const QString voided = QStringLiteral("voided");
} // namespace hoststate

// One financial request the host decided (approved or declined), keyed by TID + batch + STAN. Never holds a
// full PAN, a track or a PIN block: panMasked is the first 6 and last 4 digits.
struct HostTransaction
{
    qint64 id = 0;
    QString tid;
    QString mid;
    int batch = 0;
    QString stan;
    QString kind; // hostkind::*
    qint64 amountFen = 0;
    QString panMasked;
    QString rrn;
    QString authCode;
    QString responseCode;
    QString state; // hoststate::*
    std::optional<qint64> originalId;
    QByteArray requestDigest; // SHA-256 of the request's MAC block: identical retransmissions match
    QByteArray responseFrame; // the frame answered, repeated for an identical retransmission
    QString localDate;        // MMDD (F13 of the answer)
    QString created;          // ISO 8601 local date-time
    bool settled = false;     // the batch it belongs to was closed by a batch-upload end
};

// The terminal's first-swipe activation: one row per terminal, the approved (or later reversed) activation
// transaction. state is hoststate::approved or hoststate::reversed.
struct HostActivation
{
    QString tid;
    int batch = 0;
    QString stan;
    QString rrn;
    QString state;
    QString created;
};

// Debit (sales) and credit (refunds) totals of one batch as the host sees them.
struct HostBatchTotals
{
    int saleCount = 0;
    qint64 saleAmountFen = 0;
    int refundCount = 0;
    qint64 refundAmountFen = 0;
};

// The host's own SQLite ledger: host.db in the data directory (WAL, synchronous=FULL, through pos_storage's
// SqliteDatabase). The authoritative host view: a terminal registry, every decided transaction, reversal
// tombstones, settlements, batch uploads and injected faults. Used on one thread only (the simulator's main
// thread); every call blocks on the disk, which is fine for a simulator and makes "committed before the
// response is written" trivially true. Failures carry StorageFailure-family codes from the wrapper.
class HostLedger final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::HostLedger)

public:
    // 2: the JSON API tables (api/ApiStore.h); 3: first-swipe activation (terminal state, activations)
    static constexpr int schemaVersion = 3;
    static QString fileName() { return QStringLiteral("host.db"); }

    ~HostLedger();
    HostLedger(const HostLedger&) = delete;
    HostLedger& operator=(const HostLedger&) = delete;

    // Opens (creating when missing) dataDir/host.db and migrates it to schemaVersion.
    static Result<std::unique_ptr<HostLedger>> open(const QString& dataDir);

    // Runs work inside one write transaction (BEGIN IMMEDIATE … COMMIT); rolls back when work fails.
    Result<> inTransaction(const std::function<Result<>()>& work);

    // Registry. upsertTerminal keeps the batch; a changed TMK drops the work keys (sign on again).
    Result<> upsertTerminal(const HostTerminal& terminal);
    Result<std::optional<HostTerminal>> terminal(const QString& tid);
    Result<qint64> terminalCount();
    Result<> setLimitsForAll(qint64 singleLimitFen, qint64 dailyLimitFen);
    Result<> storeWorkKeys(const QString& tid,
                           WorkKeyLayout layout,
                           const QByteArray& pik,
                           const QByteArray& mak,
                           const QByteArray& tdk);
    Result<> signOff(const QString& tid);

    // The next value (1, 2, …) of a named counter of this host database, created on first use.
    Result<qint64> nextCounterValue(const QString& name);

    // A fresh 12-digit retrieval reference number, unique for this host database.
    Result<QString> nextRrn();

    Result<std::optional<HostTransaction>>
    transactionByKey(const QString& tid, int batch, const QString& stan);
    Result<std::optional<HostTransaction>> transactionByRrn(const QString& tid, const QString& rrn);
    Result<std::optional<HostTransaction>> transactionById(qint64 id);
    // Inserts and returns the new id.
    Result<qint64> insertTransaction(const HostTransaction& transaction);
    Result<> setTransactionState(qint64 id, const QString& state);
    // Approved, not reversed refunds of an original sale.
    Result<qint64> refundedAmountFen(qint64 originalId);
    // Approved sales of the terminal still standing (not voided or reversed) created on date.
    Result<qint64> approvedSalesFenOn(const QString& tid, const QDate& date);
    Result<HostBatchTotals> batchTotals(const QString& tid, int batch);

    // First swipe. recordActivation replaces the terminal's row and sets the terminal active (approved) or
    // pending again (reversed).
    Result<std::optional<HostActivation>> activation(const QString& tid);
    Result<> recordActivation(const HostActivation& activation);

    Result<bool> hasReversalTombstone(const QString& tid, int batch, const QString& stan);
    Result<> addReversalTombstone(const QString& tid, int batch, const QString& stan, const QString& reason);

    Result<> recordSettlement(const QString& tid,
                              int batch,
                              const HostBatchTotals& terminalTotals,
                              const HostBatchTotals& hostTotals,
                              bool balanced);
    Result<> recordUploadedRecords(const QString& tid, int batch, int records);
    // Records the end count, marks the batch's transactions settled and opens batch + 1 for the terminal.
    Result<> closeBatch(const QString& tid, int batch, int endCount);

    Result<> recordFault(const QString& tid, const QString& stan, const QString& mti, const QString& name);

    storage::SqliteDatabase& database() { return *m_db; }

private:
    explicit HostLedger(std::unique_ptr<storage::SqliteDatabase> db);
    Result<> migrate();
    Result<std::optional<HostTransaction>> fetchTransaction(storage::SqliteStatement& statement);

    std::unique_ptr<storage::SqliteDatabase> m_db;
};

} // namespace sim
} // namespace pos
