// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: the terminal's activation record (terminal_profile, migration 0006_terminal_activation).
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/LedgerSupport.h"
#include "storage/sqlite/TransactionGuard.h"

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;
using detail::queryRow;
using detail::runStatement;

namespace {

// The coarse state of 0001's CHECK list that the finer step implies.
QString activationState(ActivationStep step)
{
    switch (step) {
    case ActivationStep::NotStarted:
    case ActivationStep::Registering:
    case ActivationStep::TerminalRegistered: return QStringLiteral("not_activated");
    case ActivationStep::TmkLoaded: return QStringLiteral("keys_loaded");
    case ActivationStep::SignedOn: return QStringLiteral("signed_on");
    case ActivationStep::FirstSwipeApproved:
    case ActivationStep::Activated: break;
    }
    return QStringLiteral("activated");
}

std::optional<QString> nullIfEmpty(const QString& text)
{
    return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
}

} // namespace

Result<TerminalActivation> Ledger::terminalActivation()
{
    TerminalActivation record;
    const Result<bool> found =
        queryRow(*m_database,
                 QStringLiteral(
                     "SELECT activation_step, coalesce(activation_code, ''), coalesce(pinpad_serial, ''), "
                     "coalesce(terminal_id, ''), coalesce(merchant_id, ''), coalesce(merchant_name, ''), "
                     "coalesce(api_key_id, ''), api_secret_sealed, coalesce(card_host, ''), "
                     "coalesce(tmk_scheme, ''), coalesce(single_limit_fen, 0), coalesce(daily_limit_fen, 0), "
                     "coalesce(fee_schedule_json, ''), enabled_tenders, coalesce(first_swipe_rrn, ''), "
                     "coalesce(activated_ms, 0) FROM terminal_profile WHERE id = 1"),
                 [&record](const SqliteStatement& s) {
                     record.step = static_cast<ActivationStep>(s.int64(0));
                     record.activationCode = s.text(1);
                     record.pinPadSerial = s.text(2);
                     record.terminalId = s.text(3);
                     record.merchantId = s.text(4);
                     record.merchantName = s.text(5);
                     record.apiKeyId = s.text(6);
                     record.sealedApiSecret = s.blob(7);
                     record.cardHost = s.text(8);
                     record.tmkScheme = s.text(9);
                     record.singleLimitFen = s.int64(10);
                     record.dailyLimitFen = s.int64(11);
                     record.feeScheduleJson = s.text(12);
                     record.enabledTenders = s.text(13).split(QLatin1Char(','), Qt::SkipEmptyParts);
                     record.firstSwipeRrn = s.text(14);
                     record.activatedMs = s.int64(15);
                 });
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        record.enabledTenders = QStringList{QStringLiteral("cash")};
    return record;
}

Result<> Ledger::saveTerminalActivation(const TerminalActivation& record, qint64 nowMs)
{
    if (!record.terminalId.isEmpty() && (record.terminalId.size() != 8 || record.merchantId.size() != 15))
        return invalid(LedgerText::tr("The terminal id must have 8 characters and the merchant id 15."),
                       QStringLiteral("tid %1 chars, mid %2 chars")
                           .arg(record.terminalId.size())
                           .arg(record.merchantId.size()));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    int previousStep = -1;
    const Result<bool> found =
        queryRow(*m_database, QStringLiteral("SELECT activation_step FROM terminal_profile WHERE id = 1"),
                 [&previousStep](const SqliteStatement& s) { previousStep = static_cast<int>(s.int64(0)); });
    if (!found)
        return Failure{found.error()};
    const std::optional<QByteArray> sealed =
        record.sealedApiSecret.isEmpty() ? std::nullopt : std::optional<QByteArray>(record.sealedApiSecret);
    const Result<SqliteStatement*> upsert = m_database->prepare(QStringLiteral(
        "INSERT INTO terminal_profile (id, activation_step, activation_state, activation_code, "
        "pinpad_serial, "
        "terminal_id, merchant_id, merchant_name, api_key_id, api_secret_sealed, card_host, tmk_scheme, "
        "single_limit_fen, daily_limit_fen, fee_schedule_json, enabled_tenders, first_swipe_rrn, "
        "activated_ms, "
        "updated_ms) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        "?18) "
        "ON CONFLICT (id) DO UPDATE SET activation_step = ?1, activation_state = ?2, activation_code = ?3, "
        "pinpad_serial = ?4, terminal_id = ?5, merchant_id = ?6, merchant_name = ?7, api_key_id = ?8, "
        "api_secret_sealed = ?9, card_host = ?10, tmk_scheme = ?11, single_limit_fen = ?12, "
        "daily_limit_fen = ?13, fee_schedule_json = ?14, enabled_tenders = ?15, first_swipe_rrn = ?16, "
        "activated_ms = ?17, updated_ms = ?18"));
    if (!upsert)
        return Failure{upsert.error()};
    SqliteStatement& s = *upsert.value();
    s.bind(1, static_cast<qint64>(record.step))
        .bind(2, activationState(record.step))
        .bind(3, nullIfEmpty(record.activationCode))
        .bind(4, nullIfEmpty(record.pinPadSerial))
        .bind(5, nullIfEmpty(record.terminalId))
        .bind(6, nullIfEmpty(record.merchantId))
        .bind(7, nullIfEmpty(record.merchantName))
        .bind(8, nullIfEmpty(record.apiKeyId));
    if (sealed)
        s.bind(9, *sealed);
    else
        s.bind(9, nullptr);
    s.bind(10, nullIfEmpty(record.cardHost))
        .bind(11, nullIfEmpty(record.tmkScheme))
        .bind(12, record.singleLimitFen > 0 ? std::optional<qint64>(record.singleLimitFen) : std::nullopt)
        .bind(13, record.dailyLimitFen > 0 ? std::optional<qint64>(record.dailyLimitFen) : std::nullopt)
        .bind(14, nullIfEmpty(record.feeScheduleJson))
        .bind(15, record.enabledTenders.isEmpty() ? QStringLiteral("cash")
                                                  : record.enabledTenders.join(QLatin1Char(',')))
        .bind(16, nullIfEmpty(record.firstSwipeRrn))
        .bind(17, record.activatedMs > 0 ? std::optional<qint64>(record.activatedMs) : std::nullopt)
        .bind(18, nowMs);
    if (const Result<> ran = s.run(); !ran)
        return ran;
    if (previousStep != static_cast<int>(record.step)) {
        const QString resource = record.terminalId.isEmpty()
                                     ? QStringLiteral("terminal")
                                     : QStringLiteral("terminal:%1").arg(record.terminalId);
        if (const Result<qint64> audited =
                audit::append(*m_database, {nowMs, std::nullopt, QStringLiteral("terminal.activation_step"),
                                            true, QStringLiteral("pos"), resource,
                                            QStringLiteral("step=%1").arg(activationStepKey(record.step))});
            !audited)
            return Failure{audited.error()};
    }
    return transaction.commit();
}

} // namespace storage
} // namespace pos
