// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/validation/BankBins.h"

#include "core/CoreLog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pos {
namespace validation {
namespace {

struct MessageText
{
    Q_DECLARE_TR_FUNCTIONS(pos::validation::BankBins)
};

constexpr qsizetype kBinLength = 6;

Failure broken(const QString& detail)
{
    return fail(ErrorCode::InvalidInput, MessageText::tr("The bank card BIN table is damaged."), detail);
}

std::optional<CardKind> cardKindFromKey(const QString& key)
{
    if (key == QLatin1String("debit"))
        return CardKind::Debit;
    if (key == QLatin1String("credit"))
        return CardKind::Credit;
    if (key == QLatin1String("semi_credit"))
        return CardKind::SemiCredit;
    return std::nullopt;
}

bool allDigits(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    }
    return true;
}

} // namespace

QString cardKindKey(CardKind kind)
{
    switch (kind) {
    case CardKind::Debit: return QStringLiteral("debit");
    case CardKind::Credit: return QStringLiteral("credit");
    case CardKind::SemiCredit: return QStringLiteral("semi_credit");
    }
    return QStringLiteral("unknown");
}

Result<BinTable> BinTable::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return broken(QStringLiteral("not a JSON object: %1").arg(error.errorString()));
    const QJsonObject root = document.object();
    const QJsonObject banks = root.value(QStringLiteral("banks")).toObject();
    const QJsonObject sources = root.value(QStringLiteral("sources")).toObject();

    BinTable table;
    for (const QJsonValue& value : root.value(QStringLiteral("bins")).toArray()) {
        const QJsonObject item = value.toObject();
        BinEntry entry;
        entry.bin = item.value(QStringLiteral("bin")).toString();
        entry.bankCode = item.value(QStringLiteral("bank")).toString();
        entry.cardLength = item.value(QStringLiteral("length")).toInt();
        entry.source = item.value(QStringLiteral("source")).toString();
        if (entry.bin.size() != kBinLength || !allDigits(entry.bin))
            return broken(QStringLiteral("bin '%1' is not six digits").arg(entry.bin));
        const QJsonObject bank = banks.value(entry.bankCode).toObject();
        if (bank.isEmpty())
            return broken(QStringLiteral("bin %1: unknown bank '%2'").arg(entry.bin, entry.bankCode));
        entry.bankNameZh = bank.value(QStringLiteral("zh")).toString();
        entry.bankNameEn = bank.value(QStringLiteral("en")).toString();
        const std::optional<CardKind> kind = cardKindFromKey(item.value(QStringLiteral("kind")).toString());
        if (!kind)
            return broken(QStringLiteral("bin %1: unknown kind").arg(entry.bin));
        entry.kind = *kind;
        if (entry.source.isEmpty() || !sources.contains(entry.source))
            return broken(QStringLiteral("bin %1: no source").arg(entry.bin));
        if (table.m_entries.contains(entry.bin))
            return broken(QStringLiteral("bin %1 listed twice").arg(entry.bin));
        table.m_entries.insert(entry.bin, entry);
    }
    return table;
}

const BinTable& BinTable::builtIn()
{
    static const BinTable table = [] {
        QFile file(QStringLiteral(":/core/validation/bank-bins.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcCore) << "bank BIN table resource missing";
            Q_ASSERT_X(false, "BinTable::builtIn", "resource :/core/validation/bank-bins.json missing");
            return BinTable();
        }
        Result<BinTable> parsed = fromJson(file.readAll());
        if (!parsed) {
            qCWarning(lcCore) << "bank BIN table unusable:" << parsed.error().detail;
            Q_ASSERT_X(false, "BinTable::builtIn", "bank-bins.json does not parse");
            return BinTable();
        }
        return std::move(parsed).value();
    }();
    return table;
}

std::optional<BinEntry> BinTable::lookup(QStringView cardNumber) const
{
    if (cardNumber.size() < kBinLength)
        return std::nullopt;
    const auto it = m_entries.constFind(cardNumber.first(kBinLength).toString());
    if (it == m_entries.cend())
        return std::nullopt;
    return *it;
}

} // namespace validation
} // namespace pos
