// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/ApiStore.h"

#include "simulators/acquirer/HostLedger.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "storage/sqlite/SqliteStatement.h"

#include <QJsonDocument>

namespace pos {
namespace sim {
namespace {

using storage::SqliteDatabase;
using storage::SqliteStatement;

Result<SqliteStatement*> prepared(HostLedger& ledger, const char* sql)
{
    return ledger.database().prepare(QString::fromLatin1(sql));
}

std::optional<QString> optionalText(const QString& text)
{
    return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
}

QString jsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// Runs a single-row query; found() tells whether a row came back, read() maps it.
template <typename T, typename Read>
Result<std::optional<T>> singleRow(SqliteStatement& row, Read read)
{
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return std::optional<T>();
    std::optional<T> value(read(row));
    row.reset();
    return value;
}

} // namespace

Result<std::optional<ApiKeyRecord>> ApiStore::apiKey(const QString& keyId)
{
    const auto statement =
        prepared(m_ledger, "SELECT key_id, secret_hex, scope, tid, mid FROM api_keys WHERE key_id = ?1");
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, keyId);
    return singleRow<ApiKeyRecord>(*statement.value(), [](SqliteStatement& row) {
        ApiKeyRecord key;
        key.keyId = row.text(0);
        key.secret = QByteArray::fromHex(row.text(1).toLatin1());
        key.scope = row.text(2);
        key.tid = row.text(3);
        key.mid = row.text(4);
        return key;
    });
}

Result<> ApiStore::insertApiKey(const ApiKeyRecord& key, qint64 nowMs)
{
    const auto statement = prepared(m_ledger, R"sql(
        INSERT INTO api_keys (key_id, secret_hex, scope, tid, mid, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, key.keyId)
        .bind(2, QString::fromLatin1(key.secret.toHex()))
        .bind(3, key.scope)
        .bind(4, optionalText(key.tid))
        .bind(5, optionalText(key.mid))
        .bind(6, nowMs)
        .run();
}

Result<std::optional<DocumentRecord>> ApiStore::documentBySha256(const QString& sha256Hex)
{
    const auto statement = prepared(m_ledger, R"sql(
        SELECT document_id, sha256_hex, kind, content_type, size_bytes FROM api_documents
        WHERE sha256_hex = ?1)sql");
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, sha256Hex);
    return singleRow<DocumentRecord>(*statement.value(), [](SqliteStatement& row) {
        DocumentRecord document;
        document.documentId = row.text(0);
        document.sha256Hex = row.text(1);
        document.kind = row.text(2);
        document.contentType = row.text(3);
        document.sizeBytes = row.int64(4);
        return document;
    });
}

Result<bool> ApiStore::documentExists(const QString& documentId)
{
    const auto statement = prepared(m_ledger, "SELECT 1 FROM api_documents WHERE document_id = ?1");
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, documentId);
    const Result<std::optional<int>> row =
        singleRow<int>(*statement.value(), [](SqliteStatement&) { return 1; });
    if (!row)
        return Failure{row.error()};
    return row.value().has_value();
}

Result<> ApiStore::insertDocument(const DocumentRecord& document, const QByteArray& content, qint64 nowMs)
{
    const auto statement = prepared(m_ledger, R"sql(
        INSERT INTO api_documents (document_id, sha256_hex, kind, content_type, size_bytes, content, created_ms)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, document.documentId)
        .bind(2, document.sha256Hex)
        .bind(3, document.kind)
        .bind(4, document.contentType)
        .bind(5, document.sizeBytes)
        .bind(6, content)
        .bind(7, nowMs)
        .run();
}

#define POS_API_APPLICATION_COLUMNS                                                                          \
    "SELECT application_id, client_reference, body, status, reasons, merchant_id, activation_code, "         \
    "created_ms, updated_ms FROM api_applications "

Result<std::optional<ApplicationRecord>> ApiStore::fetchApplication(const char* where, const QString& value)
{
    const auto statement = m_ledger.database().prepare(QString::fromLatin1(POS_API_APPLICATION_COLUMNS) +
                                                       QString::fromLatin1(where));
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, value);
    return singleRow<ApplicationRecord>(*statement.value(), [](SqliteStatement& row) {
        ApplicationRecord application;
        application.applicationId = row.text(0);
        application.clientReference = row.text(1);
        application.body = QJsonDocument::fromJson(row.text(2).toUtf8()).object();
        application.status = row.text(3);
        application.reasons = QJsonDocument::fromJson(row.text(4).toUtf8()).array();
        application.merchantId = row.text(5);
        application.activationCode = row.text(6);
        application.createdMs = row.int64(7);
        application.updatedMs = row.int64(8);
        return application;
    });
}

Result<std::optional<ApplicationRecord>> ApiStore::application(const QString& applicationId)
{
    return fetchApplication("WHERE application_id = ?1", applicationId);
}

Result<std::optional<ApplicationRecord>>
ApiStore::applicationByClientReference(const QString& clientReference)
{
    return fetchApplication("WHERE client_reference = ?1", clientReference);
}

Result<QList<ApplicationRecord>> ApiStore::undecidedApplications()
{
    const auto statement = prepared(
        m_ledger, "SELECT application_id FROM api_applications WHERE status IN ('submitted', 'under_review') "
                  "ORDER BY created_ms, application_id");
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    QStringList ids;
    for (;;) {
        const Result<bool> found = row.step();
        if (!found)
            return Failure{found.error()};
        if (!found.value())
            break;
        ids.append(row.text(0));
    }
    row.reset();
    QList<ApplicationRecord> applications;
    for (const QString& id : std::as_const(ids)) {
        const Result<std::optional<ApplicationRecord>> application = this->application(id);
        if (!application)
            return Failure{application.error()};
        if (application.value())
            applications.append(*application.value());
    }
    return applications;
}

#undef POS_API_APPLICATION_COLUMNS

Result<> ApiStore::insertApplication(const ApplicationRecord& application)
{
    const auto statement = prepared(m_ledger, R"sql(
        INSERT INTO api_applications (application_id, client_reference, body, status, reasons, merchant_id,
                                      activation_code, created_ms, updated_ms)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, application.applicationId)
        .bind(2, application.clientReference)
        .bind(3, jsonText(application.body))
        .bind(4, application.status)
        .bind(5, jsonText(application.reasons))
        .bind(6, optionalText(application.merchantId))
        .bind(7, optionalText(application.activationCode))
        .bind(8, application.createdMs)
        .bind(9, application.updatedMs)
        .run();
}

Result<> ApiStore::updateApplication(const ApplicationRecord& application)
{
    const auto statement = prepared(m_ledger, R"sql(
        UPDATE api_applications SET body = ?2, status = ?3, reasons = ?4, merchant_id = ?5, activation_code = ?6,
                                    updated_ms = ?7
        WHERE application_id = ?1)sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, application.applicationId)
        .bind(2, jsonText(application.body))
        .bind(3, application.status)
        .bind(4, jsonText(application.reasons))
        .bind(5, optionalText(application.merchantId))
        .bind(6, optionalText(application.activationCode))
        .bind(7, application.updatedMs)
        .run();
}

Result<bool> ApiStore::merchantWithUsccExists(const QString& uscc)
{
    const auto statement = prepared(m_ledger, "SELECT 1 FROM api_merchants WHERE uscc = ?1");
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, uscc);
    const Result<std::optional<int>> row =
        singleRow<int>(*statement.value(), [](SqliteStatement&) { return 1; });
    if (!row)
        return Failure{row.error()};
    return row.value().has_value();
}

Result<std::optional<MerchantRecord>> ApiStore::merchant(const QString& merchantId)
{
    const auto statement = prepared(m_ledger, R"sql(
        SELECT merchant_id, uscc, registered_name, shop_name, application_id FROM api_merchants
        WHERE merchant_id = ?1)sql");
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, merchantId);
    return singleRow<MerchantRecord>(*statement.value(), [](SqliteStatement& row) {
        MerchantRecord merchant;
        merchant.merchantId = row.text(0);
        merchant.uscc = row.text(1);
        merchant.registeredName = row.text(2);
        merchant.shopName = row.text(3);
        merchant.applicationId = row.text(4);
        return merchant;
    });
}

Result<> ApiStore::insertMerchant(const MerchantRecord& merchant, qint64 nowMs)
{
    const auto statement = prepared(m_ledger, R"sql(
        INSERT INTO api_merchants (merchant_id, uscc, registered_name, shop_name, application_id, created_ms)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, merchant.merchantId)
        .bind(2, merchant.uscc)
        .bind(3, merchant.registeredName)
        .bind(4, merchant.shopName)
        .bind(5, merchant.applicationId)
        .bind(6, nowMs)
        .run();
}

Result<std::optional<ActivationCodeRecord>> ApiStore::activationCode(const QString& code)
{
    const auto statement = prepared(m_ledger, R"sql(
        SELECT code, merchant_id, pin_pad_serial, public_key_sha256, tid, key_id, used_ms
        FROM api_activation_codes WHERE code = ?1)sql");
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, code);
    return singleRow<ActivationCodeRecord>(*statement.value(), [](SqliteStatement& row) {
        ActivationCodeRecord record;
        record.code = row.text(0);
        record.merchantId = row.text(1);
        record.pinPadSerial = row.text(2);
        record.publicKeySha256 = row.text(3);
        record.tid = row.text(4);
        record.keyId = row.text(5);
        record.usedMs = row.optionalInt64(6);
        return record;
    });
}

Result<> ApiStore::insertActivationCode(const ActivationCodeRecord& code)
{
    const auto statement =
        prepared(m_ledger, "INSERT INTO api_activation_codes (code, merchant_id) VALUES (?1, ?2)");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()->bind(1, code.code).bind(2, code.merchantId).run();
}

Result<> ApiStore::markActivationCodeUsed(const ActivationCodeRecord& code)
{
    const auto statement = prepared(m_ledger, R"sql(
        UPDATE api_activation_codes SET pin_pad_serial = ?2, public_key_sha256 = ?3, tid = ?4, key_id = ?5,
                                        used_ms = ?6
        WHERE code = ?1)sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, code.code)
        .bind(2, code.pinPadSerial)
        .bind(3, code.publicKeySha256)
        .bind(4, code.tid)
        .bind(5, code.keyId)
        .bind(6, code.usedMs)
        .run();
}

} // namespace sim
} // namespace pos
