// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/PrinterStatus.h"
#include "simulators/printer/PrinterEmulator.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using pos::devices::PrinterStatus;
using pos::sim::PrinterEmulator;
using pos::sim::PrinterFaults;
using Paper = PrinterEmulator::Paper;

// The printer emulator's state machine (simulators/printer/PrinterEmulator.h), transport-free. Its status
// bytes are read back with the driver's own parser (devices/escpos/PrinterStatus.h), so both sides agree.
Q_DECLARE_METATYPE(PrinterEmulator::DeviceState)

namespace {

PrinterStatus expectedStatus(bool offline, bool cover, bool nearEnd, bool paperEnd, bool drawer)
{
    PrinterStatus status;
    status.offline = offline;
    status.coverOpen = cover;
    status.paperNearEnd = nearEnd;
    status.paperEnd = paperEnd;
    status.drawerPin3High = drawer;
    return status;
}

PrinterEmulator::DeviceState deviceState(bool offline, bool cover, Paper paper, bool drawer)
{
    PrinterEmulator::DeviceState state;
    state.offline = offline;
    state.coverOpen = cover;
    state.paper = paper;
    state.drawerOpen = drawer;
    return state;
}

const QByteArray receipt = "\x1b@\x1b\x61\x01Hello\n\x1c&\xbf\xc9\xc0\xd6\n\x1dVB\x03"_ba;

} // namespace

class tst_PrinterEmulator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dleEotRepliesParseAsTheState_data();
    void dleEotRepliesParseAsTheState();
    void asbBlockParsesAsTheState_data();
    void asbBlockParsesAsTheState();
    void brokenReplyIsRejectedByTheDriverParser();
    void asbIsSentOnEnableAndOnChange();
    void jobEndsAtTheCutWithTrailingCommands();
    void jobEndsAtIdleAfterCut();
    void escInitAfterOutputStartsNewJob();
    void jobEndsAtConnectionClose();
    void dleEotIsRemovedWhereverItAppears_data();
    void dleEotIsRemovedWhereverItAppears();
    void nothingPrintsWhileUnavailable_data();
    void nothingPrintsWhileUnavailable();
    void faultsFireAtByteCount();
    void silenceFaultAnswersNothing();
    void controlLines_data();
    void controlLines();
    void faultSpecs_data();
    void faultSpecs();
};

void tst_PrinterEmulator::dleEotRepliesParseAsTheState_data()
{
    QTest::addColumn<PrinterEmulator::DeviceState>("state");
    QTest::addColumn<PrinterStatus>("expected");
    QTest::newRow("ready") << deviceState(false, false, Paper::Present, false)
                           << expectedStatus(false, false, false, false, false);
    QTest::newRow("offline") << deviceState(true, false, Paper::Present, false)
                             << expectedStatus(true, false, false, false, false);
    QTest::newRow("cover open") << deviceState(false, true, Paper::Present, false)
                                << expectedStatus(true, true, false, false, false);
    QTest::newRow("paper near end") << deviceState(false, false, Paper::NearEnd, false)
                                    << expectedStatus(false, false, true, false, false);
    QTest::newRow("paper out") << deviceState(false, false, Paper::Out, false)
                               << expectedStatus(true, false, true, true, false);
    QTest::newRow("drawer open") << deviceState(false, false, Paper::Present, true)
                                 << expectedStatus(false, false, false, false, true);
    QTest::newRow("everything") << deviceState(true, true, Paper::Out, true)
                                << expectedStatus(true, true, true, true, true);
}

// Every DLE EOT n answer, fed through the driver's applyDleEotReply, gives back the emulator's state.
void tst_PrinterEmulator::dleEotRepliesParseAsTheState()
{
    QFETCH(PrinterEmulator::DeviceState, state);
    QFETCH(PrinterStatus, expected);
    PrinterEmulator emulator(state, {});
    PrinterStatus status;
    for (int n = 1; n <= 4; ++n) {
        const PrinterEmulator::Reaction reaction = emulator.receive(pos::devices::dleEotQuery(n));
        QCOMPARE(reaction.reply.size(), 1);
        POS_VERIFY_RESULT(
            pos::devices::applyDleEotReply(n, static_cast<quint8>(reaction.reply.at(0)), status));
    }
    QCOMPARE(status, expected);
    QCOMPARE(status.canPrint(), emulator.canPrint());
}

void tst_PrinterEmulator::asbBlockParsesAsTheState_data()
{
    dleEotRepliesParseAsTheState_data();
}

void tst_PrinterEmulator::asbBlockParsesAsTheState()
{
    QFETCH(PrinterEmulator::DeviceState, state);
    QFETCH(PrinterStatus, expected);
    PrinterEmulator emulator(state, {});
    const PrinterEmulator::Reaction reaction = emulator.receive(pos::devices::asbEnable(true));
    QCOMPARE(reaction.reply.size(), 4);
    const pos::Result<PrinterStatus> parsed = pos::devices::parseAsb(reaction.reply);
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value(), expected);
}

// Negative control: the parser the state table relies on does reject a byte without the fixed bits.
void tst_PrinterEmulator::brokenReplyIsRejectedByTheDriverParser()
{
    PrinterEmulator emulator;
    const quint8 reply = emulator.dleEotReply(1);
    PrinterStatus status;
    POS_VERIFY_RESULT(pos::devices::applyDleEotReply(1, reply, status));
    QVERIFY(!pos::devices::applyDleEotReply(1, reply & 0xFD, status)); // bit 1 cleared
    QVERIFY(!pos::devices::parseAsb(emulator.asbBlock().left(3)));
}

void tst_PrinterEmulator::asbIsSentOnEnableAndOnChange()
{
    PrinterEmulator emulator;
    QCOMPARE(emulator.control(u"paper out"_qs).reply, QByteArray()); // ASB off: nothing
    QCOMPARE(emulator.receive(pos::devices::asbEnable(true)).reply.size(), 4);
    const PrinterEmulator::Reaction change = emulator.control(u"paper in"_qs);
    QCOMPARE(change.reply.size(), 4);
    QVERIFY(!pos::devices::parseAsb(change.reply).value().paperEnd);
    QCOMPARE(emulator.control(u"paper in"_qs).reply, QByteArray()); // no change, no block
    QCOMPARE(emulator.receive(pos::devices::asbEnable(false)).reply, QByteArray());
    QCOMPARE(emulator.control(u"cover open"_qs).reply, QByteArray());
}

void tst_PrinterEmulator::jobEndsAtTheCutWithTrailingCommands()
{
    PrinterEmulator emulator;
    const QByteArray trailing = "\x1c.\x1bp\x00\x3c\x78"_ba; // FS . and a drawer kick
    PrinterEmulator::Reaction reaction = emulator.receive(QByteArray(receipt + trailing));
    QVERIFY(reaction.jobs.isEmpty());
    QVERIFY(emulator.jobWaitsAfterCut());
    QVERIFY(reaction.events.contains(u"drawer open"_qs));
    reaction = emulator.receive("\x1b@Next\n"_ba);
    QCOMPARE(reaction.jobs, QList<QByteArray>{receipt + trailing});
    QVERIFY(!emulator.jobWaitsAfterCut());
    QCOMPARE(emulator.connectionClosed().jobs, QList<QByteArray>{"\x1b@Next\n"_ba});
}

void tst_PrinterEmulator::jobEndsAtIdleAfterCut()
{
    PrinterEmulator emulator;
    QVERIFY(emulator.idle().jobs.isEmpty());
    // The cut arrives split over three reads, as on a slow serial line.
    QVERIFY(emulator.receive(receipt.left(10)).jobs.isEmpty());
    QVERIFY(emulator.receive(receipt.mid(10, receipt.size() - 11)).jobs.isEmpty());
    QVERIFY(!emulator.jobWaitsAfterCut());
    QVERIFY(emulator.receive(receipt.right(1)).jobs.isEmpty());
    QCOMPARE(emulator.idle().jobs, QList<QByteArray>{receipt});
    QVERIFY(emulator.connectionClosed().jobs.isEmpty());
}

void tst_PrinterEmulator::escInitAfterOutputStartsNewJob()
{
    PrinterEmulator emulator;
    // A leading GS a and ESC @ without output before it stay in the first job.
    const PrinterEmulator::Reaction reaction = emulator.receive("\x1d\x61\x00\x1b@one\n\x1b@two\n"_ba);
    QCOMPARE(reaction.jobs, QList<QByteArray>{"\x1d\x61\x00\x1b@one\n"_ba});
    QCOMPARE(emulator.connectionClosed().jobs, QList<QByteArray>{"\x1b@two\n"_ba});
}

void tst_PrinterEmulator::jobEndsAtConnectionClose()
{
    PrinterEmulator emulator;
    QVERIFY(emulator.receive("plain text\x10"_ba).jobs.isEmpty());
    // A DLE held back as a possible status request is part of the job after all.
    QCOMPARE(emulator.connectionClosed().jobs, QList<QByteArray>{"plain text\x10"_ba});
    QVERIFY(emulator.connectionClosed().jobs.isEmpty()); // nothing left: no empty job
}

void tst_PrinterEmulator::dleEotIsRemovedWhereverItAppears_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QByteArray>("job");
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("between text") << QList<QByteArray>{"ab\x10\x04\x01"
                                                       "cd"_ba}
                                  << "abcd"_ba
                                  << "\x12"_ba;
    QTest::newRow("split over reads") << QList<QByteArray>{"ab\x10"_ba, "\x04"_ba,
                                                           "\x04"
                                                           "cd"_ba}
                                      << "abcd"_ba
                                      << "\x12"_ba;
    QTest::newRow("inside raster data")
        << QList<QByteArray>{"\x1dv0\x00\x01\x00\x02\x00\xff\x10\x04\x02\x81"_ba}
        << "\x1dv0\x00\x01\x00\x02\x00\xff\x81"_ba
        << "\x12"_ba;
    QTest::newRow("DLE ENQ is data") << QList<QByteArray>{"a\x10\x05\x01"_ba} << "a\x10\x05\x01"_ba
                                     << QByteArray();
    QTest::newRow("DLE EOT 5 is data")
        << QList<QByteArray>{"a\x10\x04\x05"_ba} << "a\x10\x04\x05"_ba << QByteArray();
    QTest::newRow("DLE DLE EOT") << QList<QByteArray>{"\x10\x10\x04\x03"_ba} << "\x10"_ba
                                 << "\x12"_ba;
}

void tst_PrinterEmulator::dleEotIsRemovedWhereverItAppears()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QByteArray, job);
    QFETCH(QByteArray, reply);
    PrinterEmulator emulator;
    QByteArray replies;
    for (const QByteArray& chunk : chunks)
        replies += emulator.receive(chunk).reply;
    QCOMPARE(replies, reply);
    QCOMPARE(emulator.connectionClosed().jobs, QList<QByteArray>{job});
}

void tst_PrinterEmulator::nothingPrintsWhileUnavailable_data()
{
    QTest::addColumn<QString>("stateName");
    QTest::addColumn<bool>("prints");
    QTest::newRow("paper-out") << u"paper-out"_qs << false;
    QTest::newRow("cover-open") << u"cover-open"_qs << false;
    QTest::newRow("offline") << u"offline"_qs << false;
    QTest::newRow("paper-near-end prints") << u"paper-near-end"_qs << true;
    QTest::newRow("ready prints") << u"ready"_qs << true;
}

void tst_PrinterEmulator::nothingPrintsWhileUnavailable()
{
    QFETCH(QString, stateName);
    QFETCH(bool, prints);
    const pos::Result<PrinterEmulator::DeviceState> state = PrinterEmulator::parseInitialState(stateName);
    POS_VERIFY_RESULT(state);
    PrinterEmulator emulator(state.value(), {});
    const PrinterEmulator::Reaction reaction = emulator.receive(QByteArray(receipt + "\x10\x04\x01"_ba));
    QCOMPARE(reaction.reply.size(), 1); // status requests are answered in every state
    const QList<QByteArray> jobs = emulator.idle().jobs + emulator.connectionClosed().jobs;
    QCOMPARE(jobs.size(), prints ? 1 : 0);
    QCOMPARE(emulator.lostBytes(), prints ? 0 : receipt.size());
    QCOMPARE(reaction.events.contains(u"lost %1"_qs.arg(receipt.size())), !prints);
}

void tst_PrinterEmulator::faultsFireAtByteCount()
{
    PrinterFaults faults;
    faults.paperOutAt = 8; // after "\x1b@\x1b\x61\x01Hel"
    PrinterEmulator emulator({}, faults);
    const PrinterEmulator::Reaction reaction = emulator.receive(QByteArray(receipt + "\x10\x04\x04"_ba));
    QVERIFY(reaction.events.contains(u"fault paper-out"_qs));
    QCOMPARE(reaction.reply, QByteArray(1, char(emulator.dleEotReply(4))));
    QCOMPARE(emulator.state().paper, Paper::Out);
    QCOMPARE(emulator.lostBytes(), receipt.size() - 8);
    QCOMPARE(emulator.connectionClosed().jobs, QList<QByteArray>{receipt.left(8)});

    PrinterFaults disconnect;
    disconnect.disconnectAt = 3;
    PrinterEmulator unplugged({}, disconnect);
    const PrinterEmulator::Reaction cut = unplugged.receive("abcdef\x10\x04\x01"_ba);
    QVERIFY(cut.hangUp);
    QCOMPARE(cut.reply, QByteArray()); // the status request came after the disconnect
    QCOMPARE(unplugged.connectionClosed().jobs, QList<QByteArray>{"abc"_ba});
    QCOMPARE(unplugged.receive("\x10\x04\x01"_ba).reply.size(), 1); // a new connection works again
}

void tst_PrinterEmulator::silenceFaultAnswersNothing()
{
    PrinterFaults faults;
    faults.silence = true;
    PrinterEmulator silent({}, faults);
    QCOMPARE(silent.receive("\x10\x04\x01\x10\x04\x04"_ba).reply, QByteArray());
    PrinterEmulator talking;
    QCOMPARE(talking.receive("\x10\x04\x01\x10\x04\x04"_ba).reply, "\x12\x12"_ba);
}

void tst_PrinterEmulator::controlLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("event");
    QTest::addColumn<bool>("canPrint");
    QTest::addColumn<bool>("hangUp");
    QTest::newRow("paper out") << u"paper out"_qs << u"state paper out"_qs << false << false;
    QTest::newRow("paper near-end") << u"paper near-end"_qs << u"state paper near-end"_qs << true << false;
    QTest::newRow("cover open") << u"  Cover   OPEN "_qs << u"state cover open"_qs << false << false;
    QTest::newRow("offline") << u"offline"_qs << u"state offline"_qs << false << false;
    QTest::newRow("unplug") << u"unplug"_qs << u"state unplug"_qs << true << true;
    QTest::newRow("unknown") << u"paper maybe"_qs << u"error unknown control: paper maybe"_qs << true
                             << false;
}

void tst_PrinterEmulator::controlLines()
{
    QFETCH(QString, line);
    QFETCH(QString, event);
    QFETCH(bool, canPrint);
    QFETCH(bool, hangUp);
    PrinterEmulator emulator;
    const PrinterEmulator::Reaction reaction = emulator.control(line);
    QCOMPARE(reaction.events, QStringList{event});
    QCOMPARE(emulator.canPrint(), canPrint);
    QCOMPARE(reaction.hangUp, hangUp);
}

void tst_PrinterEmulator::faultSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::newRow("all") << u"paper-out@10,cover-open@20,offline@30,disconnect@40,silence"_qs << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("unknown fault") << u"jam@3"_qs << false;
    QTest::newRow("no count") << u"paper-out"_qs << false;
    QTest::newRow("negative") << u"offline@-1"_qs << false;
}

void tst_PrinterEmulator::faultSpecs()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    const pos::Result<PrinterFaults> faults = pos::sim::parsePrinterFaults(spec);
    QCOMPARE(bool(faults), valid);
    if (valid && !spec.isEmpty()) {
        QCOMPARE(faults.value().paperOutAt, std::optional<qint64>(10));
        QCOMPARE(faults.value().disconnectAt, std::optional<qint64>(40));
        QVERIFY(faults.value().silence);
    }
}

QTEST_GUILESS_MAIN(tst_PrinterEmulator)
#include "tst_printer_emulator.moc"
