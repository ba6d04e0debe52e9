// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The keyboard-wedge classifier on scripted key streams. A script is a list of steps separated by spaces:
// "X@T" presses the key typing X at T ms ("X@T!" as an auto-repeat), "<Name>@T" a named key (Enter, Return,
// Tab, Shift, Back, Left), "~T" asks expire(T). Each step renders its decisions joined by ',': "." Pending,
// "S(code)" Scan, "P(keys)" Passthrough with the keys' texts (named keys as <Name>); "-" when expire()
// decides nothing.
#include "devices/scanner/WedgeClassifier.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos::devices;

namespace {

const QList<std::pair<QString, int>> namedKeys = {
    {u"Enter"_qs, Qt::Key_Enter}, {u"Return"_qs, Qt::Key_Return},  {u"Tab"_qs, Qt::Key_Tab},
    {u"Shift"_qs, Qt::Key_Shift}, {u"Back"_qs, Qt::Key_Backspace}, {u"Left"_qs, Qt::Key_Left}};

QString keyName(const WedgeKey& key)
{
    for (const auto& [name, code] : namedKeys) {
        if (code == key.key)
            return u"<"_qs + name + u">"_qs;
    }
    return key.text;
}

QString render(const QList<WedgeDecision>& decisions)
{
    if (decisions.isEmpty())
        return u"-"_qs;
    QStringList parts;
    for (const WedgeDecision& decision : decisions) {
        switch (decision.kind) {
        case WedgeDecision::Kind::Pending: parts << u"."_qs; break;
        case WedgeDecision::Kind::Scan: parts << u"S("_qs + decision.code + u")"_qs; break;
        case WedgeDecision::Kind::Passthrough: {
            QString keys;
            for (const WedgeKey& key : decision.keys)
                keys += keyName(key);
            parts << u"P("_qs + keys + u")"_qs;
            break;
        }
        }
    }
    return parts.join(u',');
}

// Runs script through classifier; an unreadable step renders as "?".
QString run(WedgeClassifier& classifier, const QString& script)
{
    QStringList steps;
    quint64 id = 0;
    for (const QString& step : script.split(u' ', Qt::SkipEmptyParts)) {
        if (step.startsWith(u'~')) {
            steps << render(classifier.expire(step.mid(1).toLongLong()));
            continue;
        }
        const qsizetype at = step.lastIndexOf(u'@');
        QString time = step.mid(at + 1);
        WedgeKey key;
        key.id = ++id;
        key.autoRepeat = time.endsWith(u'!');
        if (key.autoRepeat)
            time.chop(1);
        key.timestampMs = time.toLongLong();
        const QString what = step.left(at);
        if (what.size() > 2 && what.startsWith(u'<')) {
            const QString name = what.mid(1, what.size() - 2);
            for (const auto& [known, code] : namedKeys) {
                if (known == name)
                    key.key = code;
            }
            if (key.key == Qt::Key_Tab)
                key.text = u"\t"_qs;
            else if (key.key == Qt::Key_Return || key.key == Qt::Key_Enter)
                key.text = u"\r"_qs;
            else if (key.key == Qt::Key_Backspace)
                key.text = u"\b"_qs;
        } else if (what.size() == 1) {
            key.text = what;
            key.key = what.at(0).toUpper().unicode();
        }
        if (key.key == 0)
            return u"?"_qs;
        steps << render(classifier.feed(key));
    }
    return steps.join(u' ');
}

} // namespace

class tst_WedgeClassifier final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classifiesKeyStreams_data();
    void classifiesKeyStreams();
    void passthroughKeepsKeysUnchangedAndInOrder();
    void deadlineFollowsTheLastKey();
    void releaseAllHandsBackHeldKeys();
};

void tst_WedgeClassifier::classifiesKeyStreams_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("tabTerminates");
    QTest::addColumn<int>("maxBurstMs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("fast burst + Enter is a scan")
        << u"6@0 9@8 0@16 1@24 2@32 <Enter>@40"_qs << false << 2000 << u". . . . . S(69012)"_qs;
    QTest::newRow("fast burst + Return is a scan")
        << u"A@0 B@5 C@10 1@15 <Return>@20"_qs << false << 2000 << u". . . . S(ABC1)"_qs;
    QTest::newRow("slow typing passes through unchanged") << u"h@0 e@150 l@300 l@450 o@600 ~700"_qs << false
                                                          << 2000 << u". P(h),. P(e),. P(l),. P(l),. P(o)"_qs;
    QTest::newRow("slow typing then Enter passes Enter through")
        << u"1@0 2@150 3@300 4@450 <Enter>@600"_qs << false << 2000
        << u". P(1),. P(2),. P(3),. P(4),P(<Enter>)"_qs;
    QTest::newRow("fast burst without terminator passes through after the gap")
        << u"1@0 2@10 3@20 4@30 5@40 ~60 ~75 ~76"_qs << false << 2000 << u". . . . . - - P(12345)"_qs;
    QTest::newRow("two letters typed quickly pass through")
        << u"o@0 k@20 ~200"_qs << false << 2000 << u". . P(ok)"_qs;
    QTest::newRow("two letters typed quickly then Enter pass through")
        << u"o@0 k@20 <Enter>@30"_qs << false << 2000 << u". . P(ok<Enter>)"_qs;
    QTest::newRow("three characters + Enter are too short for a code")
        << u"1@0 2@5 3@10 <Enter>@15"_qs << false << 2000 << u". . . P(123<Enter>)"_qs;
    QTest::newRow("mixed: typing, a scan, typing")
        << u"x@0 y@200 1@400 2@405 3@410 4@415 <Enter>@420 z@900 ~1000"_qs << false << 2000
        << u". P(x),. P(y),. . . . S(1234) . P(z)"_qs;
    QTest::newRow("a scan right after typing") << u"a@0 b@100 1@140 2@145 3@150 4@155 <Enter>@160"_qs << false
                                               << 2000 << u". P(a),. P(b),. . . . S(1234)"_qs;
    QTest::newRow("two scans back to back")
        << u"1@0 2@5 3@10 4@15 <Enter>@20 5@25 6@30 7@35 8@40 <Enter>@45"_qs << false << 2000
        << u". . . . S(1234) . . . . S(5678)"_qs;
    QTest::newRow("gap of exactly the limit stays in the burst")
        << u"1@0 2@35 3@70 4@105 <Enter>@140"_qs << false << 2000 << u". . . . S(1234)"_qs;
    QTest::newRow("gap one over the limit breaks the burst")
        << u"1@0 2@5 3@10 4@15 <Enter>@51"_qs << false << 2000 << u". . . . P(1234),P(<Enter>)"_qs;
    QTest::newRow("Tab is no terminator by default")
        << u"1@0 2@5 3@10 4@15 <Tab>@20"_qs << false << 2000 << u". . . . P(1234<Tab>)"_qs;
    QTest::newRow("Tab terminates when configured")
        << u"1@0 2@5 3@10 4@15 <Tab>@20"_qs << true << 2000 << u". . . . S(1234)"_qs;
    QTest::newRow("Shift inside a burst does not break it")
        << u"A@0 <Shift>@3 B@5 c@10 d@15 <Enter>@20"_qs << false << 2000 << u". . . . . S(ABcd)"_qs;
    QTest::newRow("Shift before a burst passes through at once")
        << u"<Shift>@0 A@2 b@10 c@20 d@30 <Enter>@40"_qs << false << 2000 << u"P(<Shift>) . . . . S(Abcd)"_qs;
    QTest::newRow("Backspace inside a burst releases it")
        << u"1@0 2@5 <Back>@10"_qs << false << 2000 << u". . P(12<Back>)"_qs;
    QTest::newRow("an arrow key while idle passes through at once")
        << u"<Left>@0 <Enter>@5"_qs << false << 2000 << u"P(<Left>) P(<Enter>)"_qs;
    QTest::newRow("auto-repeat is a person holding a key")
        << u"1@0 1@30! 1@60! <Enter>@70"_qs << false << 2000 << u". P(11) P(1) P(<Enter>)"_qs;
    QTest::newRow("a burst longer than maxBurstMs passes through")
        << u"1@0 2@20 3@40 4@60 <Enter>@70"_qs << false << 50 << u". . . P(1234) P(<Enter>)"_qs;
    QTest::newRow("a clock going backwards breaks the burst")
        << u"1@100 2@90 ~200"_qs << false << 2000 << u". P(1),. P(2)"_qs;
}

void tst_WedgeClassifier::classifiesKeyStreams()
{
    QFETCH(QString, script);
    QFETCH(bool, tabTerminates);
    QFETCH(int, maxBurstMs);
    QFETCH(QString, expected);
    WedgeClassifier::Config config;
    config.tabTerminates = tabTerminates;
    config.maxBurstMs = maxBurstMs;
    WedgeClassifier classifier(config);
    QCOMPARE(run(classifier, script), expected);
}

void tst_WedgeClassifier::passthroughKeepsKeysUnchangedAndInOrder()
{
    WedgeClassifier classifier;
    const QList<WedgeKey> typed = {{u"a"_qs, Qt::Key_A, 1000, false, 7},
                                   {u"B"_qs, Qt::Key_B, 1010, false, 8},
                                   {QString(), Qt::Key_Shift, 1012, false, 9},
                                   {u"é"_qs, 0xC9, 1020, false, 10}};
    for (const WedgeKey& key : typed)
        QCOMPARE(classifier.feed(key).last().kind, WedgeDecision::Kind::Pending);
    const QList<WedgeDecision> released = classifier.expire(1100);
    QCOMPARE(released.size(), 1);
    QCOMPARE(released.first().kind, WedgeDecision::Kind::Passthrough);
    QCOMPARE(released.first().keys.size(), typed.size());
    for (qsizetype i = 0; i < typed.size(); ++i) {
        QCOMPARE(released.first().keys.at(i).id, typed.at(i).id);
        QCOMPARE(released.first().keys.at(i).text, typed.at(i).text);
        QCOMPARE(released.first().keys.at(i).key, typed.at(i).key);
        QCOMPARE(released.first().keys.at(i).timestampMs, typed.at(i).timestampMs);
    }
    QVERIFY(!classifier.isHolding());
}

void tst_WedgeClassifier::deadlineFollowsTheLastKey()
{
    WedgeClassifier classifier;
    QCOMPARE(classifier.msUntilDecision(0), std::optional<qint64>());
    (void)classifier.feed({u"1"_qs, Qt::Key_1, 100, false, 1});
    QCOMPARE(classifier.msUntilDecision(100), std::optional<qint64>(36));
    (void)classifier.feed({u"2"_qs, Qt::Key_2, 120, false, 2});
    QCOMPARE(classifier.msUntilDecision(130), std::optional<qint64>(26));
    QCOMPARE(classifier.msUntilDecision(500), std::optional<qint64>(0));
    QVERIFY(classifier.expire(155).isEmpty()); // one before the deadline
    QCOMPARE(classifier.expire(156).size(), 1);
    QCOMPARE(classifier.msUntilDecision(156), std::optional<qint64>());
}

void tst_WedgeClassifier::releaseAllHandsBackHeldKeys()
{
    WedgeClassifier classifier;
    QVERIFY(classifier.releaseAll().isEmpty());
    (void)classifier.feed({u"1"_qs, Qt::Key_1, 0, false, 1});
    (void)classifier.feed({u"2"_qs, Qt::Key_2, 5, false, 2});
    const QList<WedgeDecision> released = classifier.releaseAll();
    QCOMPARE(render(released), u"P(12)"_qs);
    QVERIFY(!classifier.isHolding());
}

QTEST_GUILESS_MAIN(tst_WedgeClassifier)
#include "tst_wedge_classifier.moc"
