// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/AppOptions.h"

#include <QTest>

using namespace pos::app;

class tst_AppOptions final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesValidCommandLines_data();
    void parsesValidCommandLines();
    void rejectsBadCommandLines_data();
    void rejectsBadCommandLines();
};

void tst_AppOptions::parsesValidCommandLines_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QString>("dataDirectory");
    QTest::addColumn<QString>("autopilot");
    QTest::addColumn<bool>("firstFrame");
    QTest::newRow("plain") << QStringList{u"pos"_qs} << false << QString() << QString() << false;
    QTest::newRow("demo autopilot") << QStringList{u"pos"_qs, u"--demo"_qs, u"--autopilot"_qs,
                                                   u"/tmp/shots"_qs}
                                    << true << QString() << u"/tmp/shots"_qs << false;
    QTest::newRow("data dir") << QStringList{u"pos"_qs, u"--data-dir"_qs, u"/srv/pos"_qs} << false
                              << u"/srv/pos"_qs << QString() << false;
    QTest::newRow("benchmark") << QStringList{u"pos"_qs, u"--quit-after-first-frame"_qs,
                                              u"--data-dir=/tmp/b"_qs}
                               << false << u"/tmp/b"_qs << QString() << true;
}

void tst_AppOptions::parsesValidCommandLines()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, demo);
    QFETCH(QString, dataDirectory);
    QFETCH(QString, autopilot);
    QFETCH(bool, firstFrame);
    const pos::Result<AppOptions> options = parseAppOptions(arguments);
    QVERIFY(options.hasValue());
    QCOMPARE(options.value().demo, demo);
    QCOMPARE(options.value().dataDirectory, dataDirectory);
    QCOMPARE(options.value().autopilotDirectory, autopilot);
    QCOMPARE(options.value().quitAfterFirstFrame, firstFrame);
}

void tst_AppOptions::rejectsBadCommandLines_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown option") << QStringList{u"pos"_qs, u"--bogus"_qs};
    QTest::newRow("missing value") << QStringList{u"pos"_qs, u"--data-dir"_qs};
    QTest::newRow("positional") << QStringList{u"pos"_qs, u"extra"_qs};
    QTest::newRow("unknown language") << QStringList{u"pos"_qs, u"--language"_qs, u"fr"_qs};
    QTest::newRow("empty autopilot") << QStringList{u"pos"_qs, u"--autopilot="_qs};
}

void tst_AppOptions::rejectsBadCommandLines()
{
    QFETCH(QStringList, arguments);
    const pos::Result<AppOptions> options = parseAppOptions(arguments);
    QVERIFY(!options);
    QCOMPARE(options.error().code, pos::ErrorCode::InvalidInput);
    QVERIFY(!options.error().userMessage.isEmpty());
}

QTEST_GUILESS_MAIN(tst_AppOptions)
#include "tst_app_options.moc"
