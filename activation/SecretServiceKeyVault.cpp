// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/SecretServiceKeyVault.h"

#include "core/crypto/CryptoPrimitives.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/rand.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include <libsecret/secret.h>
#include <sys/stat.h>

namespace pos {
namespace activation {
namespace {

constexpr char serviceBusName[] = "org.freedesktop.secrets";
constexpr qsizetype hexKeyLength = 2 * personalDataKeyBytes;

struct GObjectDeleter
{
    void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectDeleter>;

struct GHashTableDeleter
{
    void operator()(GHashTable* table) const { g_hash_table_unref(table); }
};
using AttributeTable = std::unique_ptr<GHashTable, GHashTableDeleter>;

struct SecretValueDeleter
{
    void operator()(SecretValue* value) const { secret_value_unref(value); }
};
using SecretValuePtr = std::unique_ptr<SecretValue, SecretValueDeleter>;

struct GVariantDeleter
{
    void operator()(GVariant* variant) const { g_variant_unref(variant); }
};
using GVariantPtr = std::unique_ptr<GVariant, GVariantDeleter>;

struct ObjectListDeleter
{
    void operator()(GList* list) const { g_list_free_full(list, g_object_unref); }
};
using ObjectList = std::unique_ptr<GList, ObjectListDeleter>;

// Owns the GError a GLib call reports.
class GErrorSlot final
{
public:
    GErrorSlot() = default;
    ~GErrorSlot() { g_clear_error(&m_error); }
    GErrorSlot(const GErrorSlot&) = delete;
    GErrorSlot& operator=(const GErrorSlot&) = delete;

    GError** out()
    {
        g_clear_error(&m_error);
        return &m_error;
    }
    bool isSet() const { return m_error != nullptr; }
    bool matches(GQuark domain, int code) const { return m_error && g_error_matches(m_error, domain, code); }
    QString message() const
    {
        return m_error ? QString::fromUtf8(m_error->message) : QStringLiteral("no error reported");
    }

private:
    GError* m_error = nullptr;
};

// A GCancellable cancelled from a watchdog thread when the budget runs out (g_cancellable_cancel is
// thread-safe), so a blocking libsecret/GDBus call returns G_IO_ERROR_CANCELLED instead of hanging.
class Deadline final
{
public:
    explicit Deadline(std::chrono::milliseconds budget)
        : m_budget(budget)
        , m_cancellable(g_cancellable_new())
        , m_watchdog([this] {
            std::unique_lock lock(m_mutex);
            if (!m_done.wait_for(lock, m_budget, [this] { return m_finished; })) {
                m_expired = true;
                g_cancellable_cancel(m_cancellable.get());
            }
        })
    {}
    ~Deadline()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_finished = true;
        }
        m_done.notify_all();
        m_watchdog.join();
    }
    Deadline(const Deadline&) = delete;
    Deadline& operator=(const Deadline&) = delete;

    GCancellable* cancellable() const { return m_cancellable.get(); }
    bool expired()
    {
        const std::lock_guard lock(m_mutex);
        return m_expired;
    }
    qint64 seconds() const { return qint64(std::chrono::ceil<std::chrono::seconds>(m_budget).count()); }
    int milliseconds() const { return int(m_budget.count()); }

private:
    std::chrono::milliseconds m_budget;
    GObjectPtr<GCancellable> m_cancellable;
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_finished = false;
    bool m_expired = false;
    std::thread m_watchdog; // last: started once everything above exists
};

const SecretSchema* keySchema()
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

AttributeTable keyAttributes(const QString& dataDirectory)
{
    AttributeTable table(g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free));
    g_hash_table_insert(table.get(), g_strdup("application"),
                        g_strdup(SecretServiceKeyVault::applicationName().toUtf8().constData()));
    g_hash_table_insert(table.get(), g_strdup("data-dir"), g_strdup(dataDirectory.toUtf8().constData()));
    return table;
}

// The program behind the bus name, for describe(): best effort, empty when unknown.
QString implementationName(GDBusConnection* bus, GCancellable* cancellable, int timeoutMs)
{
    GErrorSlot error;
    const GVariantPtr reply(g_dbus_connection_call_sync(
        bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
        "GetConnectionUnixProcessID", g_variant_new("(s)", serviceBusName), G_VARIANT_TYPE("(u)"),
        G_DBUS_CALL_FLAGS_NONE, timeoutMs, cancellable, error.out()));
    if (!reply)
        return {};
    guint32 pid = 0;
    g_variant_get(reply.get(), "(u)", &pid);
    QString program =
        QFileInfo(QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget()).fileName();
    if (program.isEmpty()) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (comm.open(QIODevice::ReadOnly))
            program = QString::fromLocal8Bit(comm.readAll()).trimmed();
    }
    if (program.startsWith(QLatin1String("gnome-keyring")))
        return QStringLiteral("gnome-keyring");
    if (program.startsWith(QLatin1String("kwalletd")) || program.startsWith(QLatin1String("ksecretd")))
        return QStringLiteral("KWallet");
    if (program.compare(QLatin1String("keepassxc"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("KeePassXC");
    return program;
}

bool nameIsReachable(GDBusConnection* bus, Deadline& deadline, GErrorSlot& error)
{
    const GVariantPtr owned(g_dbus_connection_call_sync(
        bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
        g_variant_new("(s)", serviceBusName), G_VARIANT_TYPE("(b)"), G_DBUS_CALL_FLAGS_NONE,
        deadline.milliseconds(), deadline.cancellable(), error.out()));
    if (!owned)
        return false;
    gboolean hasOwner = FALSE;
    g_variant_get(owned.get(), "(b)", &hasOwner);
    if (hasOwner)
        return true;
    const GVariantPtr activatable(g_dbus_connection_call_sync(
        bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "ListActivatableNames",
        nullptr, G_VARIANT_TYPE("(as)"), G_DBUS_CALL_FLAGS_NONE, deadline.milliseconds(),
        deadline.cancellable(), error.out()));
    if (!activatable)
        return false;
    g_autofree const gchar** names = nullptr;
    g_variant_get(activatable.get(), "(^a&s)", &names);
    for (const gchar** name = names; name && *name; ++name) {
        if (g_str_equal(*name, serviceBusName))
            return true;
    }
    return false;
}

} // namespace

KeyringBus KeyringBus::fromEnvironment()
{
    const QString session = QString::fromLocal8Bit(qgetenv("DBUS_SESSION_BUS_ADDRESS"));
    if (!session.isEmpty()) {
        // An address list may name several transports; autolaunch: ones would spawn a bus, so they go.
        QStringList usable;
        for (const QString& entry : session.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (!entry.startsWith(QLatin1String("autolaunch:")))
                usable << entry;
        }
        if (usable.isEmpty())
            return none(
                QStringLiteral("DBUS_SESSION_BUS_ADDRESS only offers autolaunch, which is never used"));
        return at(usable.join(QLatin1Char(';')));
    }
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty()) {
        const QByteArray socketPath = runtime + "/bus";
        struct stat info = {};
        if (::stat(socketPath.constData(), &info) == 0 && S_ISSOCK(info.st_mode)) {
            g_autofree gchar* escaped = g_dbus_address_escape_value(socketPath.constData());
            return at(QStringLiteral("unix:path=%1").arg(QString::fromUtf8(escaped)));
        }
    }
    return none(QStringLiteral("no session bus: DBUS_SESSION_BUS_ADDRESS is not set and $XDG_RUNTIME_DIR/bus "
                               "does not exist"));
}

KeyringBus KeyringBus::at(QString address)
{
    KeyringBus bus;
    bus.m_address = std::move(address);
    return bus;
}

KeyringBus KeyringBus::none(QString reason)
{
    KeyringBus bus;
    bus.m_reason = std::move(reason);
    return bus;
}

namespace {

// True when GDBus' shared session connection goes to bus: the same rules as g_bus_get (the environment
// variable verbatim, else $XDG_RUNTIME_DIR/bus), checked so that GLib is never left to autolaunch.
bool isProcessSessionBus(const KeyringBus& bus)
{
    const QByteArray session = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    if (!session.isEmpty())
        return bus.address() == QString::fromLocal8Bit(session);
    return bus.isConfigured() && KeyringBus::fromEnvironment().address() == bus.address();
}

// One connection to the Secret Service for one vault operation. The vault's bus is first checked on a private
// GDBus connection to its address (reachable? org.freedesktop.secrets owned or activatable?), which can never
// autolaunch anything. libsecret itself then runs on GDBus' shared session-bus connection (libsecret 0.20
// aborts when its SecretService proxy is given a private connection), and only when the vault's bus is the
// one that connection would use, so the checks and the calls always reach the same bus. Unreachable is a
// state (unavailable non-empty), not a failure.
struct Connection
{
    GObjectPtr<GDBusConnection> bus;    // private, for the checks
    GObjectPtr<GDBusConnection> shared; // held while libsecret uses it, with exit-on-close off
    GObjectPtr<SecretService> service;
    QString unavailable;
    QString implementation;

    Connection() = default;
    Connection(Connection&&) = default;
    Connection& operator=(Connection&&) = default;
    ~Connection()
    {
        service.reset();
        if (bus)
            g_dbus_connection_close_sync(bus.get(), nullptr, nullptr);
    }
};

} // namespace

// Translated messages shared by the vault's failure sites.
class KeyringMessages
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::SecretServiceKeyVault)

public:
    static QString unavailable()
    {
        return tr("The desktop keyring is not running (no Secret Service on the session bus).");
    }
    static QString locked()
    {
        return tr("The desktop keyring holding the personal data key is locked. Unlock it and retry.");
    }
    static QString timeout(qint64 seconds)
    {
        return tr("The desktop keyring did not answer within %1 seconds.").arg(seconds);
    }
    static QString unusable() { return tr("The desktop keyring could not be used."); }
};

namespace {

Failure timeoutFailure(Deadline& deadline, const QString& step)
{
    return fail(ErrorCode::Timeout, KeyringMessages::timeout(deadline.seconds()),
                QStringLiteral("Secret Service: %1 did not finish within %2 ms")
                    .arg(step)
                    .arg(deadline.milliseconds()));
}

Failure callFailure(Deadline& deadline, const GErrorSlot& error, const QString& step)
{
    if (deadline.expired())
        return timeoutFailure(deadline, step);
    if (error.matches(SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
        return fail(ErrorCode::IoFailure, KeyringMessages::locked(),
                    QStringLiteral("Secret Service: %1: locked: %2").arg(step, error.message()));
    return fail(ErrorCode::IoFailure, KeyringMessages::unusable(),
                QStringLiteral("Secret Service: %1 failed: %2").arg(step, error.message()));
}

Result<Connection> connectTo(const KeyringBus& keyringBus, Deadline& deadline)
{
    Connection connection;
    if (!keyringBus.isConfigured()) {
        connection.unavailable = keyringBus.unavailableReason();
        return connection;
    }
    GErrorSlot error;
    const QByteArray address = keyringBus.address().toUtf8();
    connection.bus.reset(g_dbus_connection_new_for_address_sync(
        address.constData(),
        GDBusConnectionFlags(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                             G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
        nullptr, deadline.cancellable(), error.out()));
    if (!connection.bus) {
        if (deadline.expired())
            return timeoutFailure(deadline, QStringLiteral("connecting to %1").arg(keyringBus.address()));
        connection.unavailable = QStringLiteral("cannot connect to the session bus %1: %2")
                                     .arg(keyringBus.address(), error.message());
        return connection;
    }
    if (!nameIsReachable(connection.bus.get(), deadline, error)) {
        if (error.isSet())
            return callFailure(deadline, error,
                               QStringLiteral("looking up %1").arg(QLatin1String(serviceBusName)));
        connection.unavailable = QStringLiteral("no Secret Service (%1) on the session bus %2")
                                     .arg(QLatin1String(serviceBusName), keyringBus.address());
        return connection;
    }
    if (!isProcessSessionBus(keyringBus)) {
        connection.unavailable =
            QStringLiteral("the Secret Service is only used on this process' session bus, and %1 is not it")
                .arg(keyringBus.address());
        return connection;
    }
    connection.shared.reset(g_bus_get_sync(G_BUS_TYPE_SESSION, deadline.cancellable(), error.out()));
    if (!connection.shared)
        return callFailure(deadline, error, QStringLiteral("connecting to the session bus"));
    // GDBus would end the whole POS when the desktop session's bus goes away; a keyring is not worth that.
    g_dbus_connection_set_exit_on_close(connection.shared.get(), FALSE);
    connection.service.reset(secret_service_open_sync(SECRET_TYPE_SERVICE, serviceBusName,
                                                      SECRET_SERVICE_OPEN_SESSION, deadline.cancellable(),
                                                      error.out()));
    if (!connection.service) {
        if (error.matches(G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
            error.matches(G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER)) {
            connection.unavailable = QStringLiteral("the Secret Service on %1 went away: %2")
                                         .arg(keyringBus.address(), error.message());
            return connection;
        }
        return callFailure(deadline, error, QStringLiteral("opening a session"));
    }
    connection.implementation =
        implementationName(connection.bus.get(), deadline.cancellable(), deadline.milliseconds());
    return connection;
}

// The items holding this data directory's key (locked or not), oldest API first: SearchItems.
Result<ObjectList>
findKeyItems(const Connection& connection, const QString& dataDirectory, Deadline& deadline)
{
    GErrorSlot error;
    const AttributeTable attributes = keyAttributes(dataDirectory);
    ObjectList items(secret_service_search_sync(connection.service.get(), keySchema(), attributes.get(),
                                                SECRET_SEARCH_ALL, deadline.cancellable(), error.out()));
    if (error.isSet())
        return callFailure(deadline, error, QStringLiteral("searching the key"));
    return items;
}

// Unlocks object (an item or a collection) through the service's prompt, within the prompt budget.
// True when it is unlocked afterwards; false when the person dismissed the prompt or none could be shown.
Result<bool> unlock(const Connection& connection, gpointer object, std::chrono::milliseconds budget)
{
    Deadline deadline(budget);
    GErrorSlot error;
    GList objects = {};
    objects.data = object;
    GList* unlocked = nullptr;
    const gint count = secret_service_unlock_sync(connection.service.get(), &objects, deadline.cancellable(),
                                                  &unlocked, error.out());
    const ObjectList unlockedObjects(unlocked);
    if (error.isSet() && !error.matches(G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return callFailure(deadline, error, QStringLiteral("unlocking"));
    return count > 0;
}

} // namespace

SecretServiceKeyVault::SecretServiceKeyVault(QString dataDirectory, KeyringBus bus, KeyringTimeouts timeouts)
    : m_dataDirectory(std::move(dataDirectory))
    , m_bus(std::move(bus))
    , m_timeouts(timeouts)
{}

QString SecretServiceKeyVault::describe() const
{
    const QString service = m_serviceName.isEmpty() ? QStringLiteral("Secret Service")
                                                    : QStringLiteral("Secret Service: %1").arg(m_serviceName);
    return QStringLiteral("desktop keyring (%1) for data directory %2").arg(service, m_dataDirectory);
}

Result<KeyringProbe> SecretServiceKeyVault::probe()
{
    Deadline deadline(m_timeouts.call);
    Result<Connection> connection = connectTo(m_bus, deadline);
    if (!connection)
        return Failure{connection.error()};
    KeyringProbe probe;
    if (!connection.value().unavailable.isEmpty()) {
        probe.detail = connection.value().unavailable;
        return probe;
    }
    m_serviceName = connection.value().implementation;
    const Result<ObjectList> items = findKeyItems(connection.value(), m_dataDirectory, deadline);
    if (!items)
        return Failure{items.error()};
    if (items.value()) {
        probe.keyPresent = true;
        bool locked = false;
        for (GList* item = items.value().get(); item; item = item->next)
            locked = locked || secret_item_get_locked(SECRET_ITEM(item->data));
        probe.state = locked ? KeyringState::Locked : KeyringState::Ready;
        probe.detail = QStringLiteral("%1 key item(s), %2")
                           .arg(g_list_length(items.value().get()))
                           .arg(locked ? QStringLiteral("locked") : QStringLiteral("unlocked"));
        return probe;
    }
    GErrorSlot error;
    const GObjectPtr<SecretCollection> collection(
        secret_collection_for_alias_sync(connection.value().service.get(), SECRET_COLLECTION_DEFAULT,
                                         SECRET_COLLECTION_NONE, deadline.cancellable(), error.out()));
    if (error.isSet())
        return callFailure(deadline, error, QStringLiteral("reading the default collection"));
    if (!collection) {
        probe.detail = QStringLiteral("no key yet and the Secret Service has no default collection");
        return probe;
    }
    const bool locked = secret_collection_get_locked(collection.get());
    probe.state = locked ? KeyringState::Locked : KeyringState::Ready;
    probe.detail = QStringLiteral("no key yet, default collection %1")
                       .arg(locked ? QStringLiteral("locked") : QStringLiteral("unlocked"));
    return probe;
}

Result<QByteArray> SecretServiceKeyVault::loadExistingKey()
{
    return load(false);
}

Result<QByteArray> SecretServiceKeyVault::loadOrCreateKey()
{
    return load(true);
}

Result<QByteArray> SecretServiceKeyVault::load(bool createWhenMissing)
{
    Deadline deadline(m_timeouts.call);
    Result<Connection> opened = connectTo(m_bus, deadline);
    if (!opened)
        return Failure{opened.error()};
    const Connection& connection = opened.value();
    if (!connection.unavailable.isEmpty())
        return fail(ErrorCode::IoFailure, KeyringMessages::unavailable(),
                    QStringLiteral("Secret Service unavailable: %1").arg(connection.unavailable));
    m_serviceName = connection.implementation;

    Result<ObjectList> items = findKeyItems(connection, m_dataDirectory, deadline);
    if (!items)
        return Failure{items.error()};
    if (!items.value()) {
        if (!createWhenMissing)
            return fail(ErrorCode::NotFound,
                        tr("The desktop keyring holds no personal data key for this data directory."),
                        QStringLiteral("Secret Service: no %1 item with data-dir=%2")
                            .arg(schemaName(), m_dataDirectory));
        GErrorSlot error;
        const GObjectPtr<SecretCollection> collection(
            secret_collection_for_alias_sync(connection.service.get(), SECRET_COLLECTION_DEFAULT,
                                             SECRET_COLLECTION_NONE, deadline.cancellable(), error.out()));
        if (error.isSet())
            return callFailure(deadline, error, QStringLiteral("reading the default collection"));
        if (!collection)
            return fail(ErrorCode::IoFailure,
                        tr("The desktop keyring has no default keyring to keep the personal data key in."),
                        QStringLiteral("Secret Service: no collection with alias 'default'"));
        if (secret_collection_get_locked(collection.get())) {
            const Result<bool> unlocked = unlock(connection, collection.get(), m_timeouts.unlockPrompt);
            if (!unlocked)
                return Failure{unlocked.error()};
            if (!unlocked.value())
                return fail(ErrorCode::IoFailure, KeyringMessages::locked(),
                            QStringLiteral("Secret Service: the default collection stayed locked (unlock "
                                           "dismissed or no prompt available)"));
        }
        QByteArray key(personalDataKeyBytes, Qt::Uninitialized);
        if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), int(key.size())) != 1)
            return fail(ErrorCode::CryptoFailure, tr("The personal data key could not be created."),
                        QStringLiteral("RAND_bytes failed"));
        QByteArray hex = key.toHex();
        crypto::secureWipe(key);
        // secret_value_new copies into libsecret's non-swappable memory; secret_value_unref wipes it.
        const SecretValuePtr value(secret_value_new(hex.constData(), hex.size(), "text/plain"));
        crypto::secureWipe(hex);
        const AttributeTable attributes = keyAttributes(m_dataDirectory);
        const QByteArray label =
            QStringLiteral("Merchant POS personal-data key (%1)").arg(m_dataDirectory).toUtf8();
        const GObjectPtr<SecretItem> created(secret_item_create_sync(
            collection.get(), keySchema(), attributes.get(), label.constData(), value.get(),
            SECRET_ITEM_CREATE_NONE, deadline.cancellable(), error.out()));
        if (!created)
            return callFailure(deadline, error, QStringLiteral("storing a new key"));
        // Read back through a new search: what is returned is what the keyring will give next time.
        items = findKeyItems(connection, m_dataDirectory, deadline);
        if (!items)
            return Failure{items.error()};
        if (!items.value())
            return fail(ErrorCode::IoFailure, KeyringMessages::unusable(),
                        QStringLiteral("Secret Service: the stored key item is not found again"));
    }

    const guint count = g_list_length(items.value().get());
    if (count > 1)
        return fail(ErrorCode::CryptoFailure,
                    tr("The desktop keyring holds %1 personal data keys for this data directory. None was "
                       "used; remove the wrong ones.")
                        .arg(count),
                    QStringLiteral("Secret Service: %1 %2 items with data-dir=%3")
                        .arg(count)
                        .arg(schemaName(), m_dataDirectory));
    SecretItem* item = SECRET_ITEM(items.value()->data);
    if (secret_item_get_locked(item)) {
        const Result<bool> unlocked = unlock(connection, item, m_timeouts.unlockPrompt);
        if (!unlocked)
            return Failure{unlocked.error()};
        if (!unlocked.value())
            return fail(ErrorCode::IoFailure, KeyringMessages::locked(),
                        QStringLiteral("Secret Service: the key item stayed locked (unlock dismissed or no "
                                       "prompt available)"));
    }
    GErrorSlot error;
    if (!secret_item_load_secret_sync(item, deadline.cancellable(), error.out()))
        return callFailure(deadline, error, QStringLiteral("reading the key"));
    const SecretValuePtr value(secret_item_get_secret(item));
    gsize length = 0;
    const gchar* text = value ? secret_value_get(value.get(), &length) : nullptr;
    bool wellFormed = text && length == gsize(hexKeyLength);
    for (gsize i = 0; wellFormed && i < length; ++i)
        wellFormed = g_ascii_isxdigit(text[i]);
    if (!wellFormed)
        return fail(ErrorCode::CryptoFailure,
                    tr("The personal data key in the desktop keyring is damaged (wrong length or format). It "
                       "was not used and was left as it is."),
                    QStringLiteral("Secret Service: the %1 item for data-dir=%2 holds %3 bytes, expected %4 "
                                   "hex characters")
                        .arg(schemaName(), m_dataDirectory)
                        .arg(qulonglong(length))
                        .arg(hexKeyLength));
    // fromRawData does not copy; fromHex writes the 32 key bytes straight into the returned array.
    return QByteArray::fromHex(QByteArray::fromRawData(text, hexKeyLength));
}

} // namespace activation
} // namespace pos
