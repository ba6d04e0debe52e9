// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/OnboardingDraft.h"

#include "core/validation/ContactDetails.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <array>

namespace pos {
namespace activation {

namespace {

const std::array<const char*, onboardingPageCount> pageKeys = {
    "merchant", "licence", "tax", "legal", "settlement", "features", "agreement", "review"};
const std::array<const char*, featureCount> featureWires = {"swipe", "ic",     "contactless",
                                                            "qr",    "refund", "preauth"};

QString dateText(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QJsonObject attachmentJson(const Attachment& a)
{
    return QJsonObject{{QStringLiteral("fileName"), a.fileName},
                       {QStringLiteral("mime"), a.mime},
                       {QStringLiteral("sizeBytes"), a.sizeBytes},
                       {QStringLiteral("sha256"), a.sha256},
                       {QStringLiteral("documentId"), a.documentId}};
}

// The merchant object, the same in the persistence JSON and in the acquirer's application.
QJsonObject merchantJson(const MerchantDetails& m)
{
    const PostalAddress& a = m.address;
    return QJsonObject{{QStringLiteral("registeredName"), m.registeredName},
                       {QStringLiteral("shopName"), m.shopName},
                       {QStringLiteral("address"), QJsonObject{{QStringLiteral("province"), a.province},
                                                               {QStringLiteral("city"), a.city},
                                                               {QStringLiteral("district"), a.district},
                                                               {QStringLiteral("street"), a.street}}},
                       {QStringLiteral("contactName"), m.contactName},
                       {QStringLiteral("mobile"), m.mobile},
                       {QStringLiteral("mcc"), m.mcc}};
}

QJsonArray featuresJson(const QList<Feature>& features)
{
    QJsonArray out;
    for (Feature f : features)
        out.append(featureWire(f));
    return out;
}

QJsonArray feesJson(const QList<FeeRate>& fees)
{
    QJsonArray out;
    for (const FeeRate& fee : fees) {
        QJsonObject row{{QStringLiteral("tender"), fee.tender},
                        {QStringLiteral("rateBasisPoints"), fee.rateBasisPoints}};
        if (fee.capFen)
            row.insert(QStringLiteral("capFen"), *fee.capFen);
        out.append(row);
    }
    return out;
}

// Reads the persistence JSON with path-naming errors (draftFromJson's contract).
class Reader
{
public:
    QString text(const QJsonObject& o, const char* key, const QString& path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString())
            bad(path + QLatin1Char('.') + QLatin1String(key));
        return v.toString();
    }
    qint64 integer(const QJsonObject& o, const char* key, const QString& path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isDouble())
            bad(path + QLatin1Char('.') + QLatin1String(key));
        return static_cast<qint64>(v.toDouble());
    }
    bool flag(const QJsonObject& o, const char* key, const QString& path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isBool())
            bad(path + QLatin1Char('.') + QLatin1String(key));
        return v.toBool();
    }
    QJsonObject object(const QJsonObject& o, const char* key, const QString& path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isObject())
            bad(path + QLatin1Char('.') + QLatin1String(key));
        return v.toObject();
    }
    QJsonArray array(const QJsonObject& o, const char* key, const QString& path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isArray())
            bad(path + QLatin1Char('.') + QLatin1String(key));
        return v.toArray();
    }
    QDate date(const QJsonObject& o, const char* key, const QString& path)
    {
        const QString t = text(o, key, path);
        return t.isEmpty() ? QDate() : QDate::fromString(t, Qt::ISODate);
    }
    Attachment attachment(const QJsonObject& o, const char* key, const QString& path)
    {
        const QJsonObject a = object(o, key, path);
        const QString p = path + QLatin1Char('.') + QLatin1String(key);
        return Attachment{text(a, "fileName", p), text(a, "mime", p), integer(a, "sizeBytes", p),
                          text(a, "sha256", p), text(a, "documentId", p)};
    }
    QList<FeeRate> fees(const QJsonObject& o, const char* key, const QString& path)
    {
        QList<FeeRate> out;
        const QString p = path + QLatin1Char('.') + QLatin1String(key);
        for (const QJsonValue& v : array(o, key, path)) {
            const QJsonObject row = v.toObject();
            FeeRate fee{text(row, "tender", p), int(integer(row, "rateBasisPoints", p)), std::nullopt};
            if (row.contains(QLatin1String("capFen")))
                fee.capFen = integer(row, "capFen", p);
            out.append(fee);
        }
        return out;
    }
    void bad(const QString& path)
    {
        if (firstBadPath.isEmpty())
            firstBadPath = path;
    }
    QString firstBadPath;
};

} // namespace

QString onboardingPageKey(OnboardingPage page)
{
    return QString::fromLatin1(pageKeys.at(static_cast<std::size_t>(page)));
}

QString featureWire(Feature feature)
{
    return QString::fromLatin1(featureWires.at(static_cast<std::size_t>(feature)));
}

std::optional<Feature> featureFromWire(const QString& wire)
{
    for (int i = 0; i < featureCount; ++i) {
        if (wire == QLatin1String(featureWires.at(static_cast<std::size_t>(i))))
            return static_cast<Feature>(i);
    }
    return std::nullopt;
}

bool isTender(Feature feature)
{
    return feature == Feature::Swipe || feature == Feature::Ic || feature == Feature::Contactless ||
           feature == Feature::Qr;
}

const Attachment& OnboardingDraft::attachment(AttachmentKind kind) const
{
    switch (kind) {
    case AttachmentKind::Licence: return licence.scan;
    case AttachmentKind::IdFront: return legal.idFront;
    case AttachmentKind::IdBack: break;
    }
    return legal.idBack;
}

Attachment& OnboardingDraft::attachment(AttachmentKind kind)
{
    return const_cast<Attachment&>(std::as_const(*this).attachment(kind));
}

QJsonObject draftToJson(const OnboardingDraft& d)
{
    return QJsonObject{
        {QStringLiteral("clientReference"), d.clientReference},
        {QStringLiteral("lastCompletedPage"), d.lastCompletedPage},
        {QStringLiteral("merchant"), merchantJson(d.merchant)},
        {QStringLiteral("licence"),
         QJsonObject{{QStringLiteral("uscc"), d.licence.uscc},
                     {QStringLiteral("name"), d.licence.name},
                     {QStringLiteral("longTerm"), d.licence.longTerm},
                     {QStringLiteral("validUntil"), dateText(d.licence.validUntil)},
                     {QStringLiteral("scan"), attachmentJson(d.licence.scan)}}},
        {QStringLiteral("tax"), QJsonObject{{QStringLiteral("taxpayerType"), int(d.tax.taxpayerType)},
                                            {QStringLiteral("taxId"), d.tax.taxId}}},
        {QStringLiteral("legal"),
         QJsonObject{{QStringLiteral("name"), d.legal.name},
                     {QStringLiteral("idNumber"), d.legal.idNumber},
                     {QStringLiteral("idLongTerm"), d.legal.idLongTerm},
                     {QStringLiteral("idValidUntil"), dateText(d.legal.idValidUntil)},
                     {QStringLiteral("idFront"), attachmentJson(d.legal.idFront)},
                     {QStringLiteral("idBack"), attachmentJson(d.legal.idBack)}}},
        {QStringLiteral("settlement"),
         QJsonObject{{QStringLiteral("type"), int(d.settlement.type)},
                     {QStringLiteral("accountName"), d.settlement.accountName},
                     {QStringLiteral("accountNumber"), d.settlement.accountNumber},
                     {QStringLiteral("bank"), d.settlement.bank},
                     {QStringLiteral("branch"), d.settlement.branch}}},
        {QStringLiteral("features"), featuresJson(d.features)},
        {QStringLiteral("agreement"),
         QJsonObject{{QStringLiteral("version"), d.agreement.version},
                     {QStringLiteral("signedText"), d.agreement.signedText},
                     {QStringLiteral("textSha256"), d.agreement.textSha256},
                     {QStringLiteral("fees"), feesJson(d.agreement.fees)},
                     {QStringLiteral("settlementCycle"), d.agreement.settlementCycle},
                     {QStringLiteral("signedName"), d.agreement.signedName},
                     {QStringLiteral("signedAtMs"), d.agreement.signedAtMs}}},
    };
}

Result<OnboardingDraft> draftFromJson(const QJsonObject& json)
{
    Reader r;
    const QString root = QStringLiteral("draft");
    OnboardingDraft d;
    d.clientReference = r.text(json, "clientReference", root);
    d.lastCompletedPage = int(r.integer(json, "lastCompletedPage", root));

    const QJsonObject m = r.object(json, "merchant", root);
    const QString mp = root + QStringLiteral(".merchant");
    d.merchant.registeredName = r.text(m, "registeredName", mp);
    d.merchant.shopName = r.text(m, "shopName", mp);
    const QJsonObject a = r.object(m, "address", mp);
    const QString ap = mp + QStringLiteral(".address");
    d.merchant.address = {r.text(a, "province", ap), r.text(a, "city", ap), r.text(a, "district", ap),
                          r.text(a, "street", ap)};
    d.merchant.contactName = r.text(m, "contactName", mp);
    d.merchant.mobile = r.text(m, "mobile", mp);
    d.merchant.mcc = r.text(m, "mcc", mp);

    const QJsonObject l = r.object(json, "licence", root);
    const QString lp = root + QStringLiteral(".licence");
    d.licence.uscc = r.text(l, "uscc", lp);
    d.licence.name = r.text(l, "name", lp);
    d.licence.longTerm = r.flag(l, "longTerm", lp);
    d.licence.validUntil = r.date(l, "validUntil", lp);
    d.licence.scan = r.attachment(l, "scan", lp);

    const QJsonObject t = r.object(json, "tax", root);
    const QString tp = root + QStringLiteral(".tax");
    d.tax.taxpayerType =
        r.integer(t, "taxpayerType", tp) == 1 ? TaxpayerType::General : TaxpayerType::SmallScale;
    d.tax.taxId = r.text(t, "taxId", tp);

    const QJsonObject g = r.object(json, "legal", root);
    const QString gp = root + QStringLiteral(".legal");
    d.legal.name = r.text(g, "name", gp);
    d.legal.idNumber = r.text(g, "idNumber", gp);
    d.legal.idLongTerm = r.flag(g, "idLongTerm", gp);
    d.legal.idValidUntil = r.date(g, "idValidUntil", gp);
    d.legal.idFront = r.attachment(g, "idFront", gp);
    d.legal.idBack = r.attachment(g, "idBack", gp);

    const QJsonObject s = r.object(json, "settlement", root);
    const QString sp = root + QStringLiteral(".settlement");
    d.settlement.type = r.integer(s, "type", sp) == 1 ? AccountType::Personal : AccountType::Corporate;
    d.settlement.accountName = r.text(s, "accountName", sp);
    d.settlement.accountNumber = r.text(s, "accountNumber", sp);
    d.settlement.bank = r.text(s, "bank", sp);
    d.settlement.branch = r.text(s, "branch", sp);

    for (const QJsonValue& v : r.array(json, "features", root)) {
        const std::optional<Feature> f = featureFromWire(v.toString());
        if (!f)
            r.bad(root + QStringLiteral(".features"));
        else if (!d.features.contains(*f))
            d.features.append(*f);
    }

    const QJsonObject g2 = r.object(json, "agreement", root);
    const QString gp2 = root + QStringLiteral(".agreement");
    d.agreement.version = r.text(g2, "version", gp2);
    d.agreement.signedText = r.text(g2, "signedText", gp2);
    d.agreement.textSha256 = r.text(g2, "textSha256", gp2);
    d.agreement.fees = r.fees(g2, "fees", gp2);
    d.agreement.settlementCycle = r.text(g2, "settlementCycle", gp2);
    d.agreement.signedName = r.text(g2, "signedName", gp2);
    d.agreement.signedAtMs = r.integer(g2, "signedAtMs", gp2);

    if (!r.firstBadPath.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("pos::activation::OnboardingDraft",
                                                "The saved application could not be read."),
                    QStringLiteral("draft JSON: missing or ill-typed %1").arg(r.firstBadPath));
    return d;
}

namespace {

// The names the acquirer compares go out in the form the wizard's checks compare (validateBusinessName /
// validatePersonName: licence-style （） brackets, collapsed spaces), so a name the page accepted is never
// rejected for its spelling noise; an invalid name goes out as typed (the acquirer explains it).
QString businessNameForm(const QString& typed)
{
    const validation::ValidationResult name = validation::validateBusinessName(typed);
    return name.valid ? name.normalized : typed;
}

QString personNameForm(const QString& typed)
{
    const validation::ValidationResult name = validation::validatePersonName(typed);
    return name.valid ? name.normalized : typed;
}

// The account holder's name: the expected holder's own form when the page's check found them equal (Latin
// letters compare case-insensitively there), else as typed.
QString accountNameForm(const OnboardingDraft& d)
{
    const bool personal = d.settlement.type == AccountType::Personal;
    const QString& expected = personal ? d.legal.name : d.licence.name;
    const validation::ValidationResult match = validation::validateAccountName(
        d.settlement.accountName, expected,
        personal ? validation::AccountHolder::LegalRepresentative : validation::AccountHolder::Company);
    if (!match.valid)
        return d.settlement.accountName;
    return personal ? personNameForm(expected) : businessNameForm(expected);
}

} // namespace

Result<QJsonObject> applicationJson(const OnboardingDraft& d)
{
    for (int k = 0; k < attachmentKindCount; ++k) {
        if (d.attachment(static_cast<AttachmentKind>(k)).documentId.isEmpty())
            return fail(ErrorCode::InvalidInput,
                        QCoreApplication::translate("pos::activation::OnboardingDraft",
                                                    "A document has not been uploaded yet."),
                        QStringLiteral("attachment %1 has no documentId").arg(k));
    }
    const auto validity = [](bool longTerm, const QDate& date) {
        return longTerm ? QStringLiteral("long-term") : dateText(date);
    };
    return QJsonObject{
        {QStringLiteral("clientReference"), d.clientReference},
        {QStringLiteral("merchant"), merchantJson(d.merchant)},
        {QStringLiteral("licence"),
         QJsonObject{{QStringLiteral("uscc"), d.licence.uscc},
                     {QStringLiteral("name"), businessNameForm(d.licence.name)},
                     {QStringLiteral("validUntil"), validity(d.licence.longTerm, d.licence.validUntil)},
                     {QStringLiteral("documentId"), d.licence.scan.documentId}}},
        {QStringLiteral("tax"),
         QJsonObject{{QStringLiteral("taxpayerType"), d.tax.taxpayerType == TaxpayerType::General
                                                          ? QStringLiteral("general")
                                                          : QStringLiteral("small-scale")},
                     {QStringLiteral("taxId"), d.tax.taxId}}},
        {QStringLiteral("legalRepresentative"),
         QJsonObject{{QStringLiteral("name"), personNameForm(d.legal.name)},
                     {QStringLiteral("idNumber"), d.legal.idNumber},
                     {QStringLiteral("idValidUntil"), validity(d.legal.idLongTerm, d.legal.idValidUntil)},
                     {QStringLiteral("idFrontDocumentId"), d.legal.idFront.documentId},
                     {QStringLiteral("idBackDocumentId"), d.legal.idBack.documentId}}},
        {QStringLiteral("settlement"),
         QJsonObject{{QStringLiteral("accountType"), d.settlement.type == AccountType::Personal
                                                         ? QStringLiteral("personal")
                                                         : QStringLiteral("corporate")},
                     {QStringLiteral("accountName"), accountNameForm(d)},
                     {QStringLiteral("accountNumber"), d.settlement.accountNumber},
                     {QStringLiteral("bank"), d.settlement.bank},
                     {QStringLiteral("branch"), d.settlement.branch}}},
        {QStringLiteral("features"), featuresJson(d.features)},
        {QStringLiteral("agreement"), QJsonObject{{QStringLiteral("version"), d.agreement.version},
                                                  {QStringLiteral("textSha256"), d.agreement.textSha256},
                                                  {QStringLiteral("signedName"), d.agreement.signedName},
                                                  {QStringLiteral("signedAtMs"), d.agreement.signedAtMs}}},
    };
}

OnboardingPage pageForField(const QString& fieldPath)
{
    const QString head = fieldPath.section(QLatin1Char('.'), 0, 0);
    if (head == QLatin1String("merchant"))
        return OnboardingPage::Merchant;
    if (head == QLatin1String("licence"))
        return OnboardingPage::Licence;
    if (head == QLatin1String("tax"))
        return OnboardingPage::Tax;
    if (head == QLatin1String("legalRepresentative"))
        return OnboardingPage::LegalRepresentative;
    if (head == QLatin1String("settlement"))
        return OnboardingPage::Settlement;
    if (head == QLatin1String("features"))
        return OnboardingPage::Features;
    if (head == QLatin1String("agreement"))
        return OnboardingPage::Agreement;
    return OnboardingPage::Review;
}

} // namespace activation
} // namespace pos
