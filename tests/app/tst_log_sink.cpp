// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/LogSink.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using pos::app::LogSink;

Q_LOGGING_CATEGORY(lcTestPrinter, "pos.devices.printer")

class tst_LogSink final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesFormattedLines();
    void rotatesBeforeExceedingTheSize_data();
    void rotatesBeforeExceedingTheSize();
    void routesQtMessagesWithTheirCategory();
    void dropsWhenTheQueueIsFull();
    void failsClearlyOnAnUnwritablePath();
};

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// "line 0042\n": 10 bytes, so ten lines fill a 100-byte file exactly.
QByteArray lineText(int index)
{
    return QByteArray("line ") + QByteArray::number(index).rightJustified(4, '0') + QByteArray("\n");
}

// Sum of N over the "[log] N lines dropped" notes in a log text.
int droppedCount(const QByteArray& text)
{
    static const QRegularExpression note(QStringLiteral("^\\[log\\] (\\d+) lines dropped"),
                                         QRegularExpression::MultilineOption);
    int total = 0;
    auto matches = note.globalMatch(QString::fromUtf8(text));
    while (matches.hasNext())
        total += matches.next().captured(1).toInt();
    return total;
}

} // namespace

void tst_LogSink::writesFormattedLines()
{
    QTemporaryDir dir;
    LogSink sink({dir.filePath(QStringLiteral("logs/pos.log"))});
    QVERIFY(sink.start().hasValue());
    sink.append("first line\n");
    sink.append("second line\n");
    sink.flush();
    QCOMPARE(readFile(sink.filePath()), QByteArray("first line\nsecond line\n"));
    QCOMPARE(QFile(sink.filePath()).permissions() & (QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
}

void tst_LogSink::rotatesBeforeExceedingTheSize_data()
{
    QTest::addColumn<int>("keepFiles");
    QTest::addColumn<int>("lines");
    QTest::newRow("keep 3, many lines") << 3 << 200;
    QTest::newRow("keep 5, few rotations") << 5 << 35;
}

void tst_LogSink::rotatesBeforeExceedingTheSize()
{
    QFETCH(int, keepFiles);
    QFETCH(int, lines);
    QTemporaryDir dir;
    LogSink::Config config{dir.filePath(QStringLiteral("pos.log")), 100, keepFiles};
    LogSink sink(config);
    QVERIFY(sink.start().hasValue());
    for (int i = 0; i < lines; ++i)
        sink.append(lineText(i));
    sink.flush();
    const QStringList files =
        QDir(dir.path()).entryList({QStringLiteral("pos.log*")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), std::min(keepFiles, (lines * 10 + 99) / 100));
    for (const QString& file : files)
        QVERIFY2(QFileInfo(dir.filePath(file)).size() <= 100, qPrintable(file));
    // The newest lines are in pos.log, the ones before them in pos.log.1.
    QVERIFY(readFile(config.filePath).endsWith(lineText(lines - 1)));
    const int firstLineOfCurrentFile = (lines - 1) / 10 * 10;
    QVERIFY(readFile(config.filePath + QStringLiteral(".1")).endsWith(lineText(firstLineOfCurrentFile - 1)));
}

void tst_LogSink::routesQtMessagesWithTheirCategory()
{
    QTemporaryDir dir;
    LogSink sink({dir.filePath(QStringLiteral("pos.log"))});
    QVERIFY(sink.start().hasValue());
    LogSink::installMessageHandler(&sink);
    qCWarning(lcTestPrinter) << "paper low";
    LogSink::installMessageHandler(nullptr);
    qCWarning(lcTestPrinter) << "after uninstall";
    sink.flush();
    const QByteArray text = readFile(sink.filePath());
    QVERIFY2(text.contains("[W] pos.devices.printer: paper low\n"), text.constData());
    QVERIFY(!text.contains("after uninstall"));
}

void tst_LogSink::dropsWhenTheQueueIsFull()
{
    QTemporaryDir dir;
    LogSink::Config config{dir.filePath(QStringLiteral("pos.log"))};
    config.maxQueued = 0;
    LogSink sink(config);
    QVERIFY(sink.start().hasValue());
    sink.append("never written\n");
    sink.append("nor this\n");
    // The writer may report the drops in one note or in several, depending on when it wakes.
    QTRY_COMPARE(droppedCount(readFile(config.filePath)), 2);
    QVERIFY(!readFile(config.filePath).contains("never written"));
}

void tst_LogSink::failsClearlyOnAnUnwritablePath()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    LogSink sink({dir.filePath(QStringLiteral("not-a-folder/pos.log"))});
    const pos::Result<> started = sink.start();
    QVERIFY(!started);
    QCOMPARE(started.error().code, pos::ErrorCode::IoFailure);
}

QTEST_GUILESS_MAIN(tst_LogSink)
#include "tst_log_sink.moc"
