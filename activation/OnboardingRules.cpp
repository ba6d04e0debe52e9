// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// validatePage() and the MCC catalogue of OnboardingDraft.h: product.md §2's validation column, page by page,
// on top of the validators of core/validation.
#include "activation/OnboardingDraft.h"
#include "core/crypto/CryptoPrimitives.h"
#include "core/validation/BankAccounts.h"
#include "core/validation/ChineseIds.h"
#include "core/validation/ContactDetails.h"

#include <QCoreApplication>

namespace pos {
namespace activation {

namespace {

struct RuleText
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::OnboardingRules)
};

class Issues
{
public:
    explicit Issues(QList<FieldIssue>& out) : m_out(out) {}

    // Adds the validator's own reason and message when invalid; true when valid.
    bool check(const QString& field, const validation::ValidationResult& result)
    {
        if (result.valid)
            return true;
        m_out.append({field, validation::reasonKey(result.reason), result.message});
        return false;
    }
    void add(const QString& field, const char* reason, const QString& message)
    {
        m_out.append({field, QString::fromLatin1(reason), message});
    }
    void required(const QString& field, const QString& what)
    {
        add(field, "required", RuleText::tr("%1 is required.").arg(what));
    }
    void attachment(const QString& field, const Attachment& a, const QString& what)
    {
        if (a.isEmpty()) {
            add(field, "required", RuleText::tr("Attach a photo or scan of the %1.").arg(what));
            return;
        }
        static const QStringList allowed{QStringLiteral("image/jpeg"), QStringLiteral("image/png"),
                                         QStringLiteral("application/pdf")};
        if (!allowed.contains(a.mime))
            add(field, "bad_type",
                RuleText::tr("The %1 must be a JPEG or PNG image or a PDF file.").arg(what));
        else if (a.sizeBytes > 10 * 1024 * 1024)
            add(field, "too_large", RuleText::tr("The %1 file is larger than 10 MB.").arg(what));
    }
    void
    validity(const QString& field, bool longTerm, const QDate& until, const QDate& today, const QString& what)
    {
        if (longTerm)
            return;
        if (!until.isValid())
            add(field, "required",
                RuleText::tr("Enter the validity date of the %1, or tick long-term.").arg(what));
        else if (until < today)
            add(field, "expired",
                RuleText::tr("The %1 expired on %2.").arg(what, until.toString(Qt::ISODate)));
    }

private:
    QList<FieldIssue>& m_out;
};

void merchantPage(const OnboardingDraft& d, Issues& issues)
{
    const MerchantDetails& m = d.merchant;
    issues.check(QStringLiteral("merchant.registeredName"),
                 validation::validateBusinessName(m.registeredName));
    issues.check(QStringLiteral("merchant.shopName"), validation::validateBusinessName(m.shopName));
    const struct
    {
        const char* field;
        const QString& value;
        QString what;
    } address[] = {
        {"merchant.address.province", m.address.province, RuleText::tr("The province")},
        {"merchant.address.city", m.address.city, RuleText::tr("The city")},
        {"merchant.address.district", m.address.district, RuleText::tr("The district")},
        {"merchant.address.street", m.address.street, RuleText::tr("The street address")},
    };
    for (const auto& part : address) {
        if (part.value.trimmed().isEmpty())
            issues.required(QString::fromLatin1(part.field), part.what);
    }
    issues.check(QStringLiteral("merchant.contactName"), validation::validatePersonName(m.contactName));
    issues.check(QStringLiteral("merchant.mobile"), validation::validateMobile(m.mobile));
    bool known = false;
    for (const MccEntry& entry : mccCatalogue())
        known = known || entry.code == m.mcc;
    if (!known)
        issues.add(QStringLiteral("merchant.mcc"), "required",
                   RuleText::tr("Choose the category of business the shop really does."));
}

void licencePage(const OnboardingDraft& d, const QDate& today, Issues& issues)
{
    const LicenceDetails& l = d.licence;
    issues.check(QStringLiteral("licence.uscc"), validation::validateUscc(l.uscc));
    const validation::ValidationResult name = validation::validateBusinessName(l.name);
    if (issues.check(QStringLiteral("licence.name"), name)) {
        const validation::ValidationResult registered =
            validation::validateBusinessName(d.merchant.registeredName);
        if (registered.valid && registered.normalized != name.normalized)
            issues.add(
                QStringLiteral("licence.name"), "inconsistent",
                RuleText::tr("The name on the licence differs from the registered name on the first page."));
    }
    issues.validity(QStringLiteral("licence.validUntil"), l.longTerm, l.validUntil, today,
                    RuleText::tr("business licence"));
    issues.attachment(QStringLiteral("licence.documentId"), l.scan, RuleText::tr("business licence"));
}

void taxPage(const OnboardingDraft& d, Issues& issues)
{
    const validation::ValidationResult taxId = validation::validateUscc(d.tax.taxId);
    if (!issues.check(QStringLiteral("tax.taxId"), taxId))
        return;
    const validation::ValidationResult uscc = validation::validateUscc(d.licence.uscc);
    if (uscc.valid && uscc.normalized != taxId.normalized)
        issues.add(QStringLiteral("tax.taxId"), "inconsistent",
                   RuleText::tr("The tax id must be the licence's unified social credit code."));
}

void legalPage(const OnboardingDraft& d, const QDate& today, Issues& issues)
{
    const LegalRepresentative& g = d.legal;
    issues.check(QStringLiteral("legalRepresentative.name"), validation::validatePersonName(g.name));
    issues.check(QStringLiteral("legalRepresentative.idNumber"),
                 validation::validateResidentId(g.idNumber, today));
    issues.validity(QStringLiteral("legalRepresentative.idValidUntil"), g.idLongTerm, g.idValidUntil, today,
                    RuleText::tr("identity card"));
    issues.attachment(QStringLiteral("legalRepresentative.idFrontDocumentId"), g.idFront,
                      RuleText::tr("front of the identity card"));
    issues.attachment(QStringLiteral("legalRepresentative.idBackDocumentId"), g.idBack,
                      RuleText::tr("back of the identity card"));
}

void settlementPage(const OnboardingDraft& d, Issues& issues)
{
    const SettlementAccount& s = d.settlement;
    const bool personal = s.type == AccountType::Personal;
    issues.check(QStringLiteral("settlement.accountNumber"),
                 personal ? validation::validateBankCard(s.accountNumber)
                          : validation::validateCorporateAccount(s.accountNumber));
    issues.check(QStringLiteral("settlement.accountName"),
                 validation::validateAccountName(s.accountName, personal ? d.legal.name : d.licence.name,
                                                 personal ? validation::AccountHolder::LegalRepresentative
                                                          : validation::AccountHolder::Company));
    if (s.bank.trimmed().isEmpty())
        issues.required(QStringLiteral("settlement.bank"), RuleText::tr("The bank"));
    if (s.branch.trimmed().isEmpty())
        issues.required(QStringLiteral("settlement.branch"), RuleText::tr("The branch (开户行)"));
}

void featuresPage(const OnboardingDraft& d, Issues& issues)
{
    for (Feature f : d.features) {
        if (isTender(f))
            return;
    }
    issues.add(QStringLiteral("features"), "no_tender",
               RuleText::tr("Choose at least one way to take payments (swipe, chip, contactless or QR)."));
}

void agreementPage(const OnboardingDraft& d, Issues& issues)
{
    const AgreementSignature& a = d.agreement;
    if (!a.isSigned() || a.version.isEmpty() || a.signedText.isEmpty()) {
        issues.add(QStringLiteral("agreement.signedName"), "not_signed",
                   RuleText::tr("Read the agreement, type your name and tick the box to sign it."));
        return;
    }
    const Result<QByteArray> hash = crypto::sha256(a.signedText.toUtf8());
    if (!hash || QString::fromLatin1(hash.value().toHex()) != a.textSha256)
        issues.add(QStringLiteral("agreement.textSha256"), "inconsistent",
                   RuleText::tr("The signed text changed after signing. Sign the agreement again."));
    if (a.settlementCycle.isEmpty())
        issues.required(QStringLiteral("agreement.settlementCycle"), RuleText::tr("The settlement cycle"));
    issues.check(QStringLiteral("agreement.signedName"),
                 validation::validateAccountName(a.signedName, d.legal.name,
                                                 validation::AccountHolder::LegalRepresentative));
}

} // namespace

QList<FieldIssue> validatePage(OnboardingPage page, const OnboardingDraft& draft, QDate today)
{
    QList<FieldIssue> out;
    Issues issues(out);
    switch (page) {
    case OnboardingPage::Merchant: merchantPage(draft, issues); break;
    case OnboardingPage::Licence: licencePage(draft, today, issues); break;
    case OnboardingPage::Tax: taxPage(draft, issues); break;
    case OnboardingPage::LegalRepresentative: legalPage(draft, today, issues); break;
    case OnboardingPage::Settlement: settlementPage(draft, issues); break;
    case OnboardingPage::Features: featuresPage(draft, issues); break;
    case OnboardingPage::Agreement: agreementPage(draft, issues); break;
    case OnboardingPage::Review:
        for (int p = 0; p < int(OnboardingPage::Review); ++p)
            out.append(validatePage(static_cast<OnboardingPage>(p), draft, today));
        break;
    }
    return out;
}

QList<MccEntry> mccCatalogue()
{
    return {
        {QStringLiteral("5411"), RuleText::tr("Supermarket or grocery store")},
        {QStringLiteral("5499"), RuleText::tr("Convenience store or food shop")},
        {QStringLiteral("5812"), RuleText::tr("Restaurant")},
        {QStringLiteral("5814"), RuleText::tr("Fast food or snack shop")},
        {QStringLiteral("5912"), RuleText::tr("Pharmacy")},
        {QStringLiteral("5311"), RuleText::tr("Department store")},
        {QStringLiteral("5651"), RuleText::tr("Clothing store")},
        {QStringLiteral("5661"), RuleText::tr("Shoe store")},
        {QStringLiteral("5732"), RuleText::tr("Electronics store")},
        {QStringLiteral("5942"), RuleText::tr("Book store")},
        {QStringLiteral("5945"), RuleText::tr("Toy store")},
        {QStringLiteral("5992"), RuleText::tr("Florist")},
        {QStringLiteral("5995"), RuleText::tr("Pet shop")},
        {QStringLiteral("7230"), RuleText::tr("Hairdresser or beauty salon")},
        {QStringLiteral("5999"), RuleText::tr("Other retail shop")},
    };
}

} // namespace activation
} // namespace pos
