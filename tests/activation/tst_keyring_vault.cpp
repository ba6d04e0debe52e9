// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/PersonalDataKeyStore.h"
#include "activation/SecretServiceKeyVault.h"
#include "support/TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <memory>

#include <libsecret/secret.h>
#include <sys/prctl.h>
#include <sys/stat.h>

// The keyring vault and the store chooser against a real Secret Service: a private dbus-daemon and a
// gnome-keyring-daemon started for this executable (one bus for the whole run: GDBus caches the process'
// session bus), with HOME and the XDG directories in a temporary directory so the developer's own keyring is
// never touched. The keyring test schema below is written from the documented contract, not taken from the
// vault, so it checks what other tools (secret-tool) see.

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::activation;

namespace {

constexpr auto startTimeout = std::chrono::seconds(10);

const SecretSchema* contractSchema()
{
    static const SecretSchema schema = [] {
        SecretSchema s{};
        s.name = "cn.merchantpos.PersonalDataKey";
        s.flags = SECRET_SCHEMA_NONE;
        s.attributes[0] = {"application", SECRET_SCHEMA_ATTRIBUTE_STRING};
        s.attributes[1] = {"data-dir", SECRET_SCHEMA_ATTRIBUTE_STRING};
        return s;
    }();
    return &schema;
}

QString takeError(GError*& error)
{
    const QString message = error ? QString::fromUtf8(error->message) : u"no error"_qs;
    g_clear_error(&error);
    return message;
}

// The secret stored for dataDirectory, as libsecret's password API reads it; null when there is none.
QByteArray storedSecret(const QString& dataDirectory)
{
    GError* error = nullptr;
    gchar* secret =
        secret_password_lookup_sync(contractSchema(), nullptr, &error, "application", "merchant-pos",
                                    "data-dir", dataDirectory.toUtf8().constData(), nullptr);
    if (error)
        qWarning() << "lookup:" << takeError(error);
    const QByteArray bytes = secret ? QByteArray(secret) : QByteArray();
    secret_password_free(secret);
    return bytes;
}

bool storeSecret(const QString& dataDirectory, const QByteArray& secret)
{
    GError* error = nullptr;
    const gboolean stored = secret_password_store_sync(
        contractSchema(), SECRET_COLLECTION_DEFAULT, "test item", secret.constData(), nullptr, &error,
        "application", "merchant-pos", "data-dir", dataDirectory.toUtf8().constData(), nullptr);
    if (error)
        qWarning() << "store:" << takeError(error);
    return stored;
}

int modeOf(const QString& path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

// A data directory <tmp>/<name> with its keys directory, as the app lays it out.
struct DataDirectory
{
    QTemporaryDir root;
    QString data() const { return root.path(); }
    QString keys() const { return root.filePath(u"keys"_qs); }
    QString keyFile() const { return QDir(keys()).filePath(ChoosingKeyVault::keyFileName()); }
    QString marker() const { return QDir(keys()).filePath(ChoosingKeyVault::markerFileName()); }
};

// A daemon of this test: killed by the kernel when the test process dies, even by abort() or SIGKILL where
// cleanupTestCase and destructors never run, so a crashed run leaves no bus or keyring behind.
std::unique_ptr<QProcess> newDaemonProcess()
{
    auto process = std::make_unique<QProcess>();
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    return process;
}

// Reads the bus address dbus-daemon prints first on stdout.
QString readAddress(QProcess& process)
{
    QDeadlineTimer deadline(startTimeout);
    QByteArray out;
    while (!out.contains('\n') && !deadline.hasExpired() && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
    }
    return QString::fromUtf8(out.left(out.indexOf('\n'))).trimmed();
}

} // namespace

class tst_KeyringVault final : public QObject
{
    Q_OBJECT

private:
    enum class Broken { NoBus, DeadSocket, BusWithoutSecretService };

    QTemporaryDir m_sandbox;
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_bareBus;
    std::unique_ptr<QProcess> m_keyring;
    QString m_address;
    QString m_bareAddress;
    GDBusConnection* m_shared = nullptr;

    KeyringBus bus() const { return KeyringBus::at(m_address); }

    KeyringBus brokenBus(Broken broken) const
    {
        switch (broken) {
        case Broken::NoBus: return KeyringBus::none(u"test: no bus"_qs);
        case Broken::DeadSocket:
            return KeyringBus::at(u"unix:path="_qs + m_sandbox.filePath(u"nobody-listens"_qs));
        case Broken::BusWithoutSecretService: return KeyringBus::at(m_bareAddress);
        }
        return KeyringBus::none({});
    }

    static void addBrokenRows()
    {
        QTest::addColumn<int>("broken");
        QTest::newRow("no session bus configured") << int(Broken::NoBus);
        QTest::newRow("bus address, nobody listening") << int(Broken::DeadSocket);
        QTest::newRow("bus without a Secret Service") << int(Broken::BusWithoutSecretService);
    }

    // A session bus with no service directories: nothing is activated behind the test's back.
    std::unique_ptr<QProcess> startBus(const QString& name, QString* address)
    {
        const QString config = m_sandbox.filePath(name + u".conf"_qs);
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QStringLiteral(
                       "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                       " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                       "<busconfig><type>session</type><listen>unix:path=%1</listen><auth>EXTERNAL</auth>\n"
                       "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                       "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                       .arg(name == u"bus"_qs ? m_sandbox.filePath(u"run/bus"_qs) : m_sandbox.filePath(name))
                       .toUtf8());
        file.close();
        std::unique_ptr<QProcess> process = newDaemonProcess();
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->start(u"dbus-daemon"_qs,
                       {u"--config-file="_qs + config, u"--nofork"_qs, u"--print-address=1"_qs});
        if (!process->waitForStarted(5000)) {
            qWarning() << "dbus-daemon did not start:" << process->errorString();
            return {};
        }
        *address = readAddress(*process);
        if (address->isEmpty())
            qWarning() << "dbus-daemon printed no address:" << process->readAllStandardError();
        return process;
    }

    bool secretServiceOwned()
    {
        GError* error = nullptr;
        GVariant* reply = g_dbus_connection_call_sync(
            m_shared, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
            g_variant_new("(s)", "org.freedesktop.secrets"), G_VARIANT_TYPE("(b)"), G_DBUS_CALL_FLAGS_NONE,
            2000, nullptr, &error);
        if (!reply) {
            qWarning() << "NameHasOwner:" << takeError(error);
            return false;
        }
        gboolean owned = FALSE;
        g_variant_get(reply, "(b)", &owned);
        g_variant_unref(reply);
        return owned;
    }

    bool startKeyring()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        m_keyring = newDaemonProcess();
        m_keyring->setProcessEnvironment(environment); // HOME, XDG_* and the bus address set in initTestCase
        m_keyring->start(u"gnome-keyring-daemon"_qs,
                         {u"--foreground"_qs, u"--components=secrets"_qs, u"--unlock"_qs});
        if (!m_keyring->waitForStarted(5000)) {
            qWarning() << "gnome-keyring-daemon did not start:" << m_keyring->errorString();
            return false;
        }
        // The password on stdin, then EOF: --unlock reads until the end. QProcess only writes from the event
        // loop or a waitFor* call, and this test never spins one while waiting for the bus name.
        m_keyring->write("test-password");
        m_keyring->waitForBytesWritten(5000);
        m_keyring->closeWriteChannel();
        QDeadlineTimer deadline(startTimeout);
        while (!deadline.hasExpired() && m_keyring->state() == QProcess::Running) {
            if (secretServiceOwned())
                return true;
            QThread::msleep(50);
        }
        qWarning() << "gnome-keyring-daemon did not take org.freedesktop.secrets:"
                   << m_keyring->readAllStandardError();
        return false;
    }

    static void stop(std::unique_ptr<QProcess>& process)
    {
        if (!process)
            return;
        process->terminate();
        if (!process->waitForFinished(3000)) {
            process->kill();
            process->waitForFinished(3000);
        }
        process.reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        for (const QString& sub : {u"home"_qs, u"data"_qs, u"config"_qs, u"cache"_qs, u"run"_qs})
            QVERIFY(QDir(m_sandbox.path()).mkpath(sub));
        QVERIFY(QFile::setPermissions(m_sandbox.filePath(u"run"_qs), QFileDevice::ReadOwner |
                                                                         QFileDevice::WriteOwner |
                                                                         QFileDevice::ExeOwner));
        qputenv("HOME", QFile::encodeName(m_sandbox.filePath(u"home"_qs)));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_sandbox.filePath(u"data"_qs)));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_sandbox.filePath(u"config"_qs)));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_sandbox.filePath(u"cache"_qs)));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_sandbox.filePath(u"run"_qs)));

        m_bus = startBus(u"bus"_qs, &m_address);
        QVERIFY2(m_bus && !m_address.isEmpty(), "the private session bus did not start");
        m_bareBus = startBus(u"bare-bus"_qs, &m_bareAddress);
        QVERIFY2(m_bareBus && !m_bareAddress.isEmpty(), "the second (bare) bus did not start");
        // Before anything in this process touches GDBus' shared session bus.
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
        GError* error = nullptr;
        m_shared = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
        QVERIFY2(m_shared, qPrintable(takeError(error)));
        // The shared connection would end this process when the bus goes away in cleanupTestCase.
        g_dbus_connection_set_exit_on_close(m_shared, FALSE);

        QVERIFY2(startKeyring(), "gnome-keyring-daemon did not start on the private bus");
        SecretService* service = secret_service_get_sync(SECRET_SERVICE_NONE, nullptr, &error);
        QVERIFY2(service, qPrintable(takeError(error)));
        SecretCollection* collection = secret_collection_for_alias_sync(
            service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE, nullptr, &error);
        g_object_unref(service);
        QVERIFY2(collection,
                 error ? qPrintable(takeError(error)) : "no default collection in the test keyring");
        const bool locked = secret_collection_get_locked(collection);
        g_object_unref(collection);
        QVERIFY2(!locked, "gnome-keyring --unlock left the default collection locked");
    }

    void cleanupTestCase()
    {
        secret_service_disconnect();
        stop(m_keyring);
        if (m_shared)
            g_object_unref(m_shared);
        m_shared = nullptr;
        stop(m_bareBus);
        stop(m_bus);
    }

    void preferenceParses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // -1: rejected
        QTest::newRow("empty is auto") << QString() << int(KeyStorePreference::Auto);
        QTest::newRow("auto") << u"auto"_qs << int(KeyStorePreference::Auto);
        QTest::newRow("Keyring, blanks") << u" Keyring "_qs << int(KeyStorePreference::Keyring);
        QTest::newRow("file") << u"FILE"_qs << int(KeyStorePreference::File);
        QTest::newRow("typo rejected") << u"keyrng"_qs << -1;
        QTest::newRow("wallet rejected") << u"wallet"_qs << -1;
    }
    void preferenceParses()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const std::optional<KeyStorePreference> parsed = parseKeyStorePreference(text);
        QCOMPARE(parsed ? int(*parsed) : -1, expected);
    }

    void busFromEnvironment_data()
    {
        QTest::addColumn<QByteArray>("sessionAddress");
        QTest::addColumn<bool>("useRuntimeBus");
        QTest::addColumn<QString>("expected"); // empty: not configured
        QTest::newRow("explicit address")
            << QByteArray("unix:path=/run/x/bus") << false << u"unix:path=/run/x/bus"_qs;
        QTest::newRow("autolaunch only") << QByteArray("autolaunch:") << false << QString();
        QTest::newRow("autolaunch dropped from a list")
            << QByteArray("autolaunch:;unix:path=/run/y") << false << u"unix:path=/run/y"_qs;
        QTest::newRow("unset, no runtime socket") << QByteArray() << false << QString();
        QTest::newRow("unset, $XDG_RUNTIME_DIR/bus") << QByteArray() << true << u"runtime"_qs;
    }
    void busFromEnvironment()
    {
        QFETCH(QByteArray, sessionAddress);
        QFETCH(bool, useRuntimeBus);
        QFETCH(QString, expected);
        const QByteArray savedAddress = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        const QByteArray savedRuntime = qgetenv("XDG_RUNTIME_DIR");
        if (sessionAddress.isEmpty())
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        else
            qputenv("DBUS_SESSION_BUS_ADDRESS", sessionAddress);
        if (!useRuntimeBus)
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_sandbox.filePath(u"home"_qs)));
        const KeyringBus found = KeyringBus::fromEnvironment();
        qputenv("DBUS_SESSION_BUS_ADDRESS", savedAddress);
        qputenv("XDG_RUNTIME_DIR", savedRuntime);
        if (expected == u"runtime"_qs)
            expected = u"unix:path="_qs + m_sandbox.filePath(u"run/bus"_qs);
        QCOMPARE(found.address(), expected);
        QCOMPARE(found.isConfigured(), !expected.isEmpty());
        if (expected.isEmpty())
            QVERIFY(!found.unavailableReason().isEmpty());
    }

    void keyCreatedInKeyringOnFirstUse_data()
    {
        QTest::addColumn<int>("preference");
        QTest::newRow("auto") << int(KeyStorePreference::Auto);
        QTest::newRow("keyring") << int(KeyStorePreference::Keyring);
    }
    void keyCreatedInKeyringOnFirstUse()
    {
        QFETCH(int, preference);
        DataDirectory dir;
        ChoosingKeyVault first(dir.keys(), KeyStorePreference(preference), bus());
        const Result<QByteArray> key = first.loadOrCreateKey();
        POS_VERIFY_RESULT(key);
        QCOMPARE(key.value().size(), personalDataKeyBytes);
        QVERIFY2(first.describe().startsWith(u"desktop keyring (Secret Service: gnome-keyring)"_qs),
                 qPrintable(first.describe()));
        QVERIFY(!QFile::exists(dir.keyFile()));
        QVERIFY(QFile::exists(dir.marker()));
        QCOMPARE(modeOf(dir.marker()), 0600);
        QFile marker(dir.marker());
        QVERIFY(marker.open(QIODevice::ReadOnly));
        const QByteArray markerText = marker.readAll();
        QVERIFY(markerText.contains(personalDataKeyId(key.value()).toLatin1()));
        QVERIFY(markerText.contains(QFile::encodeName(dir.data())));
        QVERIFY(!markerText.contains(key.value().toHex())); // the marker never holds the key
        // What other Secret Service clients see: 64 hex characters under the documented attributes.
        QCOMPARE(storedSecret(dir.data()), key.value().toHex());

        ChoosingKeyVault second(dir.keys(), KeyStorePreference::Auto, bus());
        const Result<QByteArray> again = second.loadOrCreateKey();
        POS_VERIFY_RESULT(again);
        QCOMPARE(again.value(), key.value());
        QVERIFY(!QFile::exists(dir.keyFile()));
    }

    void twoDataDirectoriesGetTwoKeys()
    {
        DataDirectory one;
        DataDirectory two;
        const Result<QByteArray> first =
            ChoosingKeyVault(one.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey();
        const Result<QByteArray> second =
            ChoosingKeyVault(two.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey();
        POS_VERIFY_RESULT(first);
        POS_VERIFY_RESULT(second);
        QVERIFY(first.value() != second.value());
        QCOMPARE(storedSecret(one.data()), first.value().toHex());
        QCOMPARE(storedSecret(two.data()), second.value().toHex());
    }

    void existingKeyFileWins()
    {
        DataDirectory dir;
        const Result<QByteArray> fileKey = FileKeyVault(dir.keys()).loadOrCreateKey();
        POS_VERIFY_RESULT(fileKey);
        ChoosingKeyVault vault(dir.keys(), KeyStorePreference::Auto, bus());
        const Result<QByteArray> key = vault.loadOrCreateKey();
        POS_VERIFY_RESULT(key);
        QCOMPARE(key.value(), fileKey.value());
        QVERIFY2(vault.describe().startsWith(u"file "_qs), qPrintable(vault.describe()));
        QVERIFY(!QFile::exists(dir.marker()));
        QVERIFY(storedSecret(dir.data()).isNull()); // nothing was put into the keyring
    }

    void markerWithoutReachableKeyringFails_data() { addBrokenRows(); }
    void markerWithoutReachableKeyringFails()
    {
        QFETCH(int, broken);
        DataDirectory dir;
        const Result<QByteArray> created =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey();
        POS_VERIFY_RESULT(created);
        QVERIFY(QFile::exists(dir.marker()));

        const Result<QByteArray> key =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::Auto, brokenBus(Broken(broken)))
                .loadOrCreateKey();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::IoFailure);
        QVERIFY2(key.error().userMessage.contains(u"locked or not running"_qs),
                 qPrintable(key.error().userMessage));
        QVERIFY2(key.error().detail.contains(dir.marker()), qPrintable(key.error().detail));
        QVERIFY(!QFile::exists(dir.keyFile())); // no second key that would orphan the sealed data
        // Control: the same directory with the keyring reachable gives the same key.
        const Result<QByteArray> again =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey();
        POS_VERIFY_RESULT(again);
        QCOMPARE(again.value(), created.value());
    }

    void markerNamingAnotherKeyIsRefused()
    {
        DataDirectory dir;
        const Result<QByteArray> created =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey();
        POS_VERIFY_RESULT(created);
        QFile marker(dir.marker());
        QVERIFY(marker.open(QIODevice::ReadOnly));
        QByteArray text = marker.readAll();
        marker.close();
        const QByteArray id = personalDataKeyId(created.value()).toLatin1();
        QVERIFY(text.contains(id));
        text.replace(id, QByteArray("0123456789abcdef"));
        QVERIFY(marker.open(QIODevice::WriteOnly | QIODevice::Truncate));
        marker.write(text);
        marker.close();

        const Result<QByteArray> key =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::CryptoFailure);
        QVERIFY2(key.error().detail.contains(u"0123456789abcdef"_qs), qPrintable(key.error().detail));
        QCOMPARE(storedSecret(dir.data()), created.value().toHex()); // the keyring is left as it was
        QVERIFY(!QFile::exists(dir.keyFile()));
    }

    void markerWhoseItemIsGoneFails()
    {
        DataDirectory dir;
        const Result<QByteArray> created =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey();
        POS_VERIFY_RESULT(created);
        GError* error = nullptr;
        QVERIFY(secret_password_clear_sync(contractSchema(), nullptr, &error, "application", "merchant-pos",
                                           "data-dir", dir.data().toUtf8().constData(), nullptr));
        QVERIFY2(!error, qPrintable(takeError(error)));

        const Result<QByteArray> key =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::NotFound);
        QVERIFY(!QFile::exists(dir.keyFile()));
        QVERIFY(storedSecret(dir.data()).isNull()); // no new key was made in the keyring either
    }

    void malformedSecretIsRefusedNotReplaced_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QString>("detailPart");
        QTest::newRow("5 bytes") << QByteArray("12345") << u"holds 5 bytes"_qs;
        QTest::newRow("63 hex") << QByteArray(63, 'a') << u"holds 63 bytes"_qs;
        QTest::newRow("66 hex") << QByteArray(66, 'a') << u"holds 66 bytes"_qs;
        QTest::newRow("64 characters, not hex") << QByteArray(64, 'g') << u"holds 64 bytes"_qs;
    }
    void malformedSecretIsRefusedNotReplaced()
    {
        QFETCH(QByteArray, secret);
        QFETCH(QString, detailPart);
        DataDirectory dir;
        QVERIFY(storeSecret(dir.data(), secret));

        const Result<QByteArray> key =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::CryptoFailure);
        QVERIFY2(key.error().detail.contains(detailPart), qPrintable(key.error().detail));
        QCOMPARE(storedSecret(dir.data()), secret); // still the planted bytes: never replaced
        QVERIFY(!QFile::exists(dir.keyFile()));
        QVERIFY(!QFile::exists(dir.marker()));
    }

    void noSecretServiceFallsBackToFile_data() { addBrokenRows(); }
    void noSecretServiceFallsBackToFile()
    {
        QFETCH(int, broken);
        DataDirectory dir;
        ChoosingKeyVault vault(dir.keys(), KeyStorePreference::Auto, brokenBus(Broken(broken)));
        const Result<QByteArray> key = vault.loadOrCreateKey();
        POS_VERIFY_RESULT(key);
        QCOMPARE(key.value().size(), personalDataKeyBytes);
        QCOMPARE(modeOf(dir.keyFile()), 0600);
        QVERIFY(!QFile::exists(dir.marker()));
        QVERIFY2(vault.describe().startsWith(u"file "_qs), qPrintable(vault.describe()));
        QVERIFY2(vault.describe().contains(u"no keyring"_qs), qPrintable(vault.describe()));
        QVERIFY(storedSecret(dir.data()).isNull());
    }

    void filePreferenceIgnoresKeyring()
    {
        DataDirectory dir;
        ChoosingKeyVault vault(dir.keys(), KeyStorePreference::File, bus());
        const Result<QByteArray> key = vault.loadOrCreateKey();
        POS_VERIFY_RESULT(key);
        QCOMPARE(modeOf(dir.keyFile()), 0600);
        QVERIFY(!QFile::exists(dir.marker()));
        QVERIFY(storedSecret(dir.data()).isNull());
    }

    void filePreferenceWithKeyringKeyIsRefused()
    {
        DataDirectory dir;
        POS_VERIFY_RESULT(ChoosingKeyVault(dir.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey());
        const Result<QByteArray> key =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::File, bus()).loadOrCreateKey();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::InvalidInput);
        QVERIFY(!QFile::exists(dir.keyFile()));
    }

    void keyringPreferenceWithKeyFileIsRefused()
    {
        DataDirectory dir;
        POS_VERIFY_RESULT(FileKeyVault(dir.keys()).loadOrCreateKey());
        const Result<QByteArray> key =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::Keyring, bus()).loadOrCreateKey();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::InvalidInput);
        QVERIFY(storedSecret(dir.data()).isNull());
        QVERIFY(!QFile::exists(dir.marker()));
    }

    void keyringPreferenceWithoutKeyringFails_data() { addBrokenRows(); }
    void keyringPreferenceWithoutKeyringFails()
    {
        QFETCH(int, broken);
        DataDirectory dir;
        const Result<QByteArray> key =
            ChoosingKeyVault(dir.keys(), KeyStorePreference::Keyring, brokenBus(Broken(broken)))
                .loadOrCreateKey();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::IoFailure);
        QVERIFY2(key.error().userMessage.contains(u"not running"_qs), qPrintable(key.error().userMessage));
        QVERIFY(!QFile::exists(dir.keyFile()));
        QVERIFY(!QFile::exists(dir.marker()));
    }

    void silentServiceTimesOut()
    {
        // A socket that accepts connections (the kernel's backlog) but never answers the D-Bus handshake.
        QLocalServer silent;
        QVERIFY(silent.listen(m_sandbox.filePath(u"silent"_qs)));
        DataDirectory dir;
        KeyringTimeouts timeouts;
        timeouts.call = std::chrono::milliseconds(700);
        ChoosingKeyVault vault(dir.keys(), KeyStorePreference::Auto,
                               KeyringBus::at(u"unix:path="_qs + silent.fullServerName()), timeouts);
        QElapsedTimer clock;
        clock.start();
        const Result<QByteArray> key = vault.loadOrCreateKey();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::Timeout);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!QFile::exists(dir.keyFile())); // a stuck keyring is an error, not a reason to fall back
    }

    // Last: it locks the test keyring, which stays locked (unlocking needs a prompt nobody can answer here).
    void lockedKeyringIsReported()
    {
        DataDirectory marked;
        const Result<QByteArray> created =
            ChoosingKeyVault(marked.keys(), KeyStorePreference::Auto, bus()).loadOrCreateKey();
        POS_VERIFY_RESULT(created);

        GError* error = nullptr;
        SecretService* service = secret_service_get_sync(SECRET_SERVICE_NONE, nullptr, &error);
        QVERIFY2(service, qPrintable(takeError(error)));
        SecretCollection* collection = secret_collection_for_alias_sync(
            service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE, nullptr, &error);
        QVERIFY2(collection, qPrintable(takeError(error)));
        GList objects = {};
        objects.data = collection;
        const gint lockedCount = secret_service_lock_sync(service, &objects, nullptr, nullptr, &error);
        g_object_unref(collection);
        g_object_unref(service);
        QVERIFY2(lockedCount == 1, qPrintable(takeError(error)));

        KeyringTimeouts timeouts;
        timeouts.unlockPrompt = std::chrono::milliseconds(3000);
        const Result<QByteArray> key =
            ChoosingKeyVault(marked.keys(), KeyStorePreference::Auto, bus(), timeouts).loadOrCreateKey();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::IoFailure);
        QVERIFY2(key.error().userMessage.contains(u"locked"_qs), qPrintable(key.error().userMessage));
        QVERIFY(!QFile::exists(marked.keyFile()));

        // Auto without a marker and without a key in the locked keyring: a key file, no prompt.
        DataDirectory fresh;
        ChoosingKeyVault vault(fresh.keys(), KeyStorePreference::Auto, bus(), timeouts);
        const Result<QByteArray> fileKey = vault.loadOrCreateKey();
        POS_VERIFY_RESULT(fileKey);
        QVERIFY2(vault.describe().contains(u"keyring locked"_qs), qPrintable(vault.describe()));
        QCOMPARE(modeOf(fresh.keyFile()), 0600);
    }
};

QTEST_GUILESS_MAIN(tst_KeyringVault)
#include "tst_keyring_vault.moc"
