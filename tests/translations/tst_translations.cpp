// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Every visible string is translated: lupdate is run over the sources into copies of translations/*.ts (the
// repository's files are never touched), then every message of the copy must be finished. A string added in
// code but missing from the .ts file shows up as unfinished in the copy.
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace std::chrono_literals;

namespace {

struct Unfinished
{
    int messages = 0;
    QStringList problems;
};

// Counts messages and lists the ones without a finished translation (unfinished, vanished, obsolete, empty).
Unfinished inspect(const QString& tsFile)
{
    Unfinished result;
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problems << QStringLiteral("cannot open %1").arg(tsFile);
        return result;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            ++result.messages;
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!type.isEmpty() || text.trimmed().isEmpty())
                result.problems << QStringLiteral("%1: \"%2\" (%3)")
                                       .arg(context, source, type.isEmpty() ? QStringLiteral("empty") : type);
        }
    }
    if (xml.hasError())
        result.problems << QStringLiteral("XML error: %1").arg(xml.errorString());
    return result;
}

// Runs lupdate exactly as the pos_update_translations target does, over extra folders too when given.
Unfinished refreshedCopy(const QString& language, const QStringList& extraSources, QTemporaryDir& work)
{
    const QString copy = work.filePath(QStringLiteral("pos_%1.ts").arg(language));
    QFile::remove(copy);
    if (!QFile::copy(QStringLiteral(POS_SOURCE_DIR "/translations/pos_%1.ts").arg(language), copy))
        return {0, {QStringLiteral("cannot copy the .ts file")}};
    QStringList arguments = {QStringLiteral("-silent"),      QStringLiteral("-I"),
                             QStringLiteral(POS_SOURCE_DIR), QStringLiteral("-locations"),
                             QStringLiteral("none"),         QStringLiteral("-no-obsolete"),
                             QStringLiteral("-extensions"),  QStringLiteral("cpp,h")};
    if (language == QLatin1String("en"))
        arguments << QStringLiteral("-pluralonly");
    for (const QString& folder : QStringLiteral(POS_TRANSLATED_FOLDERS).split(QLatin1Char(',')))
        arguments << QStringLiteral(POS_SOURCE_DIR "/") + folder;
    arguments << extraSources << QStringLiteral("-ts") << copy;
    const auto run = pos::test::runProcess(QStringLiteral(POS_LUPDATE), arguments, 120s);
    if (run.exitCode != 0)
        return {0, {QStringLiteral("lupdate failed: ") + QString::fromUtf8(run.standardError)}};
    return inspect(copy);
}

} // namespace

class tst_Translations final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void aNewUntranslatedStringIsDetected();
};

void tst_Translations::everyMessageIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("minimumMessages");
    QTest::newRow("zh_CN") << u"zh_CN"_qs << 50;
    QTest::newRow("en (plural forms)") << u"en"_qs << 1;
}

void tst_Translations::everyMessageIsTranslated()
{
    QFETCH(QString, language);
    QFETCH(int, minimumMessages);
    QTemporaryDir work;
    const Unfinished result = refreshedCopy(language, {}, work);
    QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.join(QLatin1Char('\n'))));
    QVERIFY(result.messages >= minimumMessages);
}

// Negative control: a source file with a new tr() string makes the zh_CN check fail.
void tst_Translations::aNewUntranslatedStringIsDetected()
{
    QTemporaryDir work;
    const QString source = work.filePath(QStringLiteral("extra/NewWidget.cpp"));
    QDir().mkpath(work.filePath(QStringLiteral("extra")));
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#include <QCoreApplication>\n"
               "struct NewWidget { Q_DECLARE_TR_FUNCTIONS(NewWidget) };\n"
               "QString text() { return NewWidget::tr(\"A string nobody translated yet\"); }\n");
    file.close();
    const Unfinished result =
        refreshedCopy(QStringLiteral("zh_CN"), {work.filePath(QStringLiteral("extra"))}, work);
    QCOMPARE(result.problems.size(), 1);
    QVERIFY(result.problems.first().contains(QStringLiteral("A string nobody translated yet")));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
