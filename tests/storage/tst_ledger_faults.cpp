// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// I/O faults under the ledger, through a VFS shim (FaultVfs) that is the process's default SQLite VFS: the
// k-th xWrite / xSync / xOpen of a sale fails once or from then on, for every k the sale reaches (the way
// SQLite's own I/O-error tests iterate), and a disk runs full in the middle of a sale. Whatever fails, a sale
// is either recorded completely or not at all, nothing committed before is lost, and the file stays sound.
// Also: a file with a damaged header is refused and left untouched; a missing ledger is not created.
#include "FaultVfs.h"
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace pos;
using namespace pos::storage;
using pos::test::FaultVfs;

namespace {

constexpr qint64 noon = 1'795'000'000'000; // a fixed instant: every run writes the same bytes

Money yuan(qint64 fen)
{
    return Money::fromFen(fen);
}

QString kindName(FaultVfs::Kind kind)
{
    switch (kind) {
    case FaultVfs::Kind::Write: return u"write"_qs;
    case FaultVfs::Kind::Sync: return u"fsync"_qs;
    case FaultVfs::Kind::Open: return u"open"_qs;
    }
    return {};
}

struct Shop
{
    QTemporaryDir dir;
    std::unique_ptr<Ledger> ledger;
    qint64 cashier = 0;
    qint64 shift = 0;
    qint64 cola = 0;
    qint64 apples = 0;
    QMap<qint64, QString> recorded; // every sale recordSale reported as committed: id -> sale number

    QString path() const { return dir.filePath(u"pos.db"_qs); }

    bool setUp()
    {
        auto opened = Ledger::open(path(), Ledger::Creation::CreateIfMissing);
        if (!opened)
            return false;
        ledger = std::move(opened).value();
        const Result<qint64> user =
            ledger->addUser({u"wang"_qs, u"王芳"_qs, UserRole::Cashier, QByteArray(32, '\x01'),
                             QByteArray(16, '\x02'), u"test"_qs},
                            noon);
        if (!user)
            return false;
        cashier = user.value();
        const Result<qint64> opened2 = ledger->openShift(cashier, yuan(50000), noon);
        const Result<qint64> product1 = ledger->addProduct(
            {u"690001"_qs, u"可乐 500ml"_qs, u"kl"_qs, std::nullopt, false, yuan(350), 1300, 1'000'000},
            noon);
        const Result<qint64> product2 = ledger->addProduct(
            {u"200001"_qs, u"苹果"_qs, u"pg"_qs, std::nullopt, true, yuan(1280), 900, 1'000'000}, noon);
        if (!opened2 || !product1 || !product2)
            return false;
        shift = opened2.value();
        cola = product1.value();
        apples = product2.value();
        return sell().hasValue();
    }

    // 2 × 3.50 + 1.234 kg × 12.80 = 22.80, paid in cash.
    SaleInput cashSale() const
    {
        SaleInput sale;
        sale.shiftId = shift;
        sale.cashierId = cashier;
        sale.createdMs = noon;
        sale.lines = {{cola, u"可乐 500ml"_qs, 2000, yuan(350), Money(), 1300},
                      {apples, u"苹果"_qs, 1234, yuan(1280), Money(), 900}};
        sale.tenders = {{TenderKind::Cash, yuan(2280), yuan(5000), std::nullopt, std::nullopt}};
        return sale;
    }

    // Records one cash sale on the open ledger and remembers it when it succeeded.
    Result<RecordedSale> sell()
    {
        const Result<RecordedSale> sale = ledger->recordSale(cashSale());
        if (sale)
            recorded.insert(sale.value().saleId, sale.value().saleNo);
        return sale;
    }

    // What a fault of this kind is tried on: a sale on the open ledger; for open faults, opening the ledger
    // (as the application does at start-up) and then a sale.
    Result<RecordedSale> operate(FaultVfs::Kind kind)
    {
        if (kind == FaultVfs::Kind::Open) {
            ledger.reset();
            auto opened = Ledger::open(path(), Ledger::Creation::MustExist);
            if (!opened)
                return Failure{opened.error()};
            ledger = std::move(opened).value();
        }
        return sell();
    }

    // Opens the ledger again through the fault shim (disarmed).
    bool reopen()
    {
        ledger.reset();
        auto opened = Ledger::open(path(), Ledger::Creation::MustExist);
        if (opened)
            ledger = std::move(opened).value();
        return ledger != nullptr;
    }

    qint64 salesOnOpenConnection() const
    {
        const Result<qint64> count = ledger->database().queryInt64(u"SELECT count(*) FROM sales"_qs);
        return count ? count.value() : -1;
    }

    // Closes the ledger and checks the file through the real VFS (not the shim), the way the application
    // would find it after a restart: it opens, integrity_check is ok, the audit chain verifies, exactly the
    // recorded sales are there with their numbers, and none is partial (lines and tenders add up to its
    // total, its audit row exists). Returns one line per problem. The ledger is left closed.
    QStringList checkThroughRealVfs()
    {
        ledger.reset();
        FaultVfs::setDefault(false);
        QStringList problems = check();
        FaultVfs::setDefault(true);
        return problems;
    }

private:
    QStringList check() const
    {
        auto opened = Ledger::open(path(), Ledger::Creation::MustExist);
        if (!opened)
            return {u"reopen failed: "_qs + opened.error().detail};
        SqliteDatabase& db = opened.value()->database();
        QStringList problems;
        const Result<QString> integrity = db.queryText(u"PRAGMA integrity_check"_qs);
        if (!integrity || integrity.value() != QLatin1String("ok"))
            problems << u"integrity_check: "_qs + (integrity ? integrity.value() : integrity.error().detail);
        const Result<audit::ChainReport> chain = audit::verify(db);
        if (!chain || !chain.value().intact)
            problems << u"audit chain: "_qs + (chain ? chain.value().problem : chain.error().detail);
        const Result<qint64> count = db.queryInt64(u"SELECT count(*) FROM sales"_qs);
        if (!count || count.value() != recorded.size())
            problems << QStringLiteral("%1 sales in the ledger, %2 recorded")
                            .arg(count ? count.value() : -1)
                            .arg(recorded.size());
        for (auto it = recorded.cbegin(); it != recorded.cend(); ++it) {
            const Result<QString> saleNo =
                db.queryText(QStringLiteral("SELECT sale_no FROM sales WHERE id = %1").arg(it.key()));
            if (!saleNo || saleNo.value() != it.value())
                problems << QStringLiteral("sale %1 (%2) lost").arg(it.key()).arg(it.value());
        }
        const Result<qint64> partial = db.queryInt64(
            u"SELECT count(*) FROM sales s WHERE total_fen != (SELECT coalesce(sum(total_fen), 0) FROM "
            u"sale_lines "
            "WHERE sale_id = s.id) OR total_fen != (SELECT coalesce(sum(amount_fen), 0) FROM tenders WHERE "
            "sale_id = s.id) OR NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = s.id) OR 'sale:' || "
            "s.id NOT "
            "IN (SELECT resource FROM audit_log)"_qs);
        if (!partial || partial.value() != 0)
            problems << QStringLiteral("%1 partial sales").arg(partial ? partial.value() : -1);
        return problems;
    }
};

// The calls of this kind one operation takes, measured from the state every attempt starts in (ledger
// freshly reopened after a check). Records that sale.
qint64 measure(Shop& shop, FaultVfs::Kind kind)
{
    if (!shop.checkThroughRealVfs().isEmpty() || !shop.reopen())
        return -1;
    FaultVfs::resetCounts();
    if (!shop.operate(kind))
        return -1;
    return FaultVfs::count(kind);
}

} // namespace

class tst_LedgerFaults final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void shimSeesTheLedgersIo();
    void faultDuringSaleLeavesNoPartialSale_data();
    void faultDuringSaleLeavesNoPartialSale();
    void faultBeyondTheSaleLeavesItSuccessful_data();
    void faultBeyondTheSaleLeavesItSuccessful();
    void diskFullRefusesTheSaleAndKeepsEarlierOnes_data();
    void diskFullRefusesTheSaleAndKeepsEarlierOnes();
    void failedCommitSyncIsOutcomeUnknown();
    void damagedHeaderIsRefusedAndLeftAlone_data();
    void damagedHeaderIsRefusedAndLeftAlone();
    void missingLedgerIsNotCreated_data();
    void missingLedgerIsNotCreated();
    void cleanupTestCase();

private:
    qint64 m_faultsTried = 0;
};

void tst_LedgerFaults::initTestCase()
{
    QVERIFY(FaultVfs::install());
    QCOMPARE(QByteArray(FaultVfs::defaultName()), QByteArray("pos-fault"));
}

// Sanity: the ledger's connections really go through the shim (otherwise no fault test means anything).
void tst_LedgerFaults::shimSeesTheLedgersIo()
{
    Shop shop;
    QVERIFY(shop.setUp());
    FaultVfs::resetCounts();
    POS_VERIFY_RESULT(shop.sell());
    const FaultVfs::Counts counts = FaultVfs::counts();
    qInfo("one cash sale: %lld writes (%lld bytes), %lld syncs; opening the ledger plus a sale: %lld opens",
          static_cast<long long>(counts.writes), static_cast<long long>(counts.bytesWritten),
          static_cast<long long>(counts.syncs), static_cast<long long>(measure(shop, FaultVfs::Kind::Open)));
    QVERIFY(counts.writes > 0);
    QVERIFY(counts.syncs > 0);
}

void tst_LedgerFaults::faultDuringSaleLeavesNoPartialSale_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("mode");
    for (const FaultVfs::Kind kind : {FaultVfs::Kind::Write, FaultVfs::Kind::Sync, FaultVfs::Kind::Open}) {
        for (const FaultVfs::Mode mode : {FaultVfs::Mode::Single, FaultVfs::Mode::Persistent}) {
            const QString name =
                kindName(kind) + (mode == FaultVfs::Mode::Single ? u", single"_qs : u", persistent"_qs);
            QTest::newRow(qPrintable(name)) << static_cast<int>(kind) << static_cast<int>(mode);
        }
    }
}

void tst_LedgerFaults::faultDuringSaleLeavesNoPartialSale()
{
    QFETCH(int, kind);
    QFETCH(int, mode);
    const auto faultKind = static_cast<FaultVfs::Kind>(kind);
    const auto faultMode = static_cast<FaultVfs::Mode>(mode);
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 operations = measure(shop, faultKind);
    QVERIFY2(operations > 0,
             qPrintable(QStringLiteral("%1 calls per sale: %2").arg(kindName(faultKind)).arg(operations)));

    int failedSales = 0;
    for (int k = 1; k <= operations; ++k) {
        const QStringList before = shop.checkThroughRealVfs();
        QVERIFY2(before.isEmpty(), qPrintable(before.join(u"; "_qs)));
        if (faultKind != FaultVfs::Kind::Open)
            QVERIFY(shop.reopen());
        const qint64 recordedBefore = shop.recorded.size();

        FaultVfs::arm(faultKind, k, faultMode);
        const Result<RecordedSale> sale = shop.operate(faultKind);
        FaultVfs::disarm();
        ++m_faultsTried;

        const QString where =
            QStringLiteral("%1 fault at call %2 of %3").arg(kindName(faultKind)).arg(k).arg(operations);
        if (sale) {
            QCOMPARE(shop.recorded.size(), recordedBefore + 1);
        } else {
            ++failedSales;
            // Only an injected fault may make this sale fail, and the cashier gets a message.
            QVERIFY2(FaultVfs::injectedFailures() > 0, qPrintable(where + u": "_qs + sale.error().detail));
            QVERIFY2(!sale.error().userMessage.isEmpty(), qPrintable(where));
            QCOMPARE(shop.recorded.size(), recordedBefore);
            // The same connection, after the fault: nothing of the sale is visible — unless the commit itself
            // failed, which poisons the connection (failedCommitSyncIsOutcomeUnknown covers that case).
            if (shop.ledger && sale.error().code != ErrorCode::OutcomeUnknown)
                QCOMPARE(shop.salesOnOpenConnection(), recordedBefore);
            if (shop.ledger && sale.error().code == ErrorCode::OutcomeUnknown)
                QVERIFY(shop.ledger->database().isPoisoned());
        }
        const QStringList after = shop.checkThroughRealVfs();
        QVERIFY2(after.isEmpty(), qPrintable(where + u": "_qs + after.join(u"; "_qs)));
    }
    qInfo("%s: %lld calls per sale, %d of %lld armed faults made the sale fail",
          qPrintable(kindName(faultKind)), static_cast<long long>(operations), failedSales,
          static_cast<long long>(operations));
    // Sanity: if no armed fault ever made a sale fail, the shim is not in the ledger's I/O path.
    QVERIFY(failedSales > 0);
}

// Negative control: a fault armed beyond the calls the sale makes never fires, and the sale succeeds.
void tst_LedgerFaults::faultBeyondTheSaleLeavesItSuccessful_data()
{
    QTest::addColumn<int>("kind");
    for (const FaultVfs::Kind kind : {FaultVfs::Kind::Write, FaultVfs::Kind::Sync, FaultVfs::Kind::Open})
        QTest::newRow(qPrintable(kindName(kind))) << static_cast<int>(kind);
}

void tst_LedgerFaults::faultBeyondTheSaleLeavesItSuccessful()
{
    QFETCH(int, kind);
    const auto faultKind = static_cast<FaultVfs::Kind>(kind);
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 operations = measure(shop, faultKind);
    QVERIFY(operations > 0);
    QVERIFY(shop.checkThroughRealVfs().isEmpty());
    if (faultKind != FaultVfs::Kind::Open)
        QVERIFY(shop.reopen());
    FaultVfs::arm(faultKind, static_cast<int>(operations) * 10 + 100, FaultVfs::Mode::Persistent);
    const Result<RecordedSale> sale = shop.operate(faultKind);
    FaultVfs::disarm();
    POS_VERIFY_RESULT(sale);
    QCOMPARE(FaultVfs::injectedFailures(), 0);
    QCOMPARE(shop.checkThroughRealVfs(), QStringList());
}

void tst_LedgerFaults::diskFullRefusesTheSaleAndKeepsEarlierOnes_data()
{
    QTest::addColumn<int>("share"); // of the bytes one sale writes, in percent, that still fit on the disk
    QTest::newRow("no space at all") << 0;
    QTest::newRow("runs out halfway") << 50;
    QTest::newRow("only the last write does not fit") << 99;
}

void tst_LedgerFaults::diskFullRefusesTheSaleAndKeepsEarlierOnes()
{
    QFETCH(int, share);
    Shop shop;
    QVERIFY(shop.setUp());
    QVERIFY(measure(shop, FaultVfs::Kind::Write) > 0);
    const FaultVfs::Counts oneSale = FaultVfs::counts();
    QVERIFY(shop.checkThroughRealVfs().isEmpty());
    QVERIFY(shop.reopen());
    const qint64 recordedBefore = shop.recorded.size();

    FaultVfs::armDiskFull(oneSale.bytesWritten * share / 100);
    const Result<RecordedSale> refused = shop.sell();
    const int injected = FaultVfs::injectedFailures();
    QVERIFY2(!refused, "the sale fit on a disk that was too small for it");
    QCOMPARE(errorCodeName(refused.error().code), errorCodeName(ErrorCode::StorageFull));
    QVERIFY2(refused.error().userMessage.contains(u"disk is full"_qs, Qt::CaseInsensitive),
             qPrintable(refused.error().userMessage));
    QVERIFY(injected > 0);
    QCOMPARE(shop.salesOnOpenConnection(), recordedBefore);

    FaultVfs::disarm(); // space freed
    POS_VERIFY_RESULT(shop.sell());
    QCOMPARE(shop.recorded.size(), recordedBefore + 1);
    QCOMPARE(shop.checkThroughRealVfs(), QStringList());
}

// When the sync at COMMIT fails, SQLite may already have written the whole commit record into the WAL: a
// crash before the connection closes would bring the sale back although the cashier was told it failed.
// The ledger therefore reports OutcomeUnknown and refuses further work until reopened; a crash copy taken
// at that moment holds the sale completely or not at all.
void tst_LedgerFaults::failedCommitSyncIsOutcomeUnknown()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 syncs = measure(shop, FaultVfs::Kind::Sync);
    QVERIFY(syncs > 0);
    bool sawUnknown = false;
    for (int k = 1; k <= syncs; ++k) {
        QVERIFY(shop.checkThroughRealVfs().isEmpty());
        QVERIFY(shop.reopen());
        FaultVfs::arm(FaultVfs::Kind::Sync, k, FaultVfs::Mode::Single);
        const Result<RecordedSale> sale = shop.sell();
        FaultVfs::disarm();
        if (sale || sale.error().code != ErrorCode::OutcomeUnknown)
            continue;
        sawUnknown = true;
        QVERIFY(sale.error().userMessage.contains(u"may or may not"_qs));
        const Result<RecordedSale> next = shop.ledger->recordSale(shop.cashSale());
        QVERIFY(!next);
        QCOMPARE(next.error().code, ErrorCode::OutcomeUnknown);

        QTemporaryDir crash;
        for (const QString& suffix : {QString(), u"-wal"_qs}) {
            if (QFile::exists(shop.path() + suffix))
                QVERIFY(QFile::copy(shop.path() + suffix, crash.filePath(u"pos.db"_qs + suffix)));
        }
        FaultVfs::setDefault(false);
        auto copy = Ledger::open(crash.filePath(u"pos.db"_qs), Ledger::Creation::MustExist);
        POS_VERIFY_RESULT(copy);
        SqliteDatabase& db = copy.value()->database();
        const qint64 sales = db.queryInt64(u"SELECT count(*) FROM sales"_qs).value();
        QVERIFY2(sales == shop.recorded.size() || sales == shop.recorded.size() + 1,
                 qPrintable(QString::number(sales)));
        QCOMPARE(
            db.queryInt64(
                  u"SELECT count(*) FROM sales s WHERE total_fen != (SELECT coalesce(sum(amount_fen), 0) "
                  u"FROM tenders WHERE sale_id = s.id) OR NOT EXISTS (SELECT 1 FROM sale_lines "
                  u"WHERE sale_id = s.id)"_qs)
                .value(),
            qint64(0));
        QCOMPARE(db.queryText(u"PRAGMA integrity_check"_qs).value(), u"ok"_qs);
        copy.value().reset();
        FaultVfs::setDefault(true);
    }
    QVERIFY2(sawUnknown, "no sync fault hit the commit: the OutcomeUnknown path was not exercised");
    QVERIFY(shop.checkThroughRealVfs().isEmpty());
}

void tst_LedgerFaults::damagedHeaderIsRefusedAndLeftAlone_data()
{
    QTest::addColumn<int>(
        "damage"); // 0 none (control), 1 pseudo-random bytes, 2 zeros, 3 magic kept, rest 0xff
    QTest::addColumn<bool>("create"); // Creation::CreateIfMissing instead of MustExist
    const char* damages[] = {"undamaged (control)", "garbage header", "zeroed header",
                             "magic kept, fields garbage"};
    for (int damage = 0; damage < 4; ++damage) {
        for (const bool create : {false, true}) {
            const QString name = QString::fromLatin1(damages[damage]) +
                                 (create ? u", create if missing"_qs : u", must exist"_qs);
            QTest::newRow(qPrintable(name)) << damage << create;
        }
    }
}

void tst_LedgerFaults::damagedHeaderIsRefusedAndLeftAlone()
{
    QFETCH(int, damage);
    QFETCH(bool, create);
    Shop shop;
    QVERIFY(shop.setUp());
    shop.ledger.reset(); // the last connection checkpoints the WAL into the file and removes it
    QVERIFY(!QFile::exists(shop.path() + u"-wal"_qs));
    const QString copy = shop.dir.filePath(u"copy.db"_qs);
    QVERIFY(QFile::copy(shop.path(), copy));
    {
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray header = file.read(100);
        QCOMPARE(header.size(), 100);
        quint32 x = 2463534242u; // xorshift32: the same garbage every run
        for (int i = 0; i < 100; ++i) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            if (damage == 1)
                header[i] = static_cast<char>(x & 0xff);
            else if (damage == 2)
                header[i] = 0;
            else if (damage == 3 && i >= 16)
                header[i] = static_cast<char>(0xff);
        }
        QVERIFY(file.seek(0));
        QCOMPARE(file.write(header), qint64(100));
    }
    const QByteArray before = [&] {
        QFile file(copy);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(!before.isEmpty());

    {
        const Result<std::unique_ptr<Ledger>> opened =
            Ledger::open(copy, create ? Ledger::Creation::CreateIfMissing : Ledger::Creation::MustExist);
        if (damage == 0) {
            POS_VERIFY_RESULT(opened);
            return;
        }
        QVERIFY2(!opened, "a damaged ledger was opened");
        QCOMPARE(errorCodeName(opened.error().code), errorCodeName(ErrorCode::StorageCorrupt));
        QVERIFY(!opened.error().userMessage.isEmpty());
    }
    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(file.readAll() == before, "the damaged file was changed");
    QVERIFY(!QFile::exists(copy + u"-wal"_qs));
    QVERIFY(!QFile::exists(copy + u"-journal"_qs));
}

void tst_LedgerFaults::missingLedgerIsNotCreated_data()
{
    QTest::addColumn<bool>("create");
    QTest::newRow("must exist") << false;
    QTest::newRow("create if missing (control)") << true;
}

void tst_LedgerFaults::missingLedgerIsNotCreated()
{
    QFETCH(bool, create);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"pos.db"_qs);
    const Result<std::unique_ptr<Ledger>> opened =
        Ledger::open(path, create ? Ledger::Creation::CreateIfMissing : Ledger::Creation::MustExist);
    const QStringList files =
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    if (create) {
        POS_VERIFY_RESULT(opened);
        QVERIFY(files.contains(u"pos.db"_qs));
        return;
    }
    QVERIFY(!opened);
    QCOMPARE(errorCodeName(opened.error().code), errorCodeName(ErrorCode::NotFound));
    QCOMPARE(files, QStringList());
}

void tst_LedgerFaults::cleanupTestCase()
{
    qInfo("%lld armed I/O faults tried during sales", static_cast<long long>(m_faultsTried));
}

QTEST_GUILESS_MAIN(tst_LedgerFaults)
#include "tst_ledger_faults.moc"
