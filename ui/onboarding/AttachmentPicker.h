// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingDraft.h"

#include <QWidget>

class QImage;
class QLabel;
class QPushButton;

namespace pos {
namespace activation {
class OnboardingFlow;
} // namespace activation

namespace ui {

// One scan of the onboarding wizard (licence, ID front, ID back): "Choose…" opens a file dialog (images and
// PDF); the flow's attach() reads, sniffs, size-checks and seals the file (no file I/O here). Shows a
// thumbnail (JPEG/PNG scaled; a PDF icon for PDF), the file name and size, or the refusal message. A loaded
// attachment's thumbnail comes from attachmentBytes(). Child objectNames: objectName() + ".choose",
// ".thumbnail", ".info", ".message" (set them with setObjectName before use: see setObjectNames()).
// The flow is not owned and must outlive the picker.
class AttachmentPicker final : public QWidget
{
    Q_OBJECT

public:
    AttachmentPicker(activation::AttachmentKind kind,
                     activation::OnboardingFlow& flow,
                     QWidget* parent = nullptr);

    activation::Attachment attachment() const { return m_attachment; }
    // Shows a stored attachment (no signal); its thumbnail is fetched from the flow.
    void setAttachment(const activation::Attachment& attachment);
    // Names the child widgets after base ("licence.documentId.choose", ...).
    void setObjectNames(const QString& base);
    void retranslateUi();

public Q_SLOTS:
    // Attaches the file at path (what the file dialog calls; tests call it directly).
    void pickFile(const QString& path);
    void chooseFile();

Q_SIGNALS:
    // The user attached a new file; attachment() is the new metadata.
    void attachmentChanged();

private:
    void showInfo();
    void requestThumbnail();
    void showThumbnail(const QImage& thumbnail); // already scaled; null: not an image
    void showMessage(const QString& text, bool error);

    activation::AttachmentKind m_kind;
    activation::OnboardingFlow& m_flow;
    activation::Attachment m_attachment;
    QLabel* m_thumbnail = nullptr;
    QLabel* m_info = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_choose = nullptr;
    int m_request = 0; // answers of older requests are dropped
};

} // namespace ui
} // namespace pos
