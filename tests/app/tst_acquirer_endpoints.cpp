// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The production acquirer endpoints from a real settings.ini [acquirer] section: what a valid section gives,
// and a precise error naming the key for every missing or wrong value (never the secret itself).

#include "app/AcquirerEndpoints.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::app;

namespace {

const QString secretHex = u"00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF"_qs;

QString validSection()
{
    return u"[acquirer]\n"
           "apiUrl=https://api.acquirer.example.cn:8443\n"
           "cardHost=pos.acquirer.example.cn:5000\n"
           "caFile=/etc/merchant-pos/acquirer-ca.pem\n"
           "installerKeyId=vendor-0042\n"
           "installerSecret="_qs +
           secretHex + u"\n"_qs;
}

// validSection() with key's line replaced by "key=value" (value null: the line removed).
QString withValue(const QString& key, const QString& value)
{
    QStringList lines = validSection().split(u'\n');
    for (QString& line : lines) {
        if (line.startsWith(key + u'='))
            line = value.isNull() ? QString() : key + u'=' + value;
    }
    return lines.join(u'\n');
}

} // namespace

class tst_AcquirerEndpoints final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeSettings(const QString& text)
    {
        const QString path = m_dir.filePath(u"settings.ini"_qs);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text.toUtf8());
        return path;
    }

private Q_SLOTS:
    void validSectionGivesTheEndpoints()
    {
        const Result<AcquirerEndpoints> read = AcquirerEndpoints::fromSettings(writeSettings(validSection()));
        QVERIFY2(read, read ? "" : qPrintable(read.error().userMessage));
        const AcquirerEndpoints& endpoints = read.value();
        QCOMPARE(endpoints.apiUrl, QUrl(u"https://api.acquirer.example.cn:8443"_qs));
        QCOMPARE(endpoints.cardHost, u"pos.acquirer.example.cn"_qs);
        QCOMPARE(endpoints.cardPort, quint16(5000));
        QCOMPARE(endpoints.caPath, u"/etc/merchant-pos/acquirer-ca.pem"_qs);
        QCOMPARE(endpoints.installerKeyId, u"vendor-0042"_qs);
        QCOMPARE(endpoints.installerSecret.bytes(), QByteArray::fromHex(secretHex.toLatin1()));
        QVERIFY(endpoints.isComplete());
    }

    void cardHostForms_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("name") << u"pos.example.cn:5000"_qs << u"pos.example.cn"_qs << 5000;
        QTest::newRow("ipv4") << u"10.1.2.3:65535"_qs << u"10.1.2.3"_qs << 65535;
        QTest::newRow("ipv6 in brackets") << u"[2001:db8::1]:1"_qs << u"2001:db8::1"_qs << 1;
        QTest::newRow("spaces around") << u"  pos.example.cn:5000  "_qs << u"pos.example.cn"_qs << 5000;
    }
    void cardHostForms()
    {
        QFETCH(QString, value);
        QFETCH(QString, host);
        QFETCH(int, port);
        const Result<AcquirerEndpoints> read =
            AcquirerEndpoints::fromSettings(writeSettings(withValue(u"cardHost"_qs, value)));
        QVERIFY2(read, read ? "" : qPrintable(read.error().userMessage));
        QCOMPARE(read.value().cardHost, host);
        QCOMPARE(int(read.value().cardPort), port);
    }

    void noSectionMeansNotConfigured()
    {
        const Result<AcquirerEndpoints> read =
            AcquirerEndpoints::fromSettings(writeSettings(u"[printer]\nport=serial:/dev/ttyUSB0\n"_qs));
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::NotFound);
        QVERIFY2(read.error().userMessage.contains(u"not configured"_qs),
                 qPrintable(read.error().userMessage));
    }

    void badValuesNameTheKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");    // null: the line is removed
        QTest::addColumn<QString>("expected"); // part of the message
        QTest::newRow("apiUrl missing") << u"apiUrl"_qs << QString() << u"has no apiUrl"_qs;
        QTest::newRow("apiUrl http") << u"apiUrl"_qs << u"http://api.acquirer.example.cn"_qs
                                     << u"https://"_qs;
        QTest::newRow("apiUrl no host") << u"apiUrl"_qs << u"https://"_qs << u"apiUrl is not valid"_qs;
        QTest::newRow("apiUrl garbage")
            << u"apiUrl"_qs << u"not a url at all"_qs << u"apiUrl is not valid"_qs;
        QTest::newRow("cardHost missing") << u"cardHost"_qs << QString() << u"has no cardHost"_qs;
        QTest::newRow("cardHost no port") << u"cardHost"_qs << u"pos.example.cn"_qs << u"host:port"_qs;
        QTest::newRow("cardHost port 0") << u"cardHost"_qs << u"pos.example.cn:0"_qs << u"host:port"_qs;
        QTest::newRow("cardHost port too big")
            << u"cardHost"_qs << u"pos.example.cn:65536"_qs << u"host:port"_qs;
        QTest::newRow("cardHost port letters")
            << u"cardHost"_qs << u"pos.example.cn:50a"_qs << u"host:port"_qs;
        QTest::newRow("cardHost bare ipv6") << u"cardHost"_qs << u"2001:db8::1:5000"_qs << u"host:port"_qs;
        QTest::newRow("caFile missing") << u"caFile"_qs << QString() << u"has no caFile"_qs;
        QTest::newRow("caFile empty") << u"caFile"_qs << u""_qs << u"has no caFile"_qs;
        QTest::newRow("key id missing") << u"installerKeyId"_qs << QString() << u"has no installerKeyId"_qs;
        QTest::newRow("key id with space") << u"installerKeyId"_qs << u"vendor 42"_qs << u"without spaces"_qs;
        QTest::newRow("secret missing") << u"installerSecret"_qs << QString() << u"has no installerSecret"_qs;
        QTest::newRow("secret 63 digits")
            << u"installerSecret"_qs << secretHex.left(63) << u"64 hexadecimal"_qs;
        QTest::newRow("secret 65 digits")
            << u"installerSecret"_qs << secretHex + u'0' << u"64 hexadecimal"_qs;
        QTest::newRow("secret not hex")
            << u"installerSecret"_qs << u"zz"_qs + secretHex.mid(2) << u"64 hexadecimal"_qs;
    }
    void badValuesNameTheKey()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const Result<AcquirerEndpoints> read =
            AcquirerEndpoints::fromSettings(writeSettings(withValue(key, value)));
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::InvalidInput);
        QVERIFY2(read.error().userMessage.contains(key), qPrintable(read.error().userMessage));
        QVERIFY2(read.error().userMessage.contains(expected), qPrintable(read.error().userMessage));
        QVERIFY2(read.error().detail.contains(key), qPrintable(read.error().detail));
        // The secret (or most of it) never reaches a message.
        for (const QString& text : {read.error().userMessage, read.error().detail})
            QVERIFY2(!text.contains(secretHex.mid(2, 60), Qt::CaseInsensitive), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(tst_AcquirerEndpoints)
#include "tst_acquirer_endpoints.moc"
