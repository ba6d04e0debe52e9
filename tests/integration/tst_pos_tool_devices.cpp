// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// pos-tool devices list as a process: the JSON and text formats, a configured --network printer, the
// options that skip enumerators, and usage errors. The machine's own serial ports and USB devices vary (a CI
// container has pseudo terminals and usually no USB printer), so rows other than the configured ones are
// checked for shape only.
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using pos::test::builtExecutable;
using pos::test::runProcess;

namespace {

pos::test::RunResult runDevices(const QStringList& arguments)
{
    return runProcess(builtExecutable(u"pos-tool"_qs), QStringList{u"devices"_qs} + arguments, 30s);
}

QJsonArray parseArray(const QByteArray& output)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(output, &error);
    return error.error == QJsonParseError::NoError && document.isArray() ? document.array() : QJsonArray();
}

QJsonObject rowWithId(const QJsonArray& rows, const QString& id)
{
    for (const QJsonValue& row : rows) {
        if (row.toObject().value(u"id"_qs).toString() == id)
            return row.toObject();
    }
    return {};
}

} // namespace

class tst_PosToolDevices final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonListsConfiguredNetworkPrinter();
    void everyJsonRowHasTheDocumentedShape();
    void textListsOneRowPerDevice();
    void skippingEnumeratorsLeavesOnlyNetwork();
    void usageErrorExitsTwo_data();
    void usageErrorExitsTwo();
};

void tst_PosToolDevices::jsonListsConfiguredNetworkPrinter()
{
    const auto result = runDevices({u"list"_qs, u"--json"_qs, u"--network"_qs, u"tcp:127.0.0.1:9100"_qs});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray rows = parseArray(result.standardOutput);
    QVERIFY2(!rows.isEmpty(), result.standardOutput.constData());
    const QJsonObject printer = rowWithId(rows, u"tcp:127.0.0.1:9100"_qs);
    QVERIFY2(!printer.isEmpty(), result.standardOutput.constData());
    QCOMPARE(printer.value(u"transport"_qs).toString(), u"tcp"_qs);
    QCOMPARE(printer.value(u"role"_qs).toString(), u"printer"_qs);
    QCOMPARE(printer.value(u"driver"_qs).toString(), u"escpos"_qs);
    QCOMPARE(printer.value(u"priority"_qs).toInt(), 60);
    QCOMPARE(printer.value(u"needsUserChoice"_qs).toBool(), false);
    QVERIFY(printer.value(u"description"_qs).toString().contains(u"127.0.0.1:9100"_qs));
}

void tst_PosToolDevices::everyJsonRowHasTheDocumentedShape()
{
    const auto result = runDevices({u"list"_qs, u"--json"_qs, u"--network"_qs, u"tcp:printer.local:9100"_qs,
                                    u"--network"_qs, u"tcp:10.0.0.7:9101"_qs});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray rows = parseArray(result.standardOutput);
    QVERIFY(rows.size() >= 2);
    static const QRegularExpression idPattern(
        u"^(serial:.+|usb:[0-9a-f]{4}:[0-9a-f]{4}.*|tcp:.+:[0-9]+)$"_qs);
    QStringList ids;
    for (const QJsonValue& value : rows) {
        const QJsonObject row = value.toObject();
        const QString id = row.value(u"id"_qs).toString();
        ids << id;
        QVERIFY2(idPattern.match(id).hasMatch(), qPrintable(id));
        QVERIFY2(id.startsWith(row.value(u"transport"_qs).toString() + u':'), qPrintable(id));
        for (const char* key : {"description", "driver", "role", "priority", "needsUserChoice", "vid", "pid",
                                "serial", "portPath", "ieee1284Id", "allowListed"})
            QVERIFY2(row.contains(QLatin1String(key)), qPrintable(id + u" lacks "_qs + QLatin1String(key)));
        if (id.startsWith(u"serial:"_qs)) // a serial port is only a guess: the user confirms the role
            QVERIFY(row.value(u"needsUserChoice"_qs).toBool());
    }
    QVERIFY(ids.contains(u"tcp:printer.local:9100"_qs));
    QVERIFY(ids.contains(u"tcp:10.0.0.7:9101"_qs));
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(ids, sorted);
}

void tst_PosToolDevices::textListsOneRowPerDevice()
{
    const auto json = runDevices({u"list"_qs, u"--json"_qs, u"--network"_qs, u"tcp:127.0.0.1:9100"_qs});
    const auto text = runDevices({u"list"_qs, u"--network"_qs, u"tcp:127.0.0.1:9100"_qs});
    QCOMPARE(text.exitCode, 0);
    const qsizetype count = parseArray(json.standardOutput).size();
    const QStringList lines = QString::fromUtf8(text.standardOutput).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 3);
    QCOMPARE(lines.at(0), u"devices (%1)"_qs.arg(count));
    QCOMPARE(lines.at(1), u"  id\trole\tdriver\tdescription"_qs);
    QCOMPARE(lines.size(), count + 2);
    bool found = false;
    for (const QString& line : lines.mid(2)) {
        QCOMPARE(line.split(u'\t').size(), 4);
        if (line.startsWith(u"  tcp:127.0.0.1:9100\tprinter\tescpos/60\t"_qs))
            found = true;
    }
    QVERIFY2(found, text.standardOutput.constData());
}

void tst_PosToolDevices::skippingEnumeratorsLeavesOnlyNetwork()
{
    const auto result = runDevices({u"list"_qs, u"--json"_qs, u"--no-serial"_qs, u"--no-usb"_qs,
                                    u"--network"_qs, u"tcp:127.0.0.1:9100"_qs});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray rows = parseArray(result.standardOutput);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(u"id"_qs).toString(), u"tcp:127.0.0.1:9100"_qs);
    // Nothing configured and nothing scanned: an empty array, still exit 0.
    const auto empty = runDevices({u"list"_qs, u"--json"_qs, u"--no-serial"_qs, u"--no-usb"_qs});
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(empty.standardOutput.trimmed(), QByteArray("[]"));
}

void tst_PosToolDevices::usageErrorExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no action") << QStringList();
    QTest::newRow("unknown action") << QStringList{u"probe"_qs};
    QTest::newRow("network without port") << QStringList{u"list"_qs, u"--network"_qs, u"tcp:127.0.0.1"_qs};
    QTest::newRow("network port 0") << QStringList{u"list"_qs, u"--network"_qs, u"tcp:127.0.0.1:0"_qs};
    QTest::newRow("network not tcp") << QStringList{u"list"_qs, u"--network"_qs, u"serial:/dev/ttyS0"_qs};
    QTest::newRow("unknown option") << QStringList{u"list"_qs, u"--usb-only"_qs};
    QTest::newRow("positional argument") << QStringList{u"list"_qs, u"extra"_qs};
}

void tst_PosToolDevices::usageErrorExitsTwo()
{
    QFETCH(QStringList, arguments);
    const auto result = runDevices(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.standardOutput.isEmpty());
    QVERIFY(!result.standardError.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PosToolDevices)
#include "tst_pos_tool_devices.moc"
