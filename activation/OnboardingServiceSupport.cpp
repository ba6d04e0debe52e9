// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/OnboardingServiceSupport.h"

#include "activation/AttachmentFile.h"
#include "core/crypto/Aes256Gcm.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pos {
namespace activation {
namespace detail {
namespace {

struct SupportText
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::OnboardingService)
};

} // namespace

std::optional<OnboardingStatus> statusFromKey(const QString& key)
{
    for (int s = 0; s <= static_cast<int>(OnboardingStatus::Rejected); ++s) {
        if (onboardingStatusKey(static_cast<OnboardingStatus>(s)) == key)
            return static_cast<OnboardingStatus>(s);
    }
    return std::nullopt;
}

bool isEditable(OnboardingStatus status)
{
    return status == OnboardingStatus::Draft || status == OnboardingStatus::Rejected;
}

Result<OnboardingDraft> openDraft(QByteArrayView key, const QByteArray& sealed)
{
    if (sealed.isEmpty())
        return OnboardingDraft{};
    Result<QByteArray> clear = crypto::aes256GcmOpen(key, sealed, draftAad);
    if (!clear)
        return Failure{clear.error()};
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(clear.value(), &error);
    crypto::secureWipe(clear.value());
    if (!document.isObject())
        return fail(ErrorCode::StorageCorrupt, SupportText::tr("The saved application could not be read."),
                    QStringLiteral("sealed draft is not a JSON object: %1").arg(error.errorString()));
    return draftFromJson(document.object());
}

Result<QByteArray>
openAttachment(QByteArrayView key, const QString& keyId, const StoredAttachment& stored, AttachmentKind kind)
{
    if (stored.keyId != keyId)
        return fail(ErrorCode::CryptoFailure,
                    SupportText::tr("The saved document was protected with another key and cannot be read. "
                                    "Attach it again."),
                    QStringLiteral("attachment %1 under key id %2, current %3")
                        .arg(stored.kind, stored.keyId, keyId));
    return crypto::aes256GcmOpen(key, stored.sealedBytes, attachmentAad(kind));
}

Failure noAttachment(AttachmentKind kind)
{
    return fail(ErrorCode::NotFound, SupportText::tr("The document has not been attached yet."),
                QStringLiteral("no stored attachment %1").arg(attachmentKindWire(kind)));
}

QString reasonsToJson(const QList<ReviewReason>& reasons)
{
    if (reasons.isEmpty())
        return {};
    QJsonArray array;
    for (const ReviewReason& reason : reasons)
        array.append(QJsonObject{{QStringLiteral("code"), reason.code},
                                 {QStringLiteral("field"), reason.field},
                                 {QStringLiteral("message"), reason.message}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ReviewReason> reasonsFromJson(const QString& json)
{
    QList<ReviewReason> reasons;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        ReviewReason reason;
        reason.code = object.value(QStringLiteral("code")).toString();
        reason.field = object.value(QStringLiteral("field")).toString();
        reason.message = object.value(QStringLiteral("message")).toString();
        reason.page = pageForField(reason.field);
        reasons.append(reason);
    }
    return reasons;
}

} // namespace detail
} // namespace activation
} // namespace pos
