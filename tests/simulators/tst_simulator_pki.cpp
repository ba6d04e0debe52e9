// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// SimulatorPki: the simulator's CA and server certificate are created once with 0600 keys and reused, carry
// the SANs the terminal connects with, chain to the CA, and validity offsets make expired certificates.
#include "simulators/SimulatorPki.h"
#include "support/TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace pos;
using namespace pos::sim;
using namespace Qt::StringLiterals;

namespace {

const QStringList pkiFiles{u"ca.pem"_qs, u"ca.key"_qs, u"server.pem"_qs, u"server.key"_qs};

QFileDevice::Permissions ownerOnly()
{
    return QFileDevice::ReadOwner | QFileDevice::WriteOwner;
}

QFileDevice::Permissions permissionsOf(const QString& path)
{
    // QFile::permissions() also reports the ReadUser/WriteUser aliases; keep the owner/group/other bits.
    return QFile::permissions(path) &
           (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
            QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
}

// The issuer's certificate is passed as the only trust anchor, like a terminal pinning it.
QList<QSslError> verifyAgainst(const QSslCertificate& leaf, const QSslCertificate& ca, const QString& host)
{
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    QSslConfiguration pinned = original;
    pinned.setCaCertificates({ca});
    QSslConfiguration::setDefaultConfiguration(pinned);
    const QList<QSslError> errors = QSslCertificate::verify({leaf}, host);
    QSslConfiguration::setDefaultConfiguration(original);
    return errors;
}

bool hasError(const QList<QSslError>& errors, QSslError::SslError wanted)
{
    return std::any_of(errors.cbegin(), errors.cend(),
                       [wanted](const QSslError& e) { return e.error() == wanted; });
}

} // namespace

class tst_SimulatorPki final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstStartCreatesFilesWithPrivateKeys();
    void secondStartReusesTheCertificates();
    void expiredServerCertificateIsReissued();
    void serverCertificateHasTheSimulatorNames();
    void serverCertificateVerifiesAgainstItsCaOnly();
    void validityOffsets_data();
    void validityOffsets();
    void badIpAddressIsRefused();
};

void tst_SimulatorPki::firstStartCreatesFilesWithPrivateKeys()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath(u"sim"_qs);
    for (const QString& name : pkiFiles)
        QVERIFY(!QFile::exists(QDir(dataDir).filePath(name)));
    const auto pki = loadOrCreateSimulatorPki(dataDir);
    POS_VERIFY_RESULT(pki);
    for (const QString& name : pkiFiles)
        QVERIFY2(QFile::exists(QDir(dataDir).filePath(name)), qPrintable(name));
    QCOMPARE(permissionsOf(QDir(dataDir).filePath(u"ca.key"_qs)), ownerOnly());
    QCOMPARE(permissionsOf(QDir(dataDir).filePath(u"server.key"_qs)), ownerOnly());
    // Control: certificates are public and readable by others.
    QVERIFY(permissionsOf(QDir(dataDir).filePath(u"ca.pem"_qs)) & QFileDevice::ReadOther);
    QCOMPARE(pki.value().caPemPath, QDir(dataDir).filePath(u"ca.pem"_qs));
    QVERIFY(!pki.value().ca.key.isNull());
    QVERIFY(!pki.value().server.key.isNull());
    QFile caPem(pki.value().caPemPath);
    QVERIFY(caPem.open(QIODevice::ReadOnly));
    QCOMPARE(QSslCertificate(caPem.readAll(), QSsl::Pem), pki.value().ca.certificate);
}

void tst_SimulatorPki::secondStartReusesTheCertificates()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto first = loadOrCreateSimulatorPki(dir.path());
    POS_VERIFY_RESULT(first);
    const auto second = loadOrCreateSimulatorPki(dir.path());
    POS_VERIFY_RESULT(second);
    QCOMPARE(second.value().ca.certificate, first.value().ca.certificate);
    QCOMPARE(second.value().server.certificate, first.value().server.certificate);
    QCOMPARE(second.value().server.key.toPem(), first.value().server.key.toPem());

    // Control: another data directory gets another CA.
    QTemporaryDir otherDir;
    const auto other = loadOrCreateSimulatorPki(otherDir.path());
    POS_VERIFY_RESULT(other);
    QVERIFY(other.value().ca.certificate != first.value().ca.certificate);
}

void tst_SimulatorPki::expiredServerCertificateIsReissued()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto first = loadOrCreateSimulatorPki(dir.path());
    POS_VERIFY_RESULT(first);
    CertificateSpec expiredSpec;
    expiredSpec.commonName = u"pos-acquirer-sim"_qs;
    expiredSpec.ipAddresses = {u"127.0.0.1"_qs};
    expiredSpec.notBeforeSecs = -10 * 86400;
    expiredSpec.notAfterSecs = -86400;
    const auto expired = issueServerCertificate(first.value().ca, expiredSpec);
    POS_VERIFY_RESULT(expired);
    QFile serverPem(dir.filePath(u"server.pem"_qs));
    QVERIFY(serverPem.open(QIODevice::WriteOnly | QIODevice::Truncate));
    serverPem.write(expired.value().certificate.toPem());
    serverPem.close();
    QFile serverKey(dir.filePath(u"server.key"_qs));
    QVERIFY(serverKey.open(QIODevice::WriteOnly | QIODevice::Truncate));
    serverKey.write(expired.value().key.toPem());
    serverKey.close();

    const auto second = loadOrCreateSimulatorPki(dir.path());
    POS_VERIFY_RESULT(second);
    QCOMPARE(second.value().ca.certificate, first.value().ca.certificate); // the pinned CA stays
    QVERIFY(second.value().server.certificate != expired.value().certificate);
    QVERIFY(second.value().server.certificate.expiryDate() > QDateTime::currentDateTimeUtc());
    QCOMPARE(permissionsOf(dir.filePath(u"server.key"_qs)), ownerOnly());
}

void tst_SimulatorPki::serverCertificateHasTheSimulatorNames()
{
    QTemporaryDir dir;
    const auto pki = loadOrCreateSimulatorPki(dir.path());
    POS_VERIFY_RESULT(pki);
    const QSslCertificate& server = pki.value().server.certificate;
    QCOMPARE(server.subjectInfo(QSslCertificate::CommonName), QStringList{u"pos-acquirer-sim"_qs});
    const auto names = server.subjectAlternativeNames();
    QCOMPARE(names.values(QSsl::AlternativeNameEntryType::DnsEntry), QStringList{u"localhost"_qs});
    QCOMPARE(names.values(QSsl::AlternativeNameEntryType::IpAddressEntry), QStringList{u"127.0.0.1"_qs});
    QCOMPARE(server.version(), QByteArray("3"));
    QVERIFY(server.issuerDisplayName() != server.subjectDisplayName());
    QCOMPARE(server.issuerDisplayName(), pki.value().ca.certificate.subjectDisplayName());
    QVERIFY(pki.value().ca.certificate.isSelfSigned());
    QVERIFY(!server.isSelfSigned());
}

void tst_SimulatorPki::serverCertificateVerifiesAgainstItsCaOnly()
{
    QTemporaryDir dir;
    QTemporaryDir otherDir;
    const auto pki = loadOrCreateSimulatorPki(dir.path());
    const auto other = loadOrCreateSimulatorPki(otherDir.path());
    POS_VERIFY_RESULT(pki);
    POS_VERIFY_RESULT(other);
    const QSslCertificate& server = pki.value().server.certificate;

    const QList<QSslError> ok = verifyAgainst(server, pki.value().ca.certificate, u"127.0.0.1"_qs);
    QVERIFY2(ok.isEmpty(), qPrintable(ok.value(0).errorString()));
    QVERIFY(verifyAgainst(server, pki.value().ca.certificate, u"localhost"_qs).isEmpty());
    // Negative controls: another CA, another host name.
    QVERIFY(!verifyAgainst(server, other.value().ca.certificate, u"127.0.0.1"_qs).isEmpty());
    QVERIFY(hasError(verifyAgainst(server, pki.value().ca.certificate, u"other.example"_qs),
                     QSslError::HostNameMismatch));
}

void tst_SimulatorPki::validityOffsets_data()
{
    QTest::addColumn<qint64>("notBefore");
    QTest::addColumn<qint64>("notAfter");
    QTest::addColumn<int>("expected"); // QSslError::SslError, NoError when valid
    QTest::newRow("valid (control)") << qint64(-3600) << qint64(86400) << int(QSslError::NoError);
    QTest::newRow("expired") << qint64(-2 * 86400) << qint64(-86400) << int(QSslError::CertificateExpired);
    QTest::newRow("not yet valid") << qint64(86400) << qint64(2 * 86400)
                                   << int(QSslError::CertificateNotYetValid);
}

void tst_SimulatorPki::validityOffsets()
{
    QFETCH(qint64, notBefore);
    QFETCH(qint64, notAfter);
    QFETCH(int, expected);
    const auto ca = createCertificateAuthority(u"Test CA"_qs, {});
    POS_VERIFY_RESULT(ca);
    CertificateSpec spec;
    spec.commonName = u"host"_qs;
    spec.ipAddresses = {u"127.0.0.1"_qs};
    spec.notBeforeSecs = notBefore;
    spec.notAfterSecs = notAfter;
    const auto issued = issueServerCertificate(ca.value(), spec);
    POS_VERIFY_RESULT(issued);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(qAbs(issued.value().certificate.expiryDate().secsTo(now.addSecs(notAfter))) < 60);
    QVERIFY(qAbs(issued.value().certificate.effectiveDate().secsTo(now.addSecs(notBefore))) < 60);
    const QList<QSslError> errors =
        verifyAgainst(issued.value().certificate, ca.value().certificate, u"127.0.0.1"_qs);
    if (expected == int(QSslError::NoError)) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).errorString()));
        QVERIFY(!issued.value().certificate.isBlacklisted());
    } else {
        QVERIFY(hasError(errors, static_cast<QSslError::SslError>(expected)));
    }
}

void tst_SimulatorPki::badIpAddressIsRefused()
{
    const auto ca = createCertificateAuthority(u"Test CA"_qs, {});
    POS_VERIFY_RESULT(ca);
    CertificateSpec spec;
    spec.commonName = u"host"_qs;
    spec.ipAddresses = {u"300.1.2.3"_qs};
    const auto issued = issueServerCertificate(ca.value(), spec);
    QVERIFY(!issued);
    QCOMPARE(issued.error().code, ErrorCode::InvalidInput);
    spec.ipAddresses = {u"::1"_qs}; // control: IPv6 is fine
    POS_VERIFY_RESULT(issueServerCertificate(ca.value(), spec));
}

QTEST_GUILESS_MAIN(tst_SimulatorPki)
#include "tst_simulator_pki.moc"
