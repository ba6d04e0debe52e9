// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/PersonalDataKeyStore.h"

#include "core/crypto/CryptoPrimitives.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pos {
namespace activation {
namespace {

constexpr qint64 maxMarkerBytes = 4096;

// The non-secret record that the key lives in the keyring: which item (schema and attributes) and which key
// (its personalDataKeyId), so a different key found there later is refused.
struct KeyringMarker
{
    QString dataDirectory;
    QString keyId;
};

bool pathExists(const QString& path)
{
    struct stat info = {};
    // Anything but "no such file" counts as present: the vault that owns the path reports the problem.
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 || errno != ENOENT;
}

QByteArray markerJson(const KeyringMarker& marker)
{
    QJsonObject attributes;
    attributes.insert(QStringLiteral("application"), SecretServiceKeyVault::applicationName());
    attributes.insert(QStringLiteral("data-dir"), marker.dataDirectory);
    QJsonObject root;
    root.insert(QStringLiteral("store"), QStringLiteral("secret-service"));
    root.insert(QStringLiteral("schema"), SecretServiceKeyVault::schemaName());
    root.insert(QStringLiteral("attributes"), attributes);
    root.insert(QStringLiteral("keyId"), marker.keyId);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// Parses the marker; an empty optional's reason says what is wrong (untranslated).
std::optional<KeyringMarker> parseMarker(const QByteArray& bytes, QString* reason)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject()) {
        *reason = QStringLiteral("not a JSON object (%1)").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const QJsonObject attributes = root.value(QStringLiteral("attributes")).toObject();
    KeyringMarker marker{attributes.value(QStringLiteral("data-dir")).toString(),
                         root.value(QStringLiteral("keyId")).toString()};
    if (root.value(QStringLiteral("store")).toString() != QLatin1String("secret-service") ||
        root.value(QStringLiteral("schema")).toString() != SecretServiceKeyVault::schemaName() ||
        attributes.value(QStringLiteral("application")).toString() !=
            SecretServiceKeyVault::applicationName())
        *reason = QStringLiteral("store, schema or application is not this program's");
    else if (!QDir::isAbsolutePath(marker.dataDirectory))
        *reason = QStringLiteral("data-dir is not an absolute path");
    else if (marker.keyId.size() != 16)
        *reason = QStringLiteral("keyId is not 16 hex characters");
    else
        return marker;
    return std::nullopt;
}

} // namespace

std::optional<KeyStorePreference> parseKeyStorePreference(QStringView text)
{
    const QStringView word = text.trimmed();
    if (word.isEmpty() || word.compare(u"auto", Qt::CaseInsensitive) == 0)
        return KeyStorePreference::Auto;
    if (word.compare(u"keyring", Qt::CaseInsensitive) == 0)
        return KeyStorePreference::Keyring;
    if (word.compare(u"file", Qt::CaseInsensitive) == 0)
        return KeyStorePreference::File;
    return std::nullopt;
}

QString keyStorePreferenceName(KeyStorePreference preference)
{
    switch (preference) {
    case KeyStorePreference::Auto: return QStringLiteral("auto");
    case KeyStorePreference::Keyring: return QStringLiteral("keyring");
    case KeyStorePreference::File: return QStringLiteral("file");
    }
    return {};
}

ChoosingKeyVault::ChoosingKeyVault(QString keysDirectory,
                                   KeyStorePreference preference,
                                   KeyringBus bus,
                                   KeyringTimeouts timeouts)
    : m_keysDirectory(std::move(keysDirectory))
    , m_preference(preference)
    , m_bus(std::move(bus))
    , m_timeouts(timeouts)
{}

QString ChoosingKeyVault::keyFilePath() const
{
    return QDir(m_keysDirectory).filePath(keyFileName());
}

QString ChoosingKeyVault::markerPath() const
{
    return QDir(m_keysDirectory).filePath(markerFileName());
}

QString ChoosingKeyVault::describe() const
{
    if (m_description.isEmpty())
        return QStringLiteral("personal-data key store %1 (not loaded yet)")
            .arg(keyStorePreferenceName(m_preference));
    return m_description;
}

Result<QByteArray> ChoosingKeyVault::loadOrCreateKey()
{
    const bool keyFile = pathExists(keyFilePath());
    const bool marker = pathExists(markerPath());
    switch (m_preference) {
    case KeyStorePreference::File:
        if (!keyFile && marker)
            return fail(
                ErrorCode::InvalidInput,
                tr("The personal data key is kept in the desktop keyring (%1), but the settings ask for "
                   "a key file. A new key file was not created: data sealed under the keyring's key "
                   "would become unreadable. Set personalDataKeyStore to auto or keyring.")
                    .arg(markerPath()),
                QStringLiteral("preference file, but %1 exists and %2 does not")
                    .arg(markerPath(), keyFilePath()));
        return useFile(QStringLiteral("preference file"));
    case KeyStorePreference::Keyring: {
        if (keyFile)
            return fail(ErrorCode::InvalidInput,
                        tr("The personal data key is the file %1, but the settings ask for the desktop "
                           "keyring. The keyring was not used: data sealed under the file's key would become "
                           "unreadable. Set personalDataKeyStore to auto or file.")
                            .arg(keyFilePath()),
                        QStringLiteral("preference keyring, but %1 exists").arg(keyFilePath()));
        if (marker)
            return useMarkedKeyring();
        SecretServiceKeyVault vault(
            QDir::cleanPath(QFileInfo(m_keysDirectory).absoluteFilePath() + QStringLiteral("/..")), m_bus,
            m_timeouts);
        return createInKeyring(vault, QStringLiteral("preference keyring"));
    }
    case KeyStorePreference::Auto: break;
    }
    if (keyFile)
        return useFile(QStringLiteral("auto: the key file exists"));
    if (marker)
        return useMarkedKeyring();
    SecretServiceKeyVault vault(
        QDir::cleanPath(QFileInfo(m_keysDirectory).absoluteFilePath() + QStringLiteral("/..")), m_bus,
        m_timeouts);
    const Result<KeyringProbe> probe = vault.probe();
    if (!probe)
        return Failure{probe.error()};
    switch (probe.value().state) {
    case KeyringState::Ready:
        return createInKeyring(vault, QStringLiteral("auto: keyring ready (%1)").arg(probe.value().detail));
    case KeyringState::Locked:
        if (probe.value().keyPresent)
            return fail(ErrorCode::IoFailure,
                        tr("The desktop keyring holding the personal data key is locked or not running; "
                           "unlock it and retry."),
                        QStringLiteral("auto: %1 holds this data directory's key but %2")
                            .arg(vault.describe(), probe.value().detail));
        return useFile(QStringLiteral("auto: keyring locked, no key in it (%1)").arg(probe.value().detail));
    case KeyringState::Unavailable: break;
    }
    return useFile(QStringLiteral("auto: no keyring (%1)").arg(probe.value().detail));
}

Result<QByteArray> ChoosingKeyVault::useFile(const QString& why)
{
    FileKeyVault vault(m_keysDirectory, keyFileName());
    Result<QByteArray> key = vault.loadOrCreateKey();
    if (key)
        m_description = QStringLiteral("%1 (%2)").arg(vault.describe(), why);
    return key;
}

Result<QByteArray> ChoosingKeyVault::useMarkedKeyring()
{
    QFile file(markerPath());
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoFailure, tr("The personal data key could not be read."),
                    QStringLiteral("open %1: %2").arg(markerPath(), file.errorString()));
    const QByteArray bytes = file.read(maxMarkerBytes + 1);
    QString reason = bytes.size() > maxMarkerBytes
                         ? QStringLiteral("larger than %1 bytes").arg(maxMarkerBytes)
                         : QString();
    const std::optional<KeyringMarker> marker = reason.isEmpty() ? parseMarker(bytes, &reason) : std::nullopt;
    if (!marker)
        return fail(ErrorCode::CryptoFailure,
                    tr("The record of where the personal data key is kept (%1) is damaged. No key was used "
                       "or created.")
                        .arg(markerPath()),
                    QStringLiteral("%1: %2").arg(markerPath(), reason));

    SecretServiceKeyVault vault(marker->dataDirectory, m_bus, m_timeouts);
    Result<QByteArray> key = vault.loadExistingKey();
    if (!key) {
        const Error& error = key.error();
        if (error.code == ErrorCode::IoFailure || error.code == ErrorCode::Timeout)
            return fail(error.code,
                        tr("The desktop keyring holding the personal data key is locked or not running; "
                           "unlock it and retry."),
                        QStringLiteral("%1 names the keyring: %2").arg(markerPath(), error.detail));
        if (error.code == ErrorCode::NotFound)
            return fail(ErrorCode::NotFound,
                        tr("The desktop keyring no longer holds the personal data key recorded in %1. No new "
                           "key was created: data sealed under the old one would become unreadable.")
                            .arg(markerPath()),
                        QStringLiteral("%1 names the keyring: %2").arg(markerPath(), error.detail));
        return key;
    }
    const QString keyId = personalDataKeyId(key.value());
    if (keyId != marker->keyId) {
        crypto::secureWipe(key.value());
        return fail(ErrorCode::CryptoFailure,
                    tr("The desktop keyring holds a different personal data key than the one recorded in %1. "
                       "It was not used.")
                        .arg(markerPath()),
                    QStringLiteral("%1: key id %2 recorded, keyring holds key id %3")
                        .arg(markerPath(), marker->keyId, keyId));
    }
    m_description = QStringLiteral("%1 (marker %2)").arg(vault.describe(), markerPath());
    return key;
}

Result<QByteArray> ChoosingKeyVault::createInKeyring(SecretServiceKeyVault& vault, const QString& why)
{
    Result<QByteArray> key = vault.loadOrCreateKey();
    if (!key)
        return key;
    const KeyringMarker marker{vault.dataDirectory(), personalDataKeyId(key.value())};
    const QByteArray json = markerJson(marker);
    const auto markerFailure = [&](const QString& detail) -> Result<QByteArray> {
        crypto::secureWipe(key.value());
        return fail(ErrorCode::IoFailure,
                    tr("The personal data key could not be recorded in %1.").arg(markerPath()), detail);
    };
    if (!QDir().mkpath(m_keysDirectory))
        return markerFailure(QStringLiteral("mkpath %1 failed").arg(m_keysDirectory));
    ::chmod(QFile::encodeName(m_keysDirectory).constData(), 0700);
    // Written to a temporary 0600 file, synced, then renamed into place: never a half-written marker.
    const QString temporary =
        QDir(m_keysDirectory)
            .filePath(QStringLiteral(".%1.%2.tmp")
                          .arg(markerFileName(), QUuid::createUuid().toString(QUuid::Id128)));
    const QByteArray temporaryPath = QFile::encodeName(temporary);
    const int fd =
        ::open(temporaryPath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return markerFailure(
            QStringLiteral("create %1: %2").arg(temporary, QString::fromLocal8Bit(std::strerror(errno))));
    const bool written = ::fchmod(fd, 0600) == 0 &&
                         ::write(fd, json.constData(), size_t(json.size())) == json.size() &&
                         ::fsync(fd) == 0;
    const int writeErrno = errno;
    ::close(fd);
    if (!written || ::rename(temporaryPath.constData(), QFile::encodeName(markerPath()).constData()) != 0) {
        const int error = written ? errno : writeErrno;
        ::unlink(temporaryPath.constData());
        return markerFailure(
            QStringLiteral("write %1: %2").arg(markerPath(), QString::fromLocal8Bit(std::strerror(error))));
    }
    const int directory =
        ::open(QFile::encodeName(m_keysDirectory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory >= 0) {
        ::fsync(directory);
        ::close(directory);
    }
    m_description = QStringLiteral("%1 (%2)").arg(vault.describe(), why);
    return key;
}

} // namespace activation
} // namespace pos
