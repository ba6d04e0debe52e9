// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/AttachmentFile.h"

#include "activation/OnboardingFlow.h"
#include "core/crypto/Aes256Gcm.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace pos {
namespace activation {
namespace {

struct AttachmentText
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::AttachmentFile)
};

} // namespace

QString attachmentKindWire(AttachmentKind kind)
{
    switch (kind) {
    case AttachmentKind::Licence: return QStringLiteral("licence");
    case AttachmentKind::IdFront: return QStringLiteral("id-front");
    case AttachmentKind::IdBack: return QStringLiteral("id-back");
    }
    return {};
}

QByteArray attachmentAad(AttachmentKind kind)
{
    return QByteArrayLiteral("attachment:") + attachmentKindWire(kind).toLatin1();
}

QString sniffDocumentMime(QByteArrayView bytes)
{
    if (bytes.startsWith(QByteArrayView("\xFF\xD8\xFF")))
        return QStringLiteral("image/jpeg");
    if (bytes.startsWith(QByteArrayView("\x89PNG")))
        return QStringLiteral("image/png");
    if (bytes.startsWith(QByteArrayView("%PDF-")))
        return QStringLiteral("application/pdf");
    return {};
}

Result<SealedScan> readAndSealAttachment(
    const QString& filePath, AttachmentKind kind, QByteArrayView key, const QString& keyId, qint64 nowMs)
{
    const QFileInfo info(filePath);
    const QString name = info.fileName();
    QFile file(filePath);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoFailure, AttachmentText::tr("%1 could not be opened.").arg(name),
                    QStringLiteral("open attachment: %1").arg(file.errorString()));
    const qint64 limit = OnboardingFlow::maxAttachmentBytes;
    const auto tooLarge = [&name, limit](qint64 size) {
        return fail(ErrorCode::InvalidInput,
                    AttachmentText::tr("%1 is larger than %2 MiB. Scan it at a lower resolution.")
                        .arg(name)
                        .arg(limit / (1024 * 1024)),
                    QStringLiteral("attachment of %1 bytes > %2").arg(size).arg(limit));
    };
    if (file.size() > limit)
        return tooLarge(file.size());
    QByteArray bytes = file.read(limit + 1); // the size may have changed since the check
    if (bytes.size() > limit)
        return tooLarge(bytes.size());
    if (bytes.isEmpty())
        return fail(ErrorCode::InvalidInput, AttachmentText::tr("%1 is empty.").arg(name),
                    QStringLiteral("empty attachment"));
    const QString mime = sniffDocumentMime(bytes);
    if (mime.isEmpty()) {
        crypto::secureWipe(bytes);
        return fail(ErrorCode::InvalidInput,
                    AttachmentText::tr("%1 is not a JPEG, PNG or PDF file.").arg(name),
                    QStringLiteral("attachment content of unknown type"));
    }
    const Result<QByteArray> digest = crypto::sha256(bytes);
    const Result<QByteArray> sealed = crypto::aes256GcmSeal(key, bytes, attachmentAad(kind));
    const qint64 size = bytes.size();
    crypto::secureWipe(bytes);
    if (!digest)
        return Failure{digest.error()};
    if (!sealed)
        return Failure{sealed.error()};
    SealedScan scan;
    scan.metadata.fileName = name;
    scan.metadata.mime = mime;
    scan.metadata.sizeBytes = size;
    scan.metadata.sha256 = QString::fromLatin1(digest.value().toHex());
    scan.stored.kind = attachmentKindWire(kind);
    scan.stored.mime = mime;
    scan.stored.sha256 = scan.metadata.sha256;
    scan.stored.sizeBytes = size;
    scan.stored.keyId = keyId;
    scan.stored.sealedBytes = sealed.value();
    scan.stored.updatedMs = nowMs;
    return scan;
}

} // namespace activation
} // namespace pos
