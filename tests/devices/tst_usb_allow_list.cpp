// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The USB allow-list as data, and its mirror in packaging/linux/70-merchant-pos.rules.
#include "devices/usb/UsbAllowList.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString rulesPath()
{
    return QStringLiteral(POS_SOURCE_DIR "/packaging/linux/70-merchant-pos.rules");
}

QString key(quint16 vid, quint16 pid)
{
    return u"%1:%2"_qs.arg(vid, 4, 16, QLatin1Char('0')).arg(pid, 4, 16, QLatin1Char('0'));
}

// What differs between the rules text and the allow-list, one line per problem (empty: in sync). A VID:PID
// rule must match on ATTR{idVendor} and ATTR{idProduct} in lower-case hex and grant TAG+="uaccess".
QStringList syncProblems(const QString& rules, const UsbAllowList& list)
{
    static const QRegularExpression rule(
        uR"re(ATTRS?\{idVendor\}=="([^"]*)",\s*ATTRS?\{idProduct\}=="([^"]*)"(.*)$)re"_qs);
    QStringList problems;
    QSet<QString> inRules;
    for (const QString& line : rules.split(u'\n')) {
        if (line.trimmed().startsWith(u'#'))
            continue;
        const QRegularExpressionMatch match = rule.match(line);
        if (!match.hasMatch())
            continue;
        const QString id = match.captured(1) + u':' + match.captured(2);
        if (!QRegularExpression(u"^[0-9a-f]{4}:[0-9a-f]{4}$"_qs).match(id).hasMatch())
            problems << u"rule %1 is not lower-case VVVV:PPPP"_qs.arg(id);
        if (!match.captured(3).contains(u"TAG+=\"uaccess\""_qs))
            problems << u"rule %1 does not grant uaccess"_qs.arg(id);
        if (inRules.contains(id))
            problems << u"rule %1 twice"_qs.arg(id);
        inRules.insert(id);
    }
    QSet<QString> listed;
    for (const UsbAllowListEntry& entry : list.entries())
        listed.insert(key(entry.vendorId, entry.productId));
    for (const QString& id : listed) {
        if (!inRules.contains(id))
            problems << u"%1 allow-listed without a udev rule"_qs.arg(id);
    }
    for (const QString& id : inRules) {
        if (!listed.contains(id))
            problems << u"%1 has a udev rule but is not allow-listed"_qs.arg(id);
    }
    problems.sort();
    return problems;
}

} // namespace

class tst_UsbAllowList final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInListLoads();
    void lookup_data();
    void lookup();
    void badJson_data();
    void badJson();
    void rulesFileMatchesAllowList();
    void syncCheckReportsDifferences_data();
    void syncCheckReportsDifferences();
    void rulesFileSortsBeforeSeatLate();
};

void tst_UsbAllowList::builtInListLoads()
{
    const Result<UsbAllowList> fromSource =
        UsbAllowList::fromJson(readFile(QStringLiteral(POS_SOURCE_DIR "/devices/usb/usb-devices.json")));
    POS_VERIFY_RESULT(fromSource);
    QVERIFY(fromSource.value().entries().size() >= 5);
    // The resource compiled into pos_devices is the same file.
    QCOMPARE(UsbAllowList::builtIn().entries().size(), fromSource.value().entries().size());
    for (const UsbAllowListEntry& entry : fromSource.value().entries())
        QVERIFY2(!entry.source.isEmpty() && !entry.vendor.isEmpty(),
                 qPrintable(key(entry.vendorId, entry.productId)));
}

void tst_UsbAllowList::lookup_data()
{
    QTest::addColumn<int>("vid");
    QTest::addColumn<int>("pid");
    QTest::addColumn<QString>("vendor"); // empty: not listed
    QTest::newRow("Xprinter XP-T58H") << 0x0483 << 0x5743 << u"Xprinter"_qs;
    QTest::newRow("Epson TM-T88IV") << 0x04b8 << 0x0202 << u"Epson"_qs;
    QTest::newRow("POS-58") << 0x0416 << 0x5011 << u"Winbond (generic POS-58)"_qs;
    QTest::newRow("Gprinter label printer (TSPL, not listed)") << 0x0471 << 0x0055 << QString();
    QTest::newRow("STM other product") << 0x0483 << 0x5a19 << QString();
    QTest::newRow("zero") << 0 << 0 << QString();
}

void tst_UsbAllowList::lookup()
{
    QFETCH(int, vid);
    QFETCH(int, pid);
    QFETCH(QString, vendor);
    const std::optional<UsbAllowListEntry> entry =
        UsbAllowList::builtIn().find(static_cast<quint16>(vid), static_cast<quint16>(pid));
    QCOMPARE(entry.has_value(), !vendor.isEmpty());
    if (entry) {
        QCOMPARE(entry->vendor, vendor);
        QCOMPARE(entry->role, DeviceRole::ReceiptPrinter);
    }
}

void tst_UsbAllowList::badJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("detail");
    QTest::newRow("not json") << QByteArray("devices") << u"not a JSON object"_qs;
    QTest::newRow("no devices") << QByteArray("{}") << u"no \"devices\" array"_qs;
    QTest::newRow("short vid")
        << QByteArray(R"({"devices":[{"vid":"483","pid":"5743","role":"printer","source":"x"}]})")
        << u"entry 0: vid and pid"_qs;
    QTest::newRow("non-hex pid")
        << QByteArray(R"({"devices":[{"vid":"0483","pid":"57g3","role":"printer","source":"x"}]})")
        << u"entry 0: vid and pid"_qs;
    QTest::newRow("unknown role")
        << QByteArray(R"({"devices":[{"vid":"0483","pid":"5743","role":"drawer","source":"x"}]})")
        << u"entry 0: unknown role"_qs;
    QTest::newRow("no source") << QByteArray(R"({"devices":[{"vid":"0483","pid":"5743","role":"printer"}]})")
                               << u"entry 0: no source"_qs;
    QTest::newRow("duplicate")
        << QByteArray(R"({"devices":[{"vid":"0483","pid":"5743","role":"printer","source":"a"},)"
                      R"({"vid":"0483","pid":"5743","role":"scanner","source":"b"}]})")
        << u"entry 1: duplicate"_qs;
}

void tst_UsbAllowList::badJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, detail);
    const Result<UsbAllowList> list = UsbAllowList::fromJson(json);
    QVERIFY(!list);
    QCOMPARE(list.error().code, ErrorCode::InvalidInput);
    QVERIFY2(list.error().detail.contains(detail), qPrintable(list.error().detail));
}

void tst_UsbAllowList::rulesFileMatchesAllowList()
{
    const QString rules = QString::fromUtf8(readFile(rulesPath()));
    QVERIFY(!rules.isEmpty());
    const QStringList problems = syncProblems(rules, UsbAllowList::builtIn());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_UsbAllowList::syncCheckReportsDifferences_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QStringList>("problems");
    const QString xprinter = u"ATTR{idVendor}==\"0483\", ATTR{idProduct}==\"5743\", TAG+=\"uaccess\"\n"_qs;
    const QString epson = u"ATTR{idVendor}==\"04b8\", ATTR{idProduct}==\"0202\", TAG+=\"uaccess\"\n"_qs;
    QTest::newRow("in sync") << xprinter + epson << QStringList();
    QTest::newRow("missing rule") << xprinter
                                  << QStringList{u"04b8:0202 allow-listed without a udev rule"_qs};
    QTest::newRow("commented out") << xprinter + u"# "_qs + epson
                                   << QStringList{u"04b8:0202 allow-listed without a udev rule"_qs};
    QTest::newRow("extra rule")
        << xprinter + epson + u"ATTR{idVendor}==\"1234\", ATTR{idProduct}==\"abcd\", TAG+=\"uaccess\""_qs
        << QStringList{u"1234:abcd has a udev rule but is not allow-listed"_qs};
    QTest::newRow("no uaccess")
        << xprinter + u"ATTR{idVendor}==\"04b8\", ATTR{idProduct}==\"0202\", MODE=\"0666\""_qs
        << QStringList{u"rule 04b8:0202 does not grant uaccess"_qs};
    QTest::newRow("upper-case hex")
        << xprinter + u"ATTR{idVendor}==\"04B8\", ATTR{idProduct}==\"0202\", TAG+=\"uaccess\""_qs
        << QStringList{u"04B8:0202 has a udev rule but is not allow-listed"_qs,
                       u"04b8:0202 allow-listed without a udev rule"_qs,
                       u"rule 04B8:0202 is not lower-case VVVV:PPPP"_qs};
}

// Negative control for rulesFileMatchesAllowList: the check notices each kind of drift.
void tst_UsbAllowList::syncCheckReportsDifferences()
{
    QFETCH(QString, rules);
    QFETCH(QStringList, problems);
    const UsbAllowList list({UsbAllowListEntry{0x0483, 0x5743, u"Xprinter"_qs, u"XP-T58H"_qs,
                                               DeviceRole::ReceiptPrinter, u"test"_qs},
                             UsbAllowListEntry{0x04b8, 0x0202, u"Epson"_qs, u"TM-T88IV"_qs,
                                               DeviceRole::ReceiptPrinter, u"test"_qs}});
    QCOMPARE(syncProblems(rules, list), problems);
}

// uaccess is applied by systemd's 73-seat-late.rules: the file must sort before it.
void tst_UsbAllowList::rulesFileSortsBeforeSeatLate()
{
    const QString name = rulesPath().section(u'/', -1);
    QVERIFY2(name < u"73-seat-late.rules"_qs, qPrintable(name));
    QVERIFY(name.endsWith(u".rules"_qs));
}

QTEST_GUILESS_MAIN(tst_UsbAllowList)
#include "tst_usb_allow_list.moc"
