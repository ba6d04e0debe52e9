// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/validation/BankAccounts.h"

#include <QCoreApplication>
#include <QLocale>

namespace pos {
namespace validation {
namespace {

struct MessageText
{
    Q_DECLARE_TR_FUNCTIONS(pos::validation::BankAccounts)
};

constexpr int kCardMinLength = 12;
constexpr int kCardMaxLength = 19;
constexpr int kCorporateMinLength = 8;
constexpr int kCorporateMaxLength = 30;

ValidationResult invalid(Reason reason, QString message, QString normalized, QVariantMap details = {})
{
    return ValidationResult{false, reason, std::move(message), std::move(normalized), std::move(details)};
}

// The first character that is not an ASCII digit, or -1.
qsizetype firstNonDigit(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).unicode() < u'0' || text.at(i).unicode() > u'9')
            return i;
    }
    return -1;
}

ValidationResult badCharacter(const QString& number, qsizetype index)
{
    return invalid(Reason::BadCharacter,
                   MessageText::tr("Character %1 (“%2”) is not a digit: an account number has digits only.")
                       .arg(index + 1)
                       .arg(number.at(index)),
                   number,
                   {{QStringLiteral("position"), static_cast<int>(index + 1)},
                    {QStringLiteral("character"), QString(number.at(index))}});
}

// The bank's name in the language of the default locale (the UI language).
QString bankDisplayName(const BinEntry& entry)
{
    return QLocale().language() == QLocale::Chinese ? entry.bankNameZh : entry.bankNameEn;
}

void addBank(QVariantMap& details, const BinEntry& entry)
{
    details.insert(QStringLiteral("bankCode"), entry.bankCode);
    details.insert(QStringLiteral("bank"), entry.bankNameZh);
    details.insert(QStringLiteral("bankEn"), entry.bankNameEn);
    details.insert(QStringLiteral("cardKind"), cardKindKey(entry.kind));
}

} // namespace

bool passesLuhn(QStringView digits)
{
    if (digits.size() < 2 || firstNonDigit(digits) >= 0)
        return false;
    int sum = 0;
    bool doubleIt = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int value = digits.at(i).unicode() - u'0';
        if (doubleIt) {
            value *= 2;
            if (value > 9)
                value -= 9;
        }
        sum += value;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

ValidationResult validateBankCard(QStringView input, const BinTable& bins)
{
    const QString number = compactIdentifier(input, false);
    if (number.isEmpty())
        return invalid(Reason::Empty, MessageText::tr("Enter the bank card number."), number);
    if (const qsizetype bad = firstNonDigit(number); bad >= 0)
        return badCharacter(number, bad);
    if (number.size() < kCardMinLength || number.size() > kCardMaxLength) {
        return invalid(Reason::BadLength,
                       MessageText::tr("A bank card number has 12 to 19 digits; this one has %n.", nullptr,
                                       static_cast<int>(number.size())),
                       number,
                       {{QStringLiteral("length"), static_cast<int>(number.size())},
                        {QStringLiteral("minLength"), kCardMinLength},
                        {QStringLiteral("maxLength"), kCardMaxLength}});
    }
    if (!passesLuhn(number)) {
        return invalid(Reason::LuhnFailure,
                       MessageText::tr("The card number fails its check digit (Luhn): at least one digit is "
                                       "wrong or two digits are swapped."),
                       number);
    }
    QVariantMap details{{QStringLiteral("bin"), number.first(6)}};
    const std::optional<BinEntry> entry = bins.lookup(number);
    details.insert(QStringLiteral("bankKnown"), entry.has_value());
    if (!entry) {
        details.insert(QStringLiteral("bank"), QStringLiteral("unknown"));
        return ValidationResult{true, Reason::Valid,
                                MessageText::tr("Valid card number. Its bank is not in the built-in list: "
                                                "choose the bank by hand."),
                                number, std::move(details)};
    }
    addBank(details, *entry);
    details.insert(QStringLiteral("binSource"), entry->source);
    return ValidationResult{true, Reason::Valid,
                            MessageText::tr("Valid card number (%1).").arg(bankDisplayName(*entry)), number,
                            std::move(details)};
}

ValidationResult validateCorporateAccount(QStringView input, const BinTable& bins)
{
    const QString number = compactIdentifier(input, false);
    if (number.isEmpty())
        return invalid(Reason::Empty, MessageText::tr("Enter the corporate account number."), number);
    if (const qsizetype bad = firstNonDigit(number); bad >= 0)
        return badCharacter(number, bad);
    QVariantMap details{{QStringLiteral("length"), static_cast<int>(number.size())}};
    if (number.size() < kCorporateMinLength || number.size() > kCorporateMaxLength) {
        details.insert(QStringLiteral("minLength"), kCorporateMinLength);
        details.insert(QStringLiteral("maxLength"), kCorporateMaxLength);
        return invalid(Reason::BadLength,
                       MessageText::tr("A corporate account number has 8 to 30 digits; this one has %n.",
                                       nullptr, static_cast<int>(number.size())),
                       number, std::move(details));
    }
    const std::optional<BinEntry> entry = bins.lookup(number);
    if (entry && entry->cardLength == number.size() && passesLuhn(number)) {
        addBank(details, *entry);
        return invalid(
            Reason::LooksLikePersonalCard,
            MessageText::tr("This looks like a personal bank card of %1; a settlement account for a "
                            "company must be a corporate account (对公账户).")
                .arg(bankDisplayName(*entry)),
            number, std::move(details));
    }
    return ValidationResult{true, Reason::Valid, MessageText::tr("Valid corporate account number."), number,
                            std::move(details)};
}

} // namespace validation
} // namespace pos
