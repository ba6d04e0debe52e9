// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerOnboardingStore.h"

#include "storage/LedgerService.h"
#include "storage/LedgerSupport.h"
#include "storage/sqlite/TransactionGuard.h"

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;
using detail::queryRow;
using detail::runStatement;

namespace {

template <typename T>
std::function<void(const Result<T>&)> forward(OnboardingStore::Completion<T> done)
{
    return [done = std::move(done)](const Result<T>& result) {
        if (done)
            done(result);
    };
}

bool isStatus(const QString& status)
{
    static const QStringList statuses{QStringLiteral("draft"),     QStringLiteral("submitting"),
                                      QStringLiteral("submitted"), QStringLiteral("under_review"),
                                      QStringLiteral("approved"),  QStringLiteral("rejected")};
    return statuses.contains(status);
}

bool isAttachmentKind(const QString& kind)
{
    return kind == QLatin1String("licence") || kind == QLatin1String("id-front") ||
           kind == QLatin1String("id-back");
}

std::optional<QString> textOrNull(const QString& text)
{
    return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
}

Result<> saveApplication(Ledger& ledger, const StoredOnboarding& s)
{
    if (!isStatus(s.status) || s.keyId.isEmpty())
        return invalid(LedgerText::tr("The onboarding application could not be saved."),
                       QStringLiteral("onboarding status '%1', key id of %2 characters")
                           .arg(s.status)
                           .arg(s.keyId.size()));
    SqliteDatabase& database = ledger.database();
    TransactionGuard transaction(database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    const QByteArray draft = s.sealedDraft;
    const QByteArray code = s.sealedActivationCode;
    const Result<SqliteStatement*> upsert = database.prepare(QStringLiteral(
        "INSERT INTO onboarding_application (id, status, client_reference, application_id, review_reasons, "
        "merchant_id, last_completed_page, sensitive_key_id, sealed_draft, sealed_activation_code, "
        "updated_ms) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (id) DO UPDATE SET "
        "status = excluded.status, client_reference = excluded.client_reference, application_id = "
        "excluded.application_id, review_reasons = excluded.review_reasons, merchant_id = "
        "excluded.merchant_id, last_completed_page = excluded.last_completed_page, sensitive_key_id = "
        "excluded.sensitive_key_id, sealed_draft = excluded.sealed_draft, sealed_activation_code = "
        "excluded.sealed_activation_code, updated_ms = excluded.updated_ms"));
    if (!upsert)
        return Failure{upsert.error()};
    SqliteStatement& statement = *upsert.value();
    statement.bind(1, s.status)
        .bind(2, textOrNull(s.clientReference))
        .bind(3, textOrNull(s.applicationId))
        .bind(4, textOrNull(s.reasonsJson))
        .bind(5, textOrNull(s.merchantId))
        .bind(6, s.lastCompletedPage)
        .bind(7, s.keyId);
    if (draft.isEmpty())
        statement.bind(8, nullptr);
    else
        statement.bind(8, draft);
    if (code.isEmpty())
        statement.bind(9, nullptr);
    else
        statement.bind(9, code);
    statement.bind(10, s.updatedMs);
    if (const Result<> ran = statement.run(); !ran)
        return ran;
    return transaction.commit();
}

Result<std::optional<StoredOnboarding>> loadApplication(Ledger& ledger)
{
    StoredOnboarding s;
    const Result<bool> found = queryRow(
        ledger.database(),
        QStringLiteral("SELECT status, coalesce(client_reference, ''), coalesce(application_id, ''), "
                       "coalesce(review_reasons, ''), coalesce(merchant_id, ''), last_completed_page, "
                       "sensitive_key_id, sealed_draft, sealed_activation_code, updated_ms "
                       "FROM onboarding_application WHERE id = 1"),
        [&s](SqliteStatement& row) {
            s.status = row.text(0);
            s.clientReference = row.text(1);
            s.applicationId = row.text(2);
            s.reasonsJson = row.text(3);
            s.merchantId = row.text(4);
            s.lastCompletedPage = int(row.int64(5));
            s.keyId = row.text(6);
            s.sealedDraft = row.blob(7);
            s.sealedActivationCode = row.blob(8);
            s.updatedMs = row.int64(9);
        });
    if (!found)
        return Failure{found.error()};
    return found.value() ? std::optional<StoredOnboarding>(s) : std::nullopt;
}

Result<> saveAttachment(Ledger& ledger, const StoredAttachment& a)
{
    if (!isAttachmentKind(a.kind) || a.sealedBytes.isEmpty() || a.keyId.isEmpty())
        return invalid(
            LedgerText::tr("The document could not be saved."),
            QStringLiteral("attachment kind '%1', %2 sealed bytes").arg(a.kind).arg(a.sealedBytes.size()));
    SqliteDatabase& database = ledger.database();
    TransactionGuard transaction(database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    if (const Result<> ran = runStatement(
            database,
            QStringLiteral("INSERT OR REPLACE INTO onboarding_attachments (kind, mime, sha256, size_bytes, "
                           "sensitive_key_id, sealed_bytes, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            a.kind, a.mime, a.sha256, a.sizeBytes, a.keyId, a.sealedBytes, a.updatedMs);
        !ran)
        return ran;
    return transaction.commit();
}

Result<std::optional<StoredAttachment>> loadAttachment(Ledger& ledger, const QString& kind)
{
    StoredAttachment a;
    const Result<bool> found = queryRow(
        ledger.database(),
        QStringLiteral("SELECT kind, mime, sha256, size_bytes, sensitive_key_id, sealed_bytes, updated_ms "
                       "FROM onboarding_attachments WHERE kind = ?"),
        [&a](SqliteStatement& row) {
            a.kind = row.text(0);
            a.mime = row.text(1);
            a.sha256 = row.text(2);
            a.sizeBytes = row.int64(3);
            a.keyId = row.text(4);
            a.sealedBytes = row.blob(5);
            a.updatedMs = row.int64(6);
        },
        kind);
    if (!found)
        return Failure{found.error()};
    return found.value() ? std::optional<StoredAttachment>(a) : std::nullopt;
}

} // namespace

void LedgerOnboardingStore::load(QObject* context, Completion<std::optional<StoredOnboarding>> done)
{
    m_service.run<std::optional<StoredOnboarding>>([](Ledger& ledger) { return loadApplication(ledger); },
                                                   context, forward(std::move(done)));
}

void LedgerOnboardingStore::save(const StoredOnboarding& state, QObject* context, Completion<void> done)
{
    m_service.run<void>([state](Ledger& ledger) { return saveApplication(ledger, state); }, context,
                        forward(std::move(done)));
}

void LedgerOnboardingStore::putAttachment(const StoredAttachment& attachment,
                                          QObject* context,
                                          Completion<void> done)
{
    m_service.run<void>([attachment](Ledger& ledger) { return saveAttachment(ledger, attachment); }, context,
                        forward(std::move(done)));
}

void LedgerOnboardingStore::attachment(const QString& kind,
                                       QObject* context,
                                       Completion<std::optional<StoredAttachment>> done)
{
    m_service.run<std::optional<StoredAttachment>>(
        [kind](Ledger& ledger) { return loadAttachment(ledger, kind); }, context, forward(std::move(done)));
}

} // namespace storage
} // namespace pos
