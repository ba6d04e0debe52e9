// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/ledger/HostQueueTypes.h"

#include <algorithm>
#include <array>
#include <utility>

namespace pos {

namespace {

constexpr std::array<std::pair<OutboxKind, const char*>, 6> outboxKinds = {{
    {OutboxKind::Reversal, "reversal"},
    {OutboxKind::Advice, "advice"},
    {OutboxKind::BatchUpload, "batch_upload"},
    {OutboxKind::OnboardingSubmission, "onboarding_submission"},
    {OutboxKind::QrQuery, "qr_query"},
    {OutboxKind::QrReverse, "qr_reverse"},
}};

constexpr std::array<std::pair<PrintJobKind, const char*>, 5> printJobKinds = {{
    {PrintJobKind::SaleReceipt, "sale_receipt"},
    {PrintJobKind::CardSlipMerchant, "card_slip_merchant"},
    {PrintJobKind::CardSlipCustomer, "card_slip_customer"},
    {PrintJobKind::Report, "report"},
    {PrintJobKind::ActivationSlip, "activation_slip"},
}};

template <typename Enum, std::size_t N>
QString keyOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value)
{
    const auto found =
        std::find_if(table.begin(), table.end(), [value](const auto& entry) { return entry.first == value; });
    return found == table.end() ? QString() : QString::fromLatin1(found->second);
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& table, const QString& key)
{
    const auto found = std::find_if(table.begin(), table.end(),
                                    [&key](const auto& entry) { return key == QLatin1String(entry.second); });
    return found == table.end() ? std::nullopt : std::optional<Enum>(found->first);
}

} // namespace

QString outboxKindKey(OutboxKind kind)
{
    return keyOf(outboxKinds, kind);
}

std::optional<OutboxKind> outboxKindFromKey(const QString& key)
{
    return valueOf(outboxKinds, key);
}

QString printJobKindKey(PrintJobKind kind)
{
    return keyOf(printJobKinds, kind);
}

std::optional<PrintJobKind> printJobKindFromKey(const QString& key)
{
    return valueOf(printJobKinds, key);
}

qint64 RetryPolicy::delayAfter(int attempts) const
{
    const qint64 first = std::max<qint64>(firstDelayMs, 0);
    const qint64 cap = std::max(maxDelayMs, first);
    qint64 delay = first;
    for (int i = 1; i < attempts && delay < cap; ++i)
        delay = delay > cap / 2 ? cap : delay * 2;
    return std::min(delay, cap);
}

} // namespace pos
