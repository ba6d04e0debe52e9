// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/PersonalDataKey.h"
#include "activation/SecretServiceKeyVault.h"

#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <optional>

// Where the personal-data key lives: the desktop keyring or a 0600 file, chosen once per data directory.
// Like the vaults it uses, loading is BLOCKING: off the GUI thread only.
namespace pos {
namespace activation {

// settings.ini [security] personalDataKeyStore.
enum class KeyStorePreference { Auto, Keyring, File };

// "auto", "keyring" or "file" (case-insensitive, surrounding blanks ignored; empty means auto); nullopt for
// anything else, which the caller reports rather than guessing.
std::optional<KeyStorePreference> parseKeyStorePreference(QStringView text);
QString keyStorePreferenceName(KeyStorePreference preference);

// Chooses the store of the personal-data key for one keys directory (<data>/keys) and loads the key from it.
// Contract, never to orphan sealed data by quietly making a second key:
//   auto (default):
//     1. an existing key file <keys>/personal-data.key wins: data sealed under it must stay readable;
//     2. else, when the marker <keys>/personal-data.keyring exists, the key is in the keyring the
//        marker names and only there: a keyring that is not running or stays locked fails ("... locked
//        or not running; unlock it and retry"), a missing item fails, a key whose personalDataKeyId()
//        differs from the marker's fails; no key file is ever created then;
//     3. else, when a Secret Service is reachable and the key (or, for a new key, the default collection) is
//        unlocked, the key is read or created there and the marker is written (0600);
//        a key item that exists but is locked fails like 2;
//     4. else a new 0600 key file is created (FileKeyVault).
//   keyring: like auto without 1 and 4: an existing key file is refused (it would be orphaned), a missing
//     keyring fails; an unlock prompt may be shown.
//   file: FileKeyVault; refused when there is a marker but no key file (the key is in the keyring).
// The keyring item's data-dir attribute is the absolute parent of the keys directory for a new key, and the
// one recorded in the marker afterwards (so a moved data directory still finds its key).
class ChoosingKeyVault final : public KeyVault
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::ChoosingKeyVault)

public:
    static QString keyFileName() { return QStringLiteral("personal-data.key"); }
    static QString markerFileName() { return QStringLiteral("personal-data.keyring"); }

    ChoosingKeyVault(QString keysDirectory,
                     KeyStorePreference preference,
                     KeyringBus bus = KeyringBus::fromEnvironment(),
                     KeyringTimeouts timeouts = {});

    Result<QByteArray> loadOrCreateKey() override;
    // Before loading: the preference; afterwards the store in use, e.g. "desktop keyring (Secret Service:
    // gnome-keyring) for data directory /data" or "file /data/keys/personal-data.key", with why auto chose
    // it.
    QString describe() const override;

    QString keyFilePath() const;
    QString markerPath() const;

private:
    Result<QByteArray> useFile(const QString& why);
    Result<QByteArray> useMarkedKeyring();
    Result<QByteArray> createInKeyring(SecretServiceKeyVault& vault, const QString& why);

    QString m_keysDirectory;
    KeyStorePreference m_preference;
    KeyringBus m_bus;
    KeyringTimeouts m_timeouts;
    QString m_description;
};

} // namespace activation
} // namespace pos
