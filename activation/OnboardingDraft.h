// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The merchant's onboarding application (product.md §2) as one value object: what the wizard edits page by
// page, what the onboarding service persists (sealed, AES-256-GCM) after every page and turns into the
// acquirer's application JSON (docs/acquirer-api.md "Onboarding"). Plain data, no I/O, no Qt Widgets.
// Personal data (ID number, account number, scans) lives here in clear only in memory; attachments carry
// metadata only, their bytes are kept sealed by the service.
namespace pos {
namespace activation {

// The wizard's pages in order. Stored as int in the draft (lastCompletedPage): append only.
enum class OnboardingPage {
    Merchant = 0,
    Licence,
    Tax,
    LegalRepresentative,
    Settlement,
    Features,
    Agreement,
    Review,
};
inline constexpr int onboardingPageCount = 8;
QString onboardingPageKey(OnboardingPage page); // "merchant", "licence", "tax", "legal", "settlement", ...

// The documents the acquirer wants. Wire names: docs/acquirer-api.md ("licence", "id-front", "id-back").
enum class AttachmentKind { Licence = 0, IdFront, IdBack };
inline constexpr int attachmentKindCount = 3;

// Metadata of one attached scan. The bytes are sealed by the service under storedId; documentId is the
// acquirer's id once uploaded (empty before), valid for the same sha256 only.
struct Attachment
{
    QString fileName; // the file's base name as picked, for display
    QString mime;     // sniffed: image/jpeg, image/png or application/pdf
    qint64 sizeBytes = 0;
    QString sha256; // 64 lowercase hex of the bytes
    QString documentId;

    bool isEmpty() const { return sha256.isEmpty(); }
    bool operator==(const Attachment&) const = default;
};

struct PostalAddress
{
    QString province;
    QString city;
    QString district;
    QString street;
    bool operator==(const PostalAddress&) const = default;
};

struct MerchantDetails
{
    QString registeredName;
    QString shopName; // signboard name
    PostalAddress address;
    QString contactName;
    QString mobile; // normalised 11 digits once valid
    QString mcc;    // four digits, from mccCatalogue()
    bool operator==(const MerchantDetails&) const = default;
};

struct LicenceDetails
{
    QString uscc;
    QString name; // as printed on the licence
    bool longTerm = false;
    QDate validUntil; // ignored when longTerm
    Attachment scan;
    bool operator==(const LicenceDetails&) const = default;
};

enum class TaxpayerType { SmallScale = 0, General };

struct TaxDetails
{
    TaxpayerType taxpayerType = TaxpayerType::SmallScale;
    QString taxId; // equals the USCC after 三证合一
    bool operator==(const TaxDetails&) const = default;
};

struct LegalRepresentative
{
    QString name;
    QString idNumber; // personal: sealed at rest, masked on screen outside editing
    bool idLongTerm = false;
    QDate idValidUntil;
    Attachment idFront;
    Attachment idBack;
    bool operator==(const LegalRepresentative&) const = default;
};

enum class AccountType { Corporate = 0, Personal };

struct SettlementAccount
{
    AccountType type = AccountType::Corporate;
    QString accountName;
    QString accountNumber; // personal: sealed at rest, masked on screen outside editing
    QString bank;
    QString branch; // 开户行
    bool operator==(const SettlementAccount&) const = default;
};

// Requested functions; the tenders are the first four. Wire names: "swipe", "ic", "contactless", "qr",
// "refund", "preauth".
enum class Feature { Swipe = 0, Ic, Contactless, Qr, Refund, PreAuth };
inline constexpr int featureCount = 6;
QString featureWire(Feature feature);
std::optional<Feature> featureFromWire(const QString& wire);
bool isTender(Feature feature);

// One fee line of the acquirer's agreement, e.g. debit 50 bp capped at 2000 fen.
struct FeeRate
{
    QString tender; // "debit", "credit", "qr", ... as the acquirer names it
    int rateBasisPoints = 0;
    std::optional<qint64> capFen;
    bool operator==(const FeeRate&) const = default;
};

// What the acquirer offers to sign (fetched, never hard-coded).
struct AgreementOffer
{
    QString version;
    QString text; // the full agreement text shown to the merchant
    QList<FeeRate> fees;
    QStringList settlementCycles; // "T+1", "D0"
    bool operator==(const AgreementOffer&) const = default;
};

// The e-signature: typed name + tick box over exactly this text. textSha256 = lowercase hex SHA-256 of the
// UTF-8 text; the signed text itself is kept too (what the merchant agreed to).
struct AgreementSignature
{
    QString version;
    QString signedText;
    QString textSha256;
    QList<FeeRate> fees;
    QString settlementCycle;
    QString signedName;
    qint64 signedAtMs = 0; // 0 = not signed
    bool isSigned() const { return signedAtMs > 0; }
    bool operator==(const AgreementSignature&) const = default;
};

struct OnboardingDraft
{
    QString clientReference; // idempotency key of the application: chosen once, never changed
    int lastCompletedPage = -1;
    MerchantDetails merchant;
    LicenceDetails licence;
    TaxDetails tax;
    LegalRepresentative legal;
    SettlementAccount settlement;
    QList<Feature> features;
    AgreementSignature agreement;

    const Attachment& attachment(AttachmentKind kind) const;
    Attachment& attachment(AttachmentKind kind);
    bool operator==(const OnboardingDraft&) const = default;
};

// Persistence form (the sealed blob's plaintext): every field, attachments' metadata included.
QJsonObject draftToJson(const OnboardingDraft& draft);
// Unknown keys are ignored; a missing or ill-typed known key fails InvalidInput naming its path.
Result<OnboardingDraft> draftFromJson(const QJsonObject& json);

// The acquirer's application body (docs/acquirer-api.md), document ids from the attachments. Fails
// InvalidInput when an attachment has no documentId yet.
Result<QJsonObject> applicationJson(const OnboardingDraft& draft);

// One problem of one field, for inline display. field is the contract's JSON path ("licence.uscc",
// "settlement.accountName", "features", "legalRepresentative.idFrontDocumentId"...), the same paths the
// acquirer's rejection reasons use; reasonKey is validation::reasonKey() or "required", "expired",
// "inconsistent", "too_large", "bad_type", "not_signed", "no_tender".
struct FieldIssue
{
    QString field;
    QString reasonKey;
    QString message; // translated
    bool operator==(const FieldIssue&) const = default;
};

// Every problem of page's fields (empty = the page may be left). today: for validity dates and birth dates.
QList<FieldIssue> validatePage(OnboardingPage page, const OnboardingDraft& draft, QDate today);
// The page that shows a contract field path (for the acquirer's rejection reasons); Review when unknown.
OnboardingPage pageForField(const QString& fieldPath);

// Merchant category codes a shop may choose from (product.md §2: the merchant's real business, no 跳码).
struct MccEntry
{
    QString code;        // "5411"
    QString description; // translated
};
QList<MccEntry> mccCatalogue();

} // namespace activation
} // namespace pos
