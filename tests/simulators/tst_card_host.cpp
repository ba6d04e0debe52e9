// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The card host of the acquirer simulator, in process on a temporary data directory. The terminal side is
// built in the test from the codec and the crypto functions (SimTestTerminal.h), following the wire contract.
#include "acquirer/engine/ActivationTerms.h"
#include "simulators/SimTestTerminal.h"
#include "simulators/acquirer/CardHost.h"
#include "simulators/acquirer/DemoTerminal.h"
#include "simulators/acquirer/HostLedger.h"
#include "simulators/acquirer/HostLedgerDump.h"
#include "simulators/acquirer/TestCards.h"
#include "simulators/pinpad/EmvTestCard.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pos;
using namespace pos::acquirer;
using namespace pos::sim;
using namespace pos::test;
using namespace Qt::StringLiterals;

namespace {

const QString demoTid = QString::fromLatin1(demoTerminalId);
const QString demoMid = QString::fromLatin1(demoMerchantId);
const QByteArray demoTmk = QByteArray::fromHex(demoTmkHex);
constexpr qint64 hundredYuan = 10000;

TestCard card(const char* label)
{
    const std::optional<TestCard> found = findTestCardByLabel(QString::fromLatin1(label));
    Q_ASSERT(found);
    return *found;
}

} // namespace

class tst_CardHost final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signOnDeliversFreshKeysUnderTheTmk_data();
    void signOnDeliversFreshKeysUnderTheTmk();
    void responseSwapsTpduAndKeepsHeader();
    void unknownTerminalGets97_data();
    void unknownTerminalGets97();
    void financialBeforeSignOnGets96();

    void testCardDecides_data();
    void testCardDecides();
    void pinIsCheckedAgainstTheCard_data();
    void pinIsCheckedAgainstTheCard();
    void encryptedTrackMustMatchPan();
    void chipSaleWithoutIcDataIsRefused();
    void arqcIsVerifiedOnlyWhenAsked_data();
    void arqcIsVerifiedOnlyWhenAsked();
    void balanceInquiryReportsBalance_data();
    void balanceInquiryReportsBalance();
    void terminalLimitsGive61_data();
    void terminalLimitsGive61();

    void badRequestMacGetsA0();
    void approvedResponseMacVerifiesWithSignOnMak();
    void identicalRepeatGetsFirstAnswer();
    void differentContentWithSameStanGets94();

    void reversalOfApprovedSaleIsIdempotent();
    void reversalOfUnknownLeavesTombstone();
    void reversedVoidRestoresTheSale();

    void voidOfSale_data();
    void voidOfSale();
    void refundOfSale_data();
    void refundOfSale();
    void refundRepeatGetsFirstAnswer();

    void pendingTerminalServesOnlyTheActivation_data();
    void pendingTerminalServesOnlyTheActivation();
    void activationIsExactlyOnceAndReversible();

    void settlementComparesTotals_data();
    void settlementComparesTotals();
    void batchUploadEndOpensNextBatch();

private:
    void usePendingTerminal();
    IsoMessage activation(const TestCard& testCard, const std::optional<QString>& pin);
    QJsonArray activationRows();
    IsoMessage exchange(const IsoMessage& request);
    HostReply exchangeReply(const IsoMessage& request);
    bool signOn(SimTestTerminal& terminal, const QString& code = u"004"_qs);
    void registerTerminal(const QString& tid,
                          qint64 single,
                          qint64 daily,
                          KeyScheme scheme = KeyScheme::TripleDes,
                          const QByteArray& tmk = demoTmk);
    HostTransaction transaction(const QString& stan, int batch = 1);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HostLedger> m_ledger;
    std::unique_ptr<CardHost> m_host;
    std::unique_ptr<SimTestTerminal> m_terminal;
};

void tst_CardHost::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = HostLedger::open(m_dir->path());
    POS_VERIFY_RESULT(opened);
    m_ledger = std::move(opened).value();
    m_host = std::make_unique<CardHost>(*m_ledger);
    registerTerminal(demoTid, 5'000'000, 20'000'000);
    m_terminal = std::make_unique<SimTestTerminal>(demoTid, demoMid, demoTmk);
}

void tst_CardHost::cleanup()
{
    m_terminal.reset();
    m_host.reset();
    m_ledger.reset();
    m_dir.reset();
}

void tst_CardHost::registerTerminal(
    const QString& tid, qint64 single, qint64 daily, KeyScheme scheme, const QByteArray& tmk)
{
    HostTerminal terminal;
    terminal.tid = tid;
    terminal.mid = demoMid;
    terminal.merchantName = u"Test merchant"_qs;
    terminal.tmkScheme = scheme;
    terminal.tmk = tmk;
    terminal.singleLimitFen = single;
    terminal.dailyLimitFen = daily;
    POS_VERIFY_RESULT(m_ledger->upsertTerminal(terminal));
}

HostReply tst_CardHost::exchangeReply(const IsoMessage& request)
{
    const QByteArray frame = m_terminal->frame(request);
    if (frame.isEmpty())
        qWarning("request could not be encoded");
    return m_host->handle(frame);
}

IsoMessage tst_CardHost::exchange(const IsoMessage& request)
{
    const HostReply reply = exchangeReply(request);
    const Result<IsoMessage> response = m_terminal->codec.decodeFrame(reply.frame);
    return response ? response.value() : IsoMessage();
}

bool tst_CardHost::signOn(SimTestTerminal& terminal, const QString& code)
{
    const QByteArray frame = terminal.frame(terminal.signOn(code));
    const Result<IsoMessage> response = terminal.codec.decodeFrame(m_host->handle(frame).frame);
    return response && terminal.adoptSignOn(response.value());
}

HostTransaction tst_CardHost::transaction(const QString& stan, int batch)
{
    const auto found = m_ledger->transactionByKey(demoTid, batch, stan);
    if (!found || !found.value())
        return {};
    return *found.value();
}

void tst_CardHost::signOnDeliversFreshKeysUnderTheTmk_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("keyCount");
    QTest::newRow("003 3DES") << u"003"_qs << 2;
    QTest::newRow("004 3DES + TDK") << u"004"_qs << 3;
    QTest::newRow("001 DES") << u"001"_qs << 2;
}

void tst_CardHost::signOnDeliversFreshKeysUnderTheTmk()
{
    QFETCH(QString, code);
    QFETCH(int, keyCount);
    const IsoMessage first = exchange(m_terminal->signOn(code));
    QCOMPARE(first.mti(), u"0810"_qs);
    QCOMPARE(first.text(39), u"00"_qs);
    QVERIFY(m_terminal->adoptSignOn(first));
    QCOMPARE(workKeyRoles(*m_terminal->layout).size(), keyCount);
    QCOMPARE(first.text(37).size(), 12);
    QVERIFY(!first.hasField(64));
    const QByteArray firstMak = m_terminal->keys.key(WorkKeyRole::Mac).toByteArray();

    const IsoMessage second = exchange(m_terminal->signOn(code));
    QVERIFY(m_terminal->adoptSignOn(second));
    QVERIFY(second.field(62) != first.field(62));
    QVERIFY(m_terminal->keys.key(WorkKeyRole::Mac).toByteArray() != firstMak);
    QVERIFY(second.text(37) != first.text(37));

    // A terminal with another TMK cannot unwrap the keys (KCV mismatch).
    SimTestTerminal impostor(demoTid, demoMid, QByteArray::fromHex("22222222222222221111111111111111"));
    QVERIFY(!impostor.adoptSignOn(second));
}

void tst_CardHost::responseSwapsTpduAndKeepsHeader()
{
    IsoMessage request = m_terminal->signOn();
    request.setTpdu(QByteArray::fromHex("6000031234"));
    const IsoMessage response = exchange(request);
    QCOMPARE(response.tpdu().toHex(), QByteArray("6012340003"));
    QCOMPARE(response.header().toHex(), QByteArray("603100310000"));
    QCOMPARE(response.processingRequirement(), 0);
}

void tst_CardHost::unknownTerminalGets97_data()
{
    QTest::addColumn<QString>("tid");
    QTest::addColumn<QString>("mid");
    QTest::newRow("unknown TID") << u"99999999"_qs << demoMid;
    QTest::newRow("known TID, other MID") << demoTid << u"898100012349999"_qs;
}

void tst_CardHost::unknownTerminalGets97()
{
    QFETCH(QString, tid);
    QFETCH(QString, mid);
    SimTestTerminal stranger(tid, mid, demoTmk);
    const QByteArray frame = stranger.frame(stranger.signOn());
    const Result<IsoMessage> response = stranger.codec.decodeFrame(m_host->handle(frame).frame);
    POS_VERIFY_RESULT(response);
    QCOMPARE(response.value().mti(), u"0810"_qs);
    QCOMPARE(response.value().text(39), u"97"_qs);
    QVERIFY(!response.value().hasField(62));
}

void tst_CardHost::financialBeforeSignOnGets96()
{
    IsoMessage sale = m_terminal->sale(card("magstripe-approve"), hundredYuan, {});
    const IsoMessage response = exchange(sale);
    QCOMPARE(response.mti(), u"0210"_qs);
    QCOMPARE(response.text(39), u"96"_qs);
    QCOMPARE(response.processingRequirement(), 3);
}

void tst_CardHost::testCardDecides_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("expected");
    for (const TestCard& testCard : testCards()) {
        const qint64 amount = testCard.expectedResponse == QLatin1String("61") ? 6 * 100 : hundredYuan;
        QTest::newRow(qPrintable(testCard.label)) << testCard.label << amount << testCard.expectedResponse;
    }
    QTest::newRow("over-limit card below its limit") << u"over-limit"_qs << qint64(4 * 100) << u"00"_qs;
    QTest::newRow("insufficient funds within balance") << u"insufficient-funds"_qs << qint64(900) << u"00"_qs;
}

void tst_CardHost::testCardDecides()
{
    QFETCH(QString, label);
    QFETCH(qint64, amount);
    QFETCH(QString, expected);
    QVERIFY(signOn(*m_terminal));
    const TestCard testCard = *findTestCardByLabel(label);
    SimTestTerminal::SaleOptions options;
    options.pin = testCard.pin;
    const IsoMessage response = exchange(m_terminal->sale(testCard, amount, options));
    QCOMPARE(response.mti(), u"0210"_qs);
    QCOMPARE(response.text(39), expected);
    QCOMPARE(response.hasField(38), expected == QLatin1String("00"));
    QCOMPARE(response.hasField(64), expected == QLatin1String("00"));
    const HostTransaction stored = transaction(response.digits(11));
    QCOMPARE(stored.responseCode, expected);
    QCOMPARE(stored.state, expected == QLatin1String("00") ? hoststate::approved : hoststate::declined);
    QCOMPARE(stored.rrn, response.text(37));
    QVERIFY(!stored.panMasked.contains(testCard.pan));
    QCOMPARE(stored.panMasked, maskPan(testCard.pan));
}

void tst_CardHost::pinIsCheckedAgainstTheCard_data()
{
    QTest::addColumn<QString>("layoutCode");
    QTest::addColumn<bool>("sm4");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("encryptTrack");
    QTest::addColumn<QString>("expected");
    QTest::newRow("3DES right PIN") << u"003"_qs << false << u"123456"_qs << false << u"00"_qs;
    QTest::newRow("3DES wrong PIN") << u"003"_qs << false << u"654321"_qs << false << u"55"_qs;
    QTest::newRow("3DES+TDK right PIN, track encrypted")
        << u"004"_qs << false << u"123456"_qs << true << u"00"_qs;
    QTest::newRow("3DES+TDK wrong PIN, track encrypted")
        << u"004"_qs << false << u"1234"_qs << true << u"55"_qs;
    QTest::newRow("SM4 no PIN") << u"006"_qs << true << QString() << false << u"00"_qs;
    QTest::newRow("SM4 right PIN, track encrypted") << u"006"_qs << true << u"123456"_qs << true << u"00"_qs;
    QTest::newRow("SM4 wrong PIN") << u"006"_qs << true << u"123457"_qs << false << u"55"_qs;
}

void tst_CardHost::pinIsCheckedAgainstTheCard()
{
    QFETCH(QString, layoutCode);
    QFETCH(bool, sm4);
    QFETCH(QString, pin);
    QFETCH(bool, encryptTrack);
    QFETCH(QString, expected);
    if (sm4) {
        const QByteArray sm4Tmk = QByteArray::fromHex("0123456789ABCDEFFEDCBA9876543210");
        registerTerminal(u"20000002"_qs, 5'000'000, 20'000'000, KeyScheme::Sm4, sm4Tmk);
        m_terminal = std::make_unique<SimTestTerminal>(u"20000002"_qs, demoMid, sm4Tmk, KeyScheme::Sm4);
    }
    QVERIFY(signOn(*m_terminal, layoutCode));
    SimTestTerminal::SaleOptions options;
    if (!pin.isEmpty())
        options.pin = pin;
    options.encryptTrack = encryptTrack;
    const IsoMessage sale = m_terminal->sale(card("magstripe-approve"), hundredYuan, options);
    QCOMPARE(sale.field(35) != sim::track2Of(card("magstripe-approve")).toLatin1(), encryptTrack);
    QCOMPARE(sale.field(52).size(), pin.isEmpty() ? 0 : sm4 ? 16 : 8);
    const IsoMessage response = exchange(sale);
    QCOMPARE(response.text(39), expected);
    QCOMPARE(response.hasField(64), expected == QLatin1String("00"));
    if (response.hasField(64))
        QCOMPARE(response.field(64), m_terminal->macOf(response));
}

void tst_CardHost::encryptedTrackMustMatchPan()
{
    QVERIFY(signOn(*m_terminal, u"004"_qs));
    SimTestTerminal::SaleOptions options;
    options.encryptTrack = true;
    IsoMessage sale = m_terminal->sale(card("magstripe-approve"), hundredYuan, options);
    QCOMPARE(exchange(sale).text(39), u"00"_qs);

    // The track of one card with the PAN of another.
    IsoMessage mismatched = m_terminal->sale(card("magstripe-approve"), hundredYuan, options);
    mismatched.setDigits(2, card("magstripe-approve-2").pan);
    mismatched = m_terminal->withMac(mismatched);
    QCOMPARE(exchange(mismatched).text(39), u"14"_qs);

    // An encrypted track the host reads as clear does not match either.
    IsoMessage unflagged = m_terminal->sale(card("magstripe-approve"), hundredYuan, options);
    unflagged.removeField(53);
    unflagged = m_terminal->withMac(unflagged);
    QCOMPARE(exchange(unflagged).text(39), u"14"_qs);
}

void tst_CardHost::chipSaleWithoutIcDataIsRefused()
{
    QVERIFY(signOn(*m_terminal));
    SimTestTerminal::SaleOptions options;
    options.withIcData = false;
    QCOMPARE(exchange(m_terminal->sale(card("chip-approve"), hundredYuan, options)).text(39), u"30"_qs);
    options.withIcData = true;
    QCOMPARE(exchange(m_terminal->sale(card("chip-approve"), hundredYuan, options)).text(39), u"00"_qs);
}

void tst_CardHost::arqcIsVerifiedOnlyWhenAsked_data()
{
    QTest::addColumn<bool>("verify");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("icDataCard"); // whose PAN/PSN the ARQC is computed for; empty: fixed sample
    QTest::addColumn<QString>("expected");
    QTest::newRow("off, fixed sample") << false << u"chip-approve"_qs << QString() << u"00"_qs;
    QTest::newRow("on, fixed sample") << true << u"chip-approve"_qs << QString() << u"59"_qs;
    QTest::newRow("on, chip ARQC") << true << u"chip-approve"_qs << u"chip-approve"_qs << u"00"_qs;
    QTest::newRow("on, contactless ARQC")
        << true << u"contactless-approve"_qs << u"contactless-approve"_qs << u"00"_qs;
    QTest::newRow("on, another card's ARQC")
        << true << u"chip-approve"_qs << u"contactless-approve"_qs << u"59"_qs;
}

void tst_CardHost::arqcIsVerifiedOnlyWhenAsked()
{
    QFETCH(bool, verify);
    QFETCH(QString, label);
    QFETCH(QString, icDataCard);
    QFETCH(QString, expected);
    m_host->setVerifyArqc(verify);
    QVERIFY(signOn(*m_terminal));
    SimTestTerminal::SaleOptions options;
    if (!icDataCard.isEmpty()) {
        const TestCard source = findTestCardByLabel(icDataCard).value();
        EmvTransactionInput transaction;
        transaction.amountFen = hundredYuan;
        transaction.date = QDate::currentDate();
        transaction.unpredictableNumber = QByteArray::fromHex("0A0B0C0D");
        const Result<QByteArray> icData =
            buildIccData(emvTestIssuerMasterKey(), {source.pan, source.cardSequence, 7, false}, transaction);
        QVERIFY(icData);
        options.icData = icData.value();
    }
    const QByteArray labelBytes = label.toLatin1();
    QCOMPARE(exchange(m_terminal->sale(card(labelBytes.constData()), hundredYuan, options)).text(39),
             expected);
}

void tst_CardHost::balanceInquiryReportsBalance_data()
{
    QTest::addColumn<std::optional<QString>>("pin");
    QTest::addColumn<QString>("expected");
    QTest::newRow("right PIN") << std::optional<QString>(u"123456"_qs) << u"00"_qs;
    QTest::newRow("wrong PIN") << std::optional<QString>(u"000000"_qs) << u"55"_qs;
    QTest::newRow("no PIN") << std::optional<QString>() << u"55"_qs;
}

void tst_CardHost::balanceInquiryReportsBalance()
{
    QFETCH(std::optional<QString>, pin);
    QFETCH(QString, expected);
    QVERIFY(signOn(*m_terminal));
    SimTestTerminal::SaleOptions options;
    options.pin = pin;
    options.processingCode = u"310000"_qs;
    options.transactionType = u"01"_qs;
    const TestCard testCard = card("insufficient-funds");
    const IsoMessage response = exchange(m_terminal->sale(testCard, 0, options));
    QCOMPARE(response.text(39), expected);
    if (expected == QLatin1String("00"))
        QCOMPARE(response.text(54), u"1002156C%1"_qs.arg(testCard.balance.fen(), 12, 10, QLatin1Char('0')));
    else
        QVERIFY(!response.hasField(54));
}

void tst_CardHost::terminalLimitsGive61_data()
{
    QTest::addColumn<qint64>("firstAmount");
    QTest::addColumn<QString>("firstExpected");
    QTest::addColumn<qint64>("secondAmount");
    QTest::addColumn<QString>("secondExpected");
    // Terminal limits: single 200.00, daily 300.00.
    QTest::newRow("single over") << qint64(20001) << u"61"_qs << qint64(100) << u"00"_qs;
    QTest::newRow("single at limit") << qint64(20000) << u"00"_qs << qint64(10000) << u"00"_qs;
    QTest::newRow("daily over") << qint64(20000) << u"00"_qs << qint64(10001) << u"61"_qs;
}

void tst_CardHost::terminalLimitsGive61()
{
    QFETCH(qint64, firstAmount);
    QFETCH(QString, firstExpected);
    QFETCH(qint64, secondAmount);
    QFETCH(QString, secondExpected);
    registerTerminal(demoTid, 20000, 30000);
    QVERIFY(signOn(*m_terminal));
    QCOMPARE(exchange(m_terminal->sale(card("magstripe-approve"), firstAmount, {})).text(39), firstExpected);
    QCOMPARE(exchange(m_terminal->sale(card("magstripe-approve-2"), secondAmount, {})).text(39),
             secondExpected);
}

void tst_CardHost::badRequestMacGetsA0()
{
    QVERIFY(signOn(*m_terminal));
    IsoMessage sale = m_terminal->sale(card("magstripe-approve"), hundredYuan, {});
    QByteArray mac = sale.field(64);
    mac[0] = mac.at(0) == 'A' ? 'B' : 'A';
    sale.setField(64, mac);
    const IsoMessage response = exchange(sale);
    QCOMPARE(response.text(39), u"A0"_qs);
    QCOMPARE(response.processingRequirement(), 3);
    QVERIFY(!response.hasField(64));
    // Nothing was decided: the same STAN with a good MAC is processed.
    QCOMPARE(transaction(sale.digits(11)).id, qint64(0));
    QCOMPARE(exchange(m_terminal->withMac(sale)).text(39), u"00"_qs);

    IsoMessage withoutMac = m_terminal->sale(card("magstripe-approve"), hundredYuan, {});
    withoutMac.removeField(64);
    QCOMPARE(exchange(withoutMac).text(39), u"A0"_qs);
}

void tst_CardHost::approvedResponseMacVerifiesWithSignOnMak()
{
    QVERIFY(signOn(*m_terminal));
    const IsoMessage response = exchange(m_terminal->sale(card("magstripe-approve"), hundredYuan, {}));
    QCOMPARE(response.text(39), u"00"_qs);
    QVERIFY(response.hasField(64));
    QCOMPARE(response.field(64), m_terminal->macOf(response));
    QCOMPARE(response.text(38).size(), 6);
    QCOMPARE(response.digits(4), u"000000010000"_qs);
    QVERIFY(response.text(63).startsWith(u"CUP"_qs));

    // After a new sign-on the old MAK no longer verifies the host's answers.
    SimTestTerminal stale(demoTid, demoMid, demoTmk);
    QVERIFY(signOn(stale));
    const IsoMessage next = exchange(m_terminal->sale(card("magstripe-approve"), hundredYuan, {}));
    QCOMPARE(next.text(39), u"A0"_qs);
}

void tst_CardHost::identicalRepeatGetsFirstAnswer()
{
    QVERIFY(signOn(*m_terminal));
    const IsoMessage sale = m_terminal->sale(card("magstripe-approve"), hundredYuan, {});
    const HostReply first = exchangeReply(sale);
    const HostReply second = exchangeReply(sale);
    QCOMPARE(first.responseCode, u"00"_qs);
    QCOMPARE(second.frame, first.frame);
    const Result<qint64> count = m_ledger->database().queryInt64(u"SELECT COUNT(*) FROM transactions"_qs);
    POS_VERIFY_RESULT(count);
    QCOMPARE(count.value(), qint64(1));
}

void tst_CardHost::differentContentWithSameStanGets94()
{
    QVERIFY(signOn(*m_terminal));
    const IsoMessage sale = m_terminal->sale(card("magstripe-approve"), hundredYuan, {});
    const IsoMessage first = exchange(sale);
    QCOMPARE(first.text(39), u"00"_qs);
    IsoMessage other = sale;
    other.setDigits(4, u"000000020000"_qs);
    const IsoMessage second = exchange(m_terminal->withMac(other));
    QCOMPARE(second.text(39), u"94"_qs);
    QCOMPARE(transaction(sale.digits(11)).amountFen, hundredYuan);
}

void tst_CardHost::reversalOfApprovedSaleIsIdempotent()
{
    QVERIFY(signOn(*m_terminal));
    const IsoMessage sale = m_terminal->sale(card("magstripe-approve"), hundredYuan, {u"123456"_qs});
    const IsoMessage approved = exchange(sale);
    QCOMPARE(approved.text(39), u"00"_qs);
    IsoMessage original = sale;
    original.setField(38, approved.field(38));
    const IsoMessage reversal = m_terminal->reversalOf(original, u"98"_qs);
    QVERIFY(!reversal.hasField(2) && !reversal.hasField(35) && !reversal.hasField(52));

    for (int attempt = 0; attempt < 2; ++attempt) {
        const IsoMessage response = exchange(reversal);
        QCOMPARE(response.mti(), u"0410"_qs);
        QCOMPARE(response.text(39), u"00"_qs);
        QCOMPARE(response.digits(11), sale.digits(11));
        QCOMPARE(response.field(64), m_terminal->macOf(response));
        QCOMPARE(transaction(sale.digits(11)).state, hoststate::reversed);
    }
    // A reversed sale cannot be voided.
    QCOMPARE(exchange(m_terminal->voidOf(sale.digits(11), approved.text(37), hundredYuan)).text(39),
             u"12"_qs);
}

void tst_CardHost::reversalOfUnknownLeavesTombstone()
{
    QVERIFY(signOn(*m_terminal));
    const IsoMessage sale = m_terminal->sale(card("magstripe-approve"), hundredYuan, {});
    const IsoMessage response = exchange(m_terminal->reversalOf(sale, u"98"_qs));
    QCOMPARE(response.text(39), u"00"_qs);
    const Result<bool> tombstone = m_ledger->hasReversalTombstone(demoTid, 1, sale.digits(11));
    POS_VERIFY_RESULT(tombstone);
    QVERIFY(tombstone.value());
    QCOMPARE(transaction(sale.digits(11)).id, qint64(0));
    // The original arriving after its reversal is refused as a duplicate and never approved.
    QCOMPARE(exchange(sale).text(39), u"94"_qs);
    QCOMPARE(transaction(sale.digits(11)).id, qint64(0));
}

void tst_CardHost::reversedVoidRestoresTheSale()
{
    QVERIFY(signOn(*m_terminal));
    const IsoMessage sale = m_terminal->sale(card("magstripe-approve"), hundredYuan, {});
    const IsoMessage approved = exchange(sale);
    const IsoMessage voidRequest = m_terminal->voidOf(sale.digits(11), approved.text(37), hundredYuan);
    QCOMPARE(exchange(voidRequest).text(39), u"00"_qs);
    QCOMPARE(transaction(sale.digits(11)).state, hoststate::voided);
    QCOMPARE(exchange(m_terminal->reversalOf(voidRequest, u"98"_qs)).text(39), u"00"_qs);
    QCOMPARE(transaction(voidRequest.digits(11)).state, hoststate::reversed);
    QCOMPARE(transaction(sale.digits(11)).state, hoststate::approved);
}

void tst_CardHost::voidOfSale_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ok") << u"ok"_qs << u"00"_qs;
    QTest::newRow("twice") << u"twice"_qs << u"12"_qs;
    QTest::newRow("wrong amount") << u"amount"_qs << u"64"_qs;
    QTest::newRow("unknown original STAN") << u"unknown"_qs << u"25"_qs;
    QTest::newRow("wrong RRN") << u"rrn"_qs << u"25"_qs;
    QTest::newRow("declined original") << u"declined"_qs << u"25"_qs;
}

void tst_CardHost::voidOfSale()
{
    QFETCH(QString, scenario);
    QFETCH(QString, expected);
    QVERIFY(signOn(*m_terminal));
    const TestCard testCard = card(scenario == QLatin1String("declined") ? "lost" : "magstripe-approve");
    const IsoMessage sale = m_terminal->sale(testCard, hundredYuan, {});
    const IsoMessage approved = exchange(sale);
    QString stan = sale.digits(11);
    QString rrn = approved.text(37);
    qint64 amount = hundredYuan;
    if (scenario == QLatin1String("twice"))
        QCOMPARE(exchange(m_terminal->voidOf(stan, rrn, amount)).text(39), u"00"_qs);
    else if (scenario == QLatin1String("amount"))
        amount += 1;
    else if (scenario == QLatin1String("unknown"))
        stan = u"999999"_qs;
    else if (scenario == QLatin1String("rrn"))
        rrn = u"999999999999"_qs;

    const IsoMessage response = exchange(m_terminal->voidOf(stan, rrn, amount));
    QCOMPARE(response.text(39), expected);
    const QString originalState = transaction(sale.digits(11)).state;
    if (scenario == QLatin1String("declined"))
        QCOMPARE(originalState, hoststate::declined);
    else
        QCOMPARE(originalState, expected == QLatin1String("00") || scenario == QLatin1String("twice")
                                    ? hoststate::voided
                                    : hoststate::approved);
}

void tst_CardHost::refundOfSale_data()
{
    QTest::addColumn<qint64>("firstRefund");
    QTest::addColumn<QString>("firstExpected");
    QTest::addColumn<qint64>("secondRefund");
    QTest::addColumn<QString>("secondExpected");
    QTest::newRow("full") << hundredYuan << u"00"_qs << qint64(1) << u"61"_qs;
    QTest::newRow("over original") << hundredYuan + 1 << u"61"_qs << hundredYuan << u"00"_qs;
    QTest::newRow("two partial") << qint64(6000) << u"00"_qs << qint64(4000) << u"00"_qs;
    QTest::newRow("partial then too much") << qint64(6000) << u"00"_qs << qint64(4001) << u"61"_qs;
}

void tst_CardHost::refundOfSale()
{
    QFETCH(qint64, firstRefund);
    QFETCH(QString, firstExpected);
    QFETCH(qint64, secondRefund);
    QFETCH(QString, secondExpected);
    QVERIFY(signOn(*m_terminal));
    const TestCard testCard = card("magstripe-approve");
    const IsoMessage sale = m_terminal->sale(testCard, hundredYuan, {});
    const IsoMessage approved = exchange(sale);
    const QString date = approved.digits(13);
    const IsoMessage first =
        exchange(m_terminal->refund(testCard, approved.text(37), sale.digits(11), firstRefund, date));
    QCOMPARE(first.mti(), u"0230"_qs);
    QCOMPARE(first.text(39), firstExpected);
    const IsoMessage second =
        exchange(m_terminal->refund(testCard, approved.text(37), sale.digits(11), secondRefund, date));
    QCOMPARE(second.text(39), secondExpected);

    const IsoMessage unknown =
        exchange(m_terminal->refund(testCard, u"000000999999"_qs, sale.digits(11), qint64(1), date));
    QCOMPARE(unknown.text(39), u"25"_qs);
}

void tst_CardHost::refundRepeatGetsFirstAnswer()
{
    QVERIFY(signOn(*m_terminal));
    const TestCard testCard = card("magstripe-approve");
    const IsoMessage sale = m_terminal->sale(testCard, hundredYuan, {});
    const IsoMessage approved = exchange(sale);
    const IsoMessage refund =
        m_terminal->refund(testCard, approved.text(37), sale.digits(11), hundredYuan, approved.digits(13));
    const HostReply first = exchangeReply(refund);
    QCOMPARE(first.responseCode, u"00"_qs);
    const HostReply repeat = exchangeReply(refund);
    QCOMPARE(repeat.frame, first.frame);
    const Result<qint64> refunded = m_ledger->refundedAmountFen(transaction(sale.digits(11)).id);
    POS_VERIFY_RESULT(refunded);
    QCOMPARE(refunded.value(), hundredYuan);
}

const QString pendingTid = u"20000001"_qs;

// A terminal registered as the JSON API's activation registers it: pending first swipe.
void tst_CardHost::usePendingTerminal()
{
    HostTerminal terminal;
    terminal.tid = pendingTid;
    terminal.mid = demoMid;
    terminal.merchantName = u"Pending merchant"_qs;
    terminal.tmk = demoTmk;
    terminal.singleLimitFen = 5'000'000;
    terminal.dailyLimitFen = 20'000'000;
    terminal.firstSwipeDone = false;
    terminal.feeSchedule = u"debit:50:2000|credit:60:|qr:38:"_qs;
    POS_VERIFY_RESULT(m_ledger->upsertTerminal(terminal));
    m_terminal = std::make_unique<SimTestTerminal>(pendingTid, demoMid, demoTmk);
}

IsoMessage tst_CardHost::activation(const TestCard& testCard, const std::optional<QString>& pin)
{
    SimTestTerminal::SaleOptions options;
    options.pin = pin;
    options.processingCode = u"310000"_qs;
    options.transactionType = u"90"_qs;
    return m_terminal->sale(testCard, 0, options);
}

QJsonArray tst_CardHost::activationRows()
{
    const Result<QJsonObject> dump = dumpHostLedger(m_dir->path());
    return dump ? dump.value().value(u"activations"_qs).toArray() : QJsonArray();
}

void tst_CardHost::pendingTerminalServesOnlyTheActivation_data()
{
    QTest::addColumn<QString>("cardName");
    QTest::addColumn<std::optional<QString>>("pin");
    QTest::addColumn<bool>("activate"); // false: a sale
    QTest::addColumn<QString>("expected");
    const std::optional<QString> rightPin(u"123456"_qs);
    QTest::newRow("sale before activation") << u"magstripe-approve"_qs << rightPin << false << u"40"_qs;
    QTest::newRow("activation approved") << u"magstripe-approve"_qs << rightPin << true << u"00"_qs;
    QTest::newRow("wrong PIN") << u"magstripe-approve"_qs << std::optional<QString>(u"000000"_qs) << true
                               << u"55"_qs;
    QTest::newRow("no PIN") << u"magstripe-approve"_qs << std::optional<QString>() << true << u"55"_qs;
    QTest::newRow("lost card") << u"lost"_qs << rightPin << true << u"41"_qs;
}

void tst_CardHost::pendingTerminalServesOnlyTheActivation()
{
    QFETCH(QString, cardName);
    QFETCH(std::optional<QString>, pin);
    QFETCH(bool, activate);
    QFETCH(QString, expected);
    usePendingTerminal();
    QVERIFY(signOn(*m_terminal));
    const TestCard testCard = card(cardName.toLatin1().constData());
    const IsoMessage request =
        activate ? activation(testCard, pin) : m_terminal->sale(testCard, hundredYuan, {pin});
    const IsoMessage response = exchange(request);
    QCOMPARE(response.mti(), u"0210"_qs);
    QCOMPARE(response.text(39), expected);
    const bool approved = expected == u"00"_qs;
    QCOMPARE(response.hasField(62), approved);
    const auto terminal = m_ledger->terminal(pendingTid);
    POS_VERIFY_RESULT(terminal);
    QCOMPARE(terminal.value()->firstSwipeDone, approved);
    QCOMPARE(activationRows().size(), approved ? 1 : 0);
    if (!approved)
        return;
    QCOMPARE(response.field(64), m_terminal->macOf(response));
    const Result<acquirer::ActivationTerms> terms = acquirer::parseActivationTerms(response.field(62));
    POS_VERIFY_RESULT(terms);
    QCOMPARE(terms.value().singleLimitFen, 5'000'000);
    QCOMPARE(terms.value().dailyLimitFen, 20'000'000);
    QCOMPARE(terms.value().fees.size(), 3);
    QCOMPARE(terms.value().fees.at(0).capFen, std::optional<qint64>(2000));
    // Active now: the sale refused before goes through.
    QCOMPARE(exchange(m_terminal->sale(testCard, hundredYuan, {pin})).text(39), u"00"_qs);
}

void tst_CardHost::activationIsExactlyOnceAndReversible()
{
    usePendingTerminal();
    QVERIFY(signOn(*m_terminal));
    const TestCard testCard = card("magstripe-approve");
    const IsoMessage first = activation(testCard, u"123456"_qs);
    const IsoMessage approved = exchange(first);
    QCOMPARE(approved.text(39), u"00"_qs);

    // The identical request again: the first answer. Another activation: 00, the same terms, no second row.
    QCOMPARE(exchange(first).field(62), approved.field(62));
    const IsoMessage again = exchange(activation(testCard, u"123456"_qs));
    QCOMPARE(again.text(39), u"00"_qs);
    QCOMPARE(again.field(62), approved.field(62));
    QJsonArray rows = activationRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(u"stan"_qs).toString(), first.digits(11));
    QCOMPARE(rows.at(0).toObject().value(u"state"_qs).toString(), u"approved"_qs);

    // The reversal of the recorded activation: reversed, and the terminal is pending again.
    IsoMessage original = first;
    original.setField(38, approved.field(38));
    const IsoMessage reversed = exchange(m_terminal->reversalOf(original, u"98"_qs));
    QCOMPARE(reversed.text(39), u"00"_qs);
    rows = activationRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(u"state"_qs).toString(), u"reversed"_qs);
    const auto reversedTransaction = m_ledger->transactionByKey(pendingTid, 1, first.digits(11));
    POS_VERIFY_RESULT(reversedTransaction);
    QVERIFY(reversedTransaction.value());
    QCOMPARE(reversedTransaction.value()->state, hoststate::reversed);
    QCOMPARE(exchange(m_terminal->sale(testCard, hundredYuan, {u"123456"_qs})).text(39), u"40"_qs);

    // A new activation is recorded in its place.
    const IsoMessage second = activation(testCard, u"123456"_qs);
    QCOMPARE(exchange(second).text(39), u"00"_qs);
    rows = activationRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(u"stan"_qs).toString(), second.digits(11));
    QCOMPARE(rows.at(0).toObject().value(u"state"_qs).toString(), u"approved"_qs);
}

void tst_CardHost::settlementComparesTotals_data()
{
    QTest::addColumn<int>("claimedSales");
    QTest::addColumn<qint64>("claimedAmount");
    QTest::addColumn<int>("expectedFlag");
    // The host has 2 sales of 100.00 (a third was voided, a fourth reversed) and 1 refund of 30.00.
    QTest::newRow("balanced") << 2 << 2 * hundredYuan << 1;
    QTest::newRow("count differs") << 3 << 2 * hundredYuan << 2;
    QTest::newRow("amount differs") << 2 << 2 * hundredYuan + 1 << 2;
}

void tst_CardHost::settlementComparesTotals()
{
    QFETCH(int, claimedSales);
    QFETCH(qint64, claimedAmount);
    QFETCH(int, expectedFlag);
    QVERIFY(signOn(*m_terminal));
    const TestCard testCard = card("magstripe-approve");
    const IsoMessage first = m_terminal->sale(testCard, hundredYuan, {});
    const IsoMessage firstResponse = exchange(first);
    QCOMPARE(exchange(m_terminal->sale(testCard, hundredYuan, {})).text(39), u"00"_qs);
    const IsoMessage third = m_terminal->sale(testCard, hundredYuan, {});
    const IsoMessage thirdResponse = exchange(third);
    QCOMPARE(exchange(m_terminal->voidOf(third.digits(11), thirdResponse.text(37), hundredYuan)).text(39),
             u"00"_qs);
    const IsoMessage fourth = m_terminal->sale(testCard, hundredYuan, {});
    QCOMPARE(exchange(fourth).text(39), u"00"_qs);
    QCOMPARE(exchange(m_terminal->reversalOf(fourth, u"98"_qs)).text(39), u"00"_qs);
    QCOMPARE(exchange(m_terminal->refund(testCard, firstResponse.text(37), first.digits(11), 3000,
                                         firstResponse.digits(13)))
                 .text(39),
             u"00"_qs);

    SettlementTotals claimed;
    claimed.domestic = {claimedAmount, claimedSales, 3000, 1, 0};
    const IsoMessage response = exchange(m_terminal->settlement(claimed));
    QCOMPARE(response.mti(), u"0510"_qs);
    QCOMPARE(response.text(39), u"00"_qs);
    QVERIFY(!response.hasField(64));
    QCOMPARE(response.digits(15).size(), 4);
    const Result<SettlementTotals> host = SettlementTotals::parse(response.digits(48));
    POS_VERIFY_RESULT(host);
    QCOMPARE(host.value().domestic.settleFlag, expectedFlag);
    QCOMPARE(host.value().domestic.debitCount, 2);
    QCOMPARE(host.value().domestic.debitAmountFen, 2 * hundredYuan);
    QCOMPARE(host.value().domestic.creditCount, 1);
    QCOMPARE(host.value().domestic.creditAmountFen, qint64(3000));
    const Result<qint64> balanced =
        m_ledger->database().queryInt64(u"SELECT balanced FROM settlements ORDER BY id DESC LIMIT 1"_qs);
    POS_VERIFY_RESULT(balanced);
    QCOMPARE(balanced.value(), qint64(expectedFlag == 1 ? 1 : 0));
}

void tst_CardHost::batchUploadEndOpensNextBatch()
{
    QVERIFY(signOn(*m_terminal));
    const IsoMessage sale = m_terminal->sale(card("magstripe-approve"), hundredYuan, {});
    const IsoMessage approved = exchange(sale);
    QCOMPARE(approved.text(39), u"00"_qs);
    SettlementTotals claimed;
    claimed.domestic = {hundredYuan + 1, 1, 0, 0, 0};
    QCOMPARE(SettlementTotals::parse(exchange(m_terminal->settlement(claimed)).digits(48))
                 .value()
                 .domestic.settleFlag,
             2);

    const IsoMessage upload = exchange(m_terminal->uploadRecords(1));
    QCOMPARE(upload.mti(), u"0330"_qs);
    QCOMPARE(upload.text(39), u"00"_qs);
    IsoMessage malformed = m_terminal->uploadRecords(2);
    malformed.setDigits(48, malformed.digits(48).left(50));
    QCOMPARE(exchange(malformed).text(39), u"30"_qs);
    QCOMPARE(exchange(m_terminal->uploadEnd(u"207"_qs, 1)).text(39), u"00"_qs);

    const auto terminal = m_ledger->terminal(demoTid);
    POS_VERIFY_RESULT(terminal);
    QCOMPARE(terminal.value()->currentBatch, 2);
    QVERIFY(transaction(sale.digits(11)).settled);
    const Result<qint64> received =
        m_ledger->database().queryInt64(u"SELECT records_received FROM batch_uploads WHERE batch = 1"_qs);
    POS_VERIFY_RESULT(received);
    QCOMPARE(received.value(), qint64(1));

    // A settled sale can no longer be voided; the next sign-on hands out batch 2.
    QCOMPARE(exchange(m_terminal->voidOf(sale.digits(11), approved.text(37), hundredYuan)).text(39),
             u"12"_qs);
    QVERIFY(signOn(*m_terminal));
    QCOMPARE(m_terminal->batch, u"000002"_qs);
}

QTEST_GUILESS_MAIN(tst_CardHost)
#include "tst_card_host.moc"
