// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// The key that seals the merchant's personal data at rest (onboarding draft, scans, activation code), kept
// outside the ledger file (reliability-security.md: the KEK outside the DB file). Loading is BLOCKING (file
// system or keyring): run it once at start-up off the GUI thread and hand the bytes to the services, which
// wipe their copy on destruction.
namespace pos {
namespace activation {

inline constexpr qsizetype personalDataKeyBytes = 32;

// The non-secret id stored next to every sealed value (sensitive_key_id): 16 lowercase hex of
// HMAC-SHA256(key, "pos personal-data key id"). A different key gives a different id, so data sealed under
// another key is reported as such, never opened with the wrong key.
QString personalDataKeyId(QByteArrayView key);

class KeyVault
{
public:
    virtual ~KeyVault() = default;
    // The key (32 bytes), created on first use. Blocking. The caller wipes the bytes when done.
    virtual Result<QByteArray> loadOrCreateKey() = 0;
    // Where the key lives, for logs and support ("file /var/lib/pos/keys/personal-data.key").
    virtual QString describe() const = 0;
};

// 32 random bytes in <directory>/<fileName> (e.g. <dataDir>/keys/personal-data.key, never the ledger file).
// The directory is created 0700; the file is created 0600 atomically (written to a temporary name, synced,
// then linked into place without replacing anything, so two starting processes end with one key). An
// existing file that is not a regular file owned by this user, that group or others may access, or that is
// not exactly 32 bytes is refused with IoFailure/CryptoFailure naming the problem — never used, never
// replaced (replacing it would orphan every sealed value).
class FileKeyVault final : public KeyVault
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::FileKeyVault)

public:
    explicit FileKeyVault(QString directory, QString fileName = QStringLiteral("personal-data.key"));
    Result<QByteArray> loadOrCreateKey() override;
    QString describe() const override;
    QString filePath() const;

private:
    Result<QByteArray> readExisting() const;
    Result<> createNew() const;

    QString m_directory;
    QString m_fileName;
};

} // namespace activation
} // namespace pos
