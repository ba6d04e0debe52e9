// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/PersonalDataKey.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>

// The personal-data key in the desktop keyring: a Secret Service (org.freedesktop.secrets: gnome-keyring,
// KWallet, KeePassXC) reached through libsecret. Every call here is BLOCKING (D-Bus round trips, possibly an
// unlock prompt): run it off the GUI thread, like FileKeyVault. libsecret and GLib stay inside the .cpp.
namespace pos {
namespace activation {

// The session bus the Secret Service is looked for on. A bus is only ever connected to at an explicit
// address: GDBus' autolaunch (dbus-launch) never runs, so a headless start-up cannot spawn a bus or hang
// on one. The vault checks the address on its own private connection first (reachable, Secret Service owned
// or activatable); libsecret then runs on the process' session bus, and only when that is this address
// (otherwise the keyring counts as unavailable). Tests point a vault at "no bus", a dead socket or a bus
// without a Secret Service through this value, without touching the process environment.
class KeyringBus
{
public:
    // DBUS_SESSION_BUS_ADDRESS when set and not an "autolaunch:" address; otherwise
    // unix:path=$XDG_RUNTIME_DIR/bus when that socket exists; otherwise none.
    static KeyringBus fromEnvironment();
    static KeyringBus at(QString address);
    // No bus; reason is untranslated ("DBUS_SESSION_BUS_ADDRESS is not set ...") for the log.
    static KeyringBus none(QString reason);

    bool isConfigured() const { return !m_address.isEmpty(); }
    QString address() const { return m_address; }
    QString unavailableReason() const { return m_reason; }

private:
    QString m_address;
    QString m_reason;
};

// How long the vault waits. A stuck Secret Service gives a Timeout error, never a frozen start-up.
struct KeyringTimeouts
{
    std::chrono::milliseconds call{10000};          // connecting, searching, reading, storing
    std::chrono::milliseconds unlockPrompt{120000}; // a person typing the keyring password
};

// What probe() found, without prompting and without creating anything.
enum class KeyringState {
    Unavailable, // no session bus, no Secret Service on it, or (no key yet and) no default collection
    Locked,      // the key's item, or (no key yet) the default collection, is locked
    Ready,       // the key can be read, or created in the unlocked default collection, without a prompt
};

struct KeyringProbe
{
    KeyringState state = KeyringState::Unavailable;
    bool keyPresent = false; // an item with this vault's attributes exists (locked or not)
    QString detail;          // untranslated, for the log
};

// One key per data directory: an item of schema "cn.merchantpos.PersonalDataKey" with the attributes
// application=merchant-pos and data-dir=<absolute data directory> (so two installs on one desktop never share
// a key), holding the 32 key bytes as 64 lowercase hex characters, created in the "default" collection.
// A stored secret that is not exactly 64 hex characters, or several items with these attributes, are refused
// with CryptoFailure and left as they are: replacing them would orphan every value sealed under the key.
// Creation is not atomic across processes; the app's single-instance lock per data directory serialises it.
class SecretServiceKeyVault final : public KeyVault
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::SecretServiceKeyVault)

public:
    static QString schemaName() { return QStringLiteral("cn.merchantpos.PersonalDataKey"); }
    static QString applicationName() { return QStringLiteral("merchant-pos"); }

    explicit SecretServiceKeyVault(QString dataDirectory,
                                   KeyringBus bus = KeyringBus::fromEnvironment(),
                                   KeyringTimeouts timeouts = {});

    // State of the keyring for this data directory. Never prompts, never creates. Fails (Timeout,
    // IoFailure) only when a Secret Service answered wrongly or not at all; its absence is a state.
    Result<KeyringProbe> probe();
    // The existing key. NotFound when the keyring holds none for this data directory, IoFailure when there
    // is no keyring, or it stays locked (an unlock prompt is shown when the service offers one; dismissing
    // it fails), CryptoFailure when the stored secret is malformed, Timeout when the service does not answer.
    Result<QByteArray> loadExistingKey();
    // The existing key, or a new one (OpenSSL RAND_bytes) stored in the default collection. Same errors as
    // loadExistingKey() except NotFound. The caller wipes the bytes.
    Result<QByteArray> loadOrCreateKey() override;
    // "desktop keyring (Secret Service: gnome-keyring) for data directory /path"; the implementation's name
    // is known once a call reached it.
    QString describe() const override;

    QString dataDirectory() const { return m_dataDirectory; }

private:
    Result<QByteArray> load(bool createWhenMissing);

    QString m_dataDirectory;
    KeyringBus m_bus;
    KeyringTimeouts m_timeouts;
    QString m_serviceName;
};

} // namespace activation
} // namespace pos
