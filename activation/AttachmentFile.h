// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingDraft.h"
#include "core/onboarding/OnboardingStore.h"

// Reading and sealing of an attached scan, for OnboardingService (which runs it off the GUI thread).
namespace pos {
namespace activation {

// "licence", "id-front", "id-back" (docs/acquirer-api.md).
QString attachmentKindWire(AttachmentKind kind);
// The aad that binds a sealed scan to its kind: "attachment:<wire>".
QByteArray attachmentAad(AttachmentKind kind);

// image/jpeg (FF D8 FF), image/png (89 50 4E 47) or application/pdf (%PDF-) by magic bytes; empty otherwise.
QString sniffDocumentMime(QByteArrayView bytes);

struct SealedScan
{
    Attachment metadata;     // documentId empty
    StoredAttachment stored; // sealed under the key
};

// BLOCKING (reads the file): never on the GUI thread. Refuses (InvalidInput, translated message) an empty
// file, more than OnboardingFlow::maxAttachmentBytes, and anything that is not JPEG/PNG/PDF by content;
// IoFailure when the file cannot be read.
Result<SealedScan> readAndSealAttachment(
    const QString& filePath, AttachmentKind kind, QByteArrayView key, const QString& keyId, qint64 nowMs);

} // namespace activation
} // namespace pos
