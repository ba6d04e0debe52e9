// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/ledger/LedgerTypes.h"

namespace pos {

QString tenderKindKey(TenderKind kind)
{
    switch (kind) {
    case TenderKind::Cash: return QStringLiteral("cash");
    case TenderKind::Card: return QStringLiteral("card");
    case TenderKind::Qr: return QStringLiteral("qr");
    }
    return {};
}

QString userRoleKey(UserRole role)
{
    switch (role) {
    case UserRole::Owner: return QStringLiteral("owner");
    case UserRole::Supervisor: return QStringLiteral("supervisor");
    case UserRole::Cashier: return QStringLiteral("cashier");
    case UserRole::Installer: return QStringLiteral("installer");
    }
    return {};
}

QString cashMovementKindKey(CashMovementKind kind)
{
    switch (kind) {
    case CashMovementKind::CashIn: return QStringLiteral("cash_in");
    case CashMovementKind::CashOut: return QStringLiteral("cash_out");
    case CashMovementKind::NoSale: return QStringLiteral("no_sale");
    }
    return {};
}

QString cardTransactionTypeKey(CardTransactionType type)
{
    switch (type) {
    case CardTransactionType::Sale: return QStringLiteral("sale");
    case CardTransactionType::Void: return QStringLiteral("void");
    case CardTransactionType::Refund: return QStringLiteral("refund");
    case CardTransactionType::Activation: return QStringLiteral("activation");
    }
    return {};
}

QString qrChannelKey(QrChannel channel)
{
    switch (channel) {
    case QrChannel::WeChat: return QStringLiteral("wechat");
    case QrChannel::Alipay: return QStringLiteral("alipay");
    case QrChannel::UnionPay: return QStringLiteral("unionpay");
    }
    return {};
}

QString qrStateKey(QrState state)
{
    switch (state) {
    case QrState::Created: return QStringLiteral("created");
    case QrState::UserPaying: return QStringLiteral("user_paying");
    case QrState::Paid: return QStringLiteral("paid");
    case QrState::NotPaid: return QStringLiteral("not_paid");
    case QrState::Closed: return QStringLiteral("closed");
    case QrState::Unknown: return QStringLiteral("unknown");
    case QrState::Reversed: return QStringLiteral("reversed");
    case QrState::Refunded: return QStringLiteral("refunded");
    }
    return {};
}

} // namespace pos
