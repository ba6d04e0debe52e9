// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Crash harness: a child process (ledger-crash-child) rings cash sales on a ledger and acknowledges each one
// on stdout once recordSale returned; the test SIGKILLs it at random moments, restarts it, and after every
// kill checks the ledger file: intact, every acknowledged sale present with its number, every sale whole
// (lines and tenders add up), the audit chain unbroken. SQLite promises durability across application
// crashes in every journal mode; this tests that our ledger only acknowledges what it committed and keeps
// every business event in one transaction.
//
// Environment: POS_CRASH_CYCLES (kills per run, default 300), POS_CRASH_SEED (RNG seed, default fixed).
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "support/TestSupport.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <thread>

using namespace pos;
using namespace pos::storage;

namespace {

// Acknowledged sales: id -> sale number, as the child printed them.
using AckMap = QMap<qint64, QString>;

const QString childProgram = QStringLiteral(POS_BINARY_DIR "/tests/ledger-crash-child");

int environmentInt(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

// Runs a query returning one integer per row; appends a problem and returns {} when it fails.
QList<qint64> integers(SqliteDatabase& db, const QString& sql, QStringList& problems)
{
    QList<qint64> values;
    const Result<SqliteStatement*> statement = db.prepare(sql);
    if (!statement) {
        problems << QStringLiteral("query failed: %1: %2").arg(sql, statement.error().detail);
        return values;
    }
    for (;;) {
        const Result<bool> row = statement.value()->step();
        if (!row) {
            problems << QStringLiteral("query failed: %1: %2").arg(sql, row.error().detail);
            break;
        }
        if (!row.value())
            break;
        values << statement.value()->int64(0);
    }
    statement.value()->reset();
    return values;
}

QString idList(const QList<qint64>& ids)
{
    QStringList shown;
    for (qsizetype i = 0; i < ids.size() && i < 10; ++i)
        shown << QString::number(ids.at(i));
    return shown.join(QLatin1Char(','));
}

// The checker shared by the real test and its negative controls. Opens the ledger at path read-only (every
// writer must be dead; only a hot rollback journal left by a kill during creation is rolled back first) and
// returns one line per broken invariant, empty when the ledger is sound:
// - PRAGMA integrity_check is "ok";
// - the schema is either absent (killed before the first migration committed) or complete;
// - every acknowledged sale exists exactly once with the acknowledged sale number;
// - sale numbers are unique;
// - for every sale, its lines and its tenders each add up to its total, and it has its audit row;
// - the audit chain verifies.
QStringList checkLedger(const QString& path, const AckMap& acked)
{
    QStringList problems;
    if (!QFile::exists(path)) {
        if (!acked.isEmpty())
            problems
                << QStringLiteral("ledger file missing but %1 sales were acknowledged").arg(acked.size());
        return problems;
    }
    if (QFile::exists(path + u"-journal"_qs)) {
        // Killed while the new file was still in rollback-journal mode (before journal_mode=WAL took): SQLite
        // rolls a hot journal back on the first read of a read-write connection, as the restarted child
        // would; a read-only connection cannot (SQLITE_READONLY_ROLLBACK). Nothing else is written.
        auto recovering = SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite,
                                               SqliteDatabase::Creation::MustExist);
        if (!recovering)
            return {
                QStringLiteral("cannot open to roll back the journal: %1").arg(recovering.error().detail)};
        if (const Result<qint64> pages = recovering.value()->queryInt64(u"PRAGMA page_count"_qs); !pages)
            return {QStringLiteral("hot journal not rolled back: %1").arg(pages.error().detail)};
    }
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
    if (!opened)
        return {QStringLiteral("cannot open: %1").arg(opened.error().detail)};
    SqliteDatabase& db = *opened.value();
    if (const Result<> settings = db.applyLedgerSettings(); !settings)
        return {QStringLiteral("cannot read: %1").arg(settings.error().detail)};

    const Result<QString> integrity = db.queryText(QStringLiteral("PRAGMA integrity_check"));
    if (!integrity || integrity.value() != QLatin1String("ok"))
        problems << QStringLiteral("integrity_check: %1")
                        .arg(integrity ? integrity.value() : integrity.error().detail);

    const Result<qint64> version = db.queryInt64(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return problems << QStringLiteral("user_version unreadable: %1").arg(version.error().detail);
    if (version.value() == 0) {
        // Killed before the first migration committed: nothing may be there, and nothing was acknowledged.
        const Result<qint64> objects = db.queryInt64(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        if (!objects || objects.value() != 0)
            problems << QStringLiteral("half-applied schema: user_version 0 with schema objects");
        if (!acked.isEmpty())
            problems << QStringLiteral("no schema but %1 sales were acknowledged").arg(acked.size());
        return problems;
    }

    const Result<SqliteStatement*> byId = db.prepare(
        QStringLiteral("SELECT sale_no, (SELECT count(*) FROM sales s2 WHERE s2.sale_no = s1.sale_no) "
                       "FROM sales s1 WHERE id = ?"));
    if (!byId)
        return problems << QStringLiteral("cannot prepare: %1").arg(byId.error().detail);
    for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
        byId.value()->bind(1, it.key());
        const Result<bool> row = byId.value()->step();
        if (!row)
            problems << QStringLiteral("acknowledged sale %1 unreadable: %2")
                            .arg(it.key())
                            .arg(row.error().detail);
        else if (!row.value())
            problems << QStringLiteral("acknowledged sale %1 (%2) is missing").arg(it.key()).arg(it.value());
        else if (byId.value()->text(0) != it.value())
            problems << QStringLiteral("acknowledged sale %1 has number %2, acknowledged as %3")
                            .arg(it.key())
                            .arg(byId.value()->text(0), it.value());
        else if (byId.value()->int64(1) != 1)
            problems << QStringLiteral("acknowledged sale number %1 occurs %2 times")
                            .arg(it.value())
                            .arg(byId.value()->int64(1));
        byId.value()->reset();
    }

    const QList<qint64> duplicates =
        integers(db, QStringLiteral("SELECT count(*) - count(DISTINCT sale_no) FROM sales"), problems);
    if (!duplicates.isEmpty() && duplicates.first() != 0)
        problems << QStringLiteral("%1 duplicate sale numbers").arg(duplicates.first());
    const QList<qint64> badLines =
        integers(db,
                 QStringLiteral(
                     "SELECT id FROM sales s WHERE total_fen != "
                     "(SELECT coalesce(sum(total_fen), 0) FROM sale_lines WHERE sale_id = s.id) ORDER BY id"),
                 problems);
    if (!badLines.isEmpty())
        problems << QStringLiteral("lines do not add up to the total of sales %1").arg(idList(badLines));
    const QList<qint64> badTenders = integers(
        db,
        QStringLiteral("SELECT id FROM sales s WHERE total_fen != "
                       "(SELECT coalesce(sum(amount_fen), 0) FROM tenders WHERE sale_id = s.id) ORDER BY id"),
        problems);
    if (!badTenders.isEmpty())
        problems << QStringLiteral("tenders do not add up to the total of sales %1").arg(idList(badTenders));
    const QList<qint64> unaudited =
        integers(db,
                 QStringLiteral(
                     "SELECT id FROM sales WHERE 'sale:' || id NOT IN (SELECT resource FROM audit_log WHERE "
                     "event IN ('sale.completed', 'refund.completed')) ORDER BY id"),
                 problems);
    if (!unaudited.isEmpty())
        problems << QStringLiteral("sales without their audit row: %1").arg(idList(unaudited));

    const Result<audit::ChainReport> chain = audit::verify(db);
    if (!chain)
        problems << QStringLiteral("audit chain unreadable: %1").arg(chain.error().detail);
    else if (!chain.value().intact)
        problems << QStringLiteral("audit chain broken: %1").arg(chain.value().problem);
    return problems;
}

// When the harness kills the child.
enum class KillPlan {
    AfterDelay, // a random 5..60 ms after the process started (often while it opens or sets up the shop)
    AfterAck,   // as soon as the n-th ack line arrives (the next sale is usually in flight)
    InsideSale, // a random 0..2 ms after the n-th ack line
};

const char* planName(KillPlan plan)
{
    switch (plan) {
    case KillPlan::AfterDelay: return "after-delay";
    case KillPlan::AfterAck: return "after-ack";
    case KillPlan::InsideSale: return "inside-sale";
    }
    return "?";
}

// Starts, kills and restarts ledger-crash-child on one ledger file, and collects what it acknowledged.
class CrashHarness final
{
public:
    CrashHarness(QString path, bool ackBeforeCommit, quint32 seed)
        : m_path(std::move(path))
        , m_ackBeforeCommit(ackBeforeCommit)
        , m_random(seed)
    {}

    QRandomGenerator& random() { return m_random; }
    const AckMap& acked() const { return m_acked; }
    int acksThisCycle() const { return m_acksThisCycle; }
    // Problems seen in the acks themselves (one id acknowledged with two numbers).
    const QStringList& conflicts() const { return m_conflicts; }

    // One cycle: start the child, kill it (SIGKILL) according to plan, wait until it is gone and record the
    // acks it printed. Returns an empty string, or why the cycle went wrong (the child exited by itself,
    // never started, or never reached the ack the plan waits for).
    QString runCycle(KillPlan plan)
    {
        m_acksThisCycle = 0;
        m_pending.clear();
        QProcess child;
        QStringList args{QStringLiteral("--db"), m_path};
        if (m_ackBeforeCommit)
            args << QStringLiteral("--ack-before-commit");
        child.start(childProgram, args);
        if (!child.waitForStarted(10000))
            return QStringLiteral("child did not start: %1").arg(child.errorString());
        QElapsedTimer sinceStart;
        sinceStart.start();

        const int delayMs = m_random.bounded(5, 61);
        const int ackTarget = m_random.bounded(1, 11);
        const int insideUs = m_random.bounded(0, 2001);
        QDeadlineTimer deadline(std::chrono::seconds(20));
        bool reached = false;
        while (!reached) {
            if (deadline.hasExpired())
                return stop(child, QStringLiteral("no ack %1 within 20 s").arg(ackTarget));
            if (plan == KillPlan::AfterDelay) {
                const qint64 left = delayMs - sinceStart.elapsed();
                if (left <= 0)
                    break;
                child.waitForReadyRead(static_cast<int>(left));
            } else {
                child.waitForReadyRead(50);
            }
            consume(child.readAllStandardOutput());
            if (plan != KillPlan::AfterDelay && m_acksThisCycle >= ackTarget)
                reached = true;
            if (child.state() == QProcess::NotRunning)
                return exitedByItself(child);
        }
        if (plan == KillPlan::InsideSale)
            std::this_thread::sleep_for(std::chrono::microseconds(insideUs));
        return stop(child, QString());
    }

private:
    // SIGKILL, reap, and record what was still in the pipe. Returns problem unless the child exited by
    // itself.
    QString stop(QProcess& child, const QString& problem)
    {
        child.kill();
        child.waitForFinished(10000);
        consume(child.readAllStandardOutput());
        if (child.exitStatus() != QProcess::CrashExit)
            return exitedByItself(child);
        return problem;
    }

    QString exitedByItself(QProcess& child)
    {
        child.waitForFinished(10000);
        return QStringLiteral("child exited by itself with code %1: %2")
            .arg(child.exitCode())
            .arg(QString::fromUtf8(child.readAllStandardError()));
    }

    // Records complete "ack <id> <saleNo>" lines; a line cut short by the kill is not an ack.
    void consume(const QByteArray& bytes)
    {
        m_pending += bytes;
        qsizetype end = 0;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> fields = m_pending.left(end).trimmed().split(' ');
            m_pending.remove(0, end + 1);
            if (fields.size() != 3 || fields.at(0) != "ack")
                continue;
            const qint64 id = fields.at(1).toLongLong();
            const QString saleNo = QString::fromLatin1(fields.at(2));
            // The same id acknowledged twice with two numbers is itself a finding (a durable sale was lost
            // and its id reused); the first acknowledgement stays the one the checker looks for.
            if (!m_acked.contains(id))
                m_acked.insert(id, saleNo);
            else if (m_acked.value(id) != saleNo)
                m_conflicts << QStringLiteral("sale %1 acknowledged as %2 and later as %3")
                                   .arg(id)
                                   .arg(m_acked.value(id), saleNo);
            ++m_acksThisCycle;
        }
    }

    QString m_path;
    bool m_ackBeforeCommit;
    QRandomGenerator m_random;
    AckMap m_acked;
    QStringList m_conflicts;
    QByteArray m_pending;
    int m_acksThisCycle = 0;
};

// A small shop recorded in-process, for the checker's own negative controls.
bool makeShop(const QString& path, AckMap& acked)
{
    auto opened = Ledger::open(path, Ledger::Creation::CreateIfMissing);
    if (!opened)
        return false;
    Ledger& ledger = *opened.value();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Result<qint64> cashier =
        ledger.addUser({u"wang"_qs, u"王芳"_qs, UserRole::Cashier, QByteArray(32, '\x01'),
                        QByteArray(16, '\x02'), u"test"_qs},
                       now);
    if (!cashier)
        return false;
    const Result<qint64> shift = ledger.openShift(cashier.value(), Money::fromFen(10000), now);
    const Result<qint64> cola = ledger.addProduct(
        {u"690001"_qs, u"可乐 500ml"_qs, u"kl"_qs, std::nullopt, false, Money::fromFen(350), 1300, 100'000},
        now);
    if (!shift || !cola)
        return false;
    for (int i = 1; i <= 3; ++i) {
        SaleInput sale;
        sale.shiftId = shift.value();
        sale.cashierId = cashier.value();
        sale.createdMs = now;
        sale.lines = {{cola.value(), u"可乐 500ml"_qs, i * 1000, Money::fromFen(350), Money(), 1300}};
        sale.tenders = {{TenderKind::Cash, Money::fromFen(i * 350), Money(), std::nullopt, std::nullopt}};
        const Result<RecordedSale> recorded = ledger.recordSale(sale);
        if (!recorded)
            return false;
        acked.insert(recorded.value().saleId, recorded.value().saleNo);
    }
    return true;
}

} // namespace

class tst_LedgerCrash final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void checkerReportsDamage_data();
    void checkerReportsDamage();
    void acknowledgedSalesSurviveKills();
    void ackBeforeCommitIsCaught();
};

void tst_LedgerCrash::initTestCase()
{
    QVERIFY2(QFile::exists(childProgram), qPrintable(childProgram));
}

// Negative controls of the checker: each kind of damage the crash test looks for is reported.
void tst_LedgerCrash::checkerReportsDamage_data()
{
    QTest::addColumn<QString>("damage"); // SQL run on the ledger, or "ack:missing" / "ack:renumbered"
    QTest::addColumn<QString>("expected");
    QTest::newRow("undamaged (control)") << QString() << QString();
    QTest::newRow("acknowledged sale missing") << u"ack:missing"_qs << u"is missing"_qs;
    QTest::newRow("acknowledged with another number") << u"ack:renumbered"_qs << u"acknowledged as"_qs;
    QTest::newRow("line total off by one fen")
        << u"UPDATE sale_lines SET total_fen = total_fen + 1 WHERE id = (SELECT min(id) FROM sale_lines)"_qs
        << u"lines do not add up"_qs;
    QTest::newRow("tender total off by one fen")
        << u"UPDATE tenders SET amount_fen = amount_fen - 1 WHERE id = (SELECT min(id) FROM tenders)"_qs
        << u"tenders do not add up"_qs;
    QTest::newRow("sale without audit row")
        << u"INSERT INTO sales (sale_no, kind, state, shift_id, cashier_id, subtotal_fen, discount_fen, "
           u"total_fen, "
           "tax_fen, created_ms, business_date, hour) SELECT sale_no || 'X', kind, state, shift_id, "
           "cashier_id, 0, 0, "
           "0, 0, created_ms, business_date, hour FROM sales WHERE id = (SELECT min(id) FROM sales)"_qs
        << u"without their audit row"_qs;
    QTest::newRow("audit row altered")
        << u"DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = detail || ' ' WHERE id = "
           "(SELECT max(id) FROM audit_log)"_qs
        << u"audit chain broken"_qs;
    QTest::newRow("index out of step with its table")
        << u"PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, '(business_date, "
           u"hour)', "
           "'(business_date, total_fen)') WHERE name = 'sales_by_date'; PRAGMA writable_schema = OFF"_qs
        << u"integrity_check"_qs;
}

void tst_LedgerCrash::checkerReportsDamage()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"pos.db"_qs);
    AckMap acked;
    QVERIFY(makeShop(path, acked));
    QCOMPARE(checkLedger(path, acked), QStringList());

    if (damage == QLatin1String("ack:missing")) {
        acked.insert(acked.lastKey() + 1, u"19700101-999999"_qs);
    } else if (damage == QLatin1String("ack:renumbered")) {
        acked.insert(acked.firstKey(), u"19700101-999999"_qs);
    } else if (!damage.isEmpty()) {
        auto raw = SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite,
                                        SqliteDatabase::Creation::MustExist);
        POS_VERIFY_RESULT(raw);
        POS_VERIFY_RESULT(raw.value()->execute(damage));
    }
    const QStringList problems = checkLedger(path, acked);
    if (expected.isEmpty()) {
        QCOMPARE(problems, QStringList());
    } else {
        QVERIFY2(!problems.filter(expected).isEmpty(), qPrintable(problems.join(u"; "_qs)));
    }
}

void tst_LedgerCrash::acknowledgedSalesSurviveKills()
{
    const int cycles = environmentInt("POS_CRASH_CYCLES", 300);
    const quint32 seed = static_cast<quint32>(environmentInt("POS_CRASH_SEED", 20260417));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"pos.db"_qs);
    CrashHarness harness(path, false, seed);
    QElapsedTimer timer;
    timer.start();
    int cyclesWithAcks = 0;
    for (int cycle = 1; cycle <= cycles; ++cycle) {
        const int pick = harness.random().bounded(10);
        const KillPlan plan = pick < 4   ? KillPlan::AfterDelay
                              : pick < 7 ? KillPlan::AfterAck
                                         : KillPlan::InsideSale;
        const QString failed = harness.runCycle(plan);
        QVERIFY2(failed.isEmpty(), qPrintable(QStringLiteral("cycle %1 (%2, seed %3): %4")
                                                  .arg(cycle)
                                                  .arg(QLatin1String(planName(plan)))
                                                  .arg(seed)
                                                  .arg(failed)));
        if (harness.acksThisCycle() > 0)
            ++cyclesWithAcks;
        const QStringList problems = harness.conflicts() + checkLedger(path, harness.acked());
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("after kill %1 (%2, seed %3): %4")
                                                    .arg(cycle)
                                                    .arg(QLatin1String(planName(plan)))
                                                    .arg(seed)
                                                    .arg(problems.join(u"; "_qs))));
    }
    // The ledger still opens the way the application opens it, and is still sound afterwards.
    {
        auto reopened = Ledger::open(path, Ledger::Creation::MustExist);
        POS_VERIFY_RESULT(reopened);
    }
    QCOMPARE(checkLedger(path, harness.acked()), QStringList());
    qInfo("%d kills (seed %u), %d of them after at least one ack, %lld acknowledged sales, %lld ms", cycles,
          seed, cyclesWithAcks, static_cast<long long>(harness.acked().size()),
          static_cast<long long>(timer.elapsed()));
    // Without sales to lose the test proves nothing: most cycles must have acknowledged some.
    QVERIFY(cyclesWithAcks >= cycles / 2);
}

// Negative control: a child that acknowledges a sale before recordSale committed it must be caught.
void tst_LedgerCrash::ackBeforeCommitIsCaught()
{
    constexpr int maxCycles = 300;
    const quint32 seed = static_cast<quint32>(environmentInt("POS_CRASH_SEED", 20260417));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"pos.db"_qs);
    CrashHarness harness(path, true, seed);
    QStringList problems;
    int cycle = 0;
    while (problems.isEmpty() && cycle < maxCycles) {
        ++cycle;
        const QString failed = harness.runCycle(KillPlan::AfterAck);
        QVERIFY2(failed.isEmpty(), qPrintable(QStringLiteral("cycle %1: %2").arg(cycle).arg(failed)));
        // Checked before the restart: a restarted child would reuse the lost sale's id and number.
        problems = harness.conflicts() + checkLedger(path, harness.acked());
    }
    qInfo("ack-before-commit caught after %d kill(s): %s", cycle, qPrintable(problems.join(u"; "_qs)));
    QVERIFY2(!problems.isEmpty(), "acknowledging before the commit was never detected");
    QVERIFY2(!problems.filter(u"is missing"_qs).isEmpty(), qPrintable(problems.join(u"; "_qs)));
}

QTEST_GUILESS_MAIN(tst_LedgerCrash)
#include "tst_ledger_crash.moc"
