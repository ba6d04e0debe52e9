// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/AttachmentPicker.h"

#include "activation/OnboardingFlow.h"

#include <QApplication>
#include <QFileDialog>
#include <QGridLayout>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QThreadPool>

namespace pos {
namespace ui {
namespace {

constexpr int thumbnailSize = 96;

void setState(QLabel* label, const char* state)
{
    label->setProperty("state", QString::fromLatin1(state));
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

AttachmentPicker::AttachmentPicker(activation::AttachmentKind kind,
                                   activation::OnboardingFlow& flow,
                                   QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_flow(flow)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_thumbnail = new QLabel(this);
    m_thumbnail->setFixedSize(thumbnailSize, thumbnailSize);
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_thumbnail->setFrameShape(QFrame::StyledPanel);
    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    m_info->setTextFormat(Qt::PlainText);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_choose = new QPushButton(this);
    grid->addWidget(m_thumbnail, 0, 0, 3, 1);
    grid->addWidget(m_info, 0, 1);
    grid->addWidget(m_choose, 1, 1, Qt::AlignLeft);
    grid->addWidget(m_message, 2, 1);
    grid->setColumnStretch(1, 1);
    connect(m_choose, &QPushButton::clicked, this, &AttachmentPicker::chooseFile);
    retranslateUi();
}

void AttachmentPicker::setObjectNames(const QString& base)
{
    setObjectName(base);
    m_choose->setObjectName(base + QStringLiteral(".choose"));
    m_thumbnail->setObjectName(base + QStringLiteral(".thumbnail"));
    m_info->setObjectName(base + QStringLiteral(".info"));
    m_message->setObjectName(base + QStringLiteral(".message"));
}

void AttachmentPicker::retranslateUi()
{
    m_choose->setText(tr("Choose…"));
    showInfo();
}

void AttachmentPicker::setAttachment(const activation::Attachment& attachment)
{
    m_attachment = attachment;
    m_message->hide();
    showInfo();
    m_thumbnail->clear();
    if (!attachment.isEmpty())
        requestThumbnail();
}

void AttachmentPicker::chooseFile()
{
    // Not modal-blocking: the dialog reports through fileSelected (no nested event loop).
    auto* dialog = new QFileDialog(this, tr("Choose a photo or scan"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Images and PDF (*.jpg *.jpeg *.png *.pdf)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &AttachmentPicker::pickFile);
    dialog->open();
}

void AttachmentPicker::pickFile(const QString& path)
{
    if (path.isEmpty())
        return;
    const int request = ++m_request;
    m_choose->setEnabled(false);
    showMessage(tr("Checking the file…"), false);
    QPointer<AttachmentPicker> self(this);
    m_flow.attach(m_kind, path, [self, request](Result<activation::Attachment> result) {
        if (!self || request != self->m_request)
            return;
        self->m_choose->setEnabled(true);
        if (!result) {
            self->showMessage(result.error().userMessage, true);
            return;
        }
        self->m_attachment = result.value();
        self->m_message->hide();
        self->showInfo();
        self->m_thumbnail->clear();
        self->requestThumbnail();
        Q_EMIT self->attachmentChanged();
    });
}

void AttachmentPicker::showInfo()
{
    if (m_attachment.isEmpty()) {
        m_info->setText(tr("No file chosen"));
        return;
    }
    m_info->setText(
        tr("%1 (%2)").arg(m_attachment.fileName, QLocale().formattedDataSize(m_attachment.sizeBytes)));
}

void AttachmentPicker::requestThumbnail()
{
    if (m_attachment.mime == QLatin1String("application/pdf")) {
        m_thumbnail->setPixmap(style()->standardIcon(QStyle::SP_FileIcon).pixmap(thumbnailSize / 2));
        m_thumbnail->setProperty("kind", QStringLiteral("pdf"));
        return;
    }
    const int request = m_request;
    QPointer<AttachmentPicker> self(this);
    m_flow.attachmentBytes(m_kind, [self, request](Result<QByteArray> bytes) {
        if (!self || request != self->m_request || !bytes)
            return;
        // A scan may be 10 MB: decoded and scaled on the thread pool, shown back on the GUI thread.
        QThreadPool::globalInstance()->start([self, request, bytes = bytes.value()] {
            QImage image = QImage::fromData(bytes);
            if (!image.isNull())
                image =
                    image.scaled(thumbnailSize, thumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            QMetaObject::invokeMethod(qApp, [self, request, image = std::move(image)] {
                if (self && request == self->m_request)
                    self->showThumbnail(image);
            });
        });
    });
}

void AttachmentPicker::showThumbnail(const QImage& thumbnail)
{
    if (thumbnail.isNull()) {
        m_thumbnail->setProperty("kind", QStringLiteral("none"));
        return;
    }
    m_thumbnail->setPixmap(QPixmap::fromImage(thumbnail));
    m_thumbnail->setProperty("kind", QStringLiteral("image"));
}

void AttachmentPicker::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    setState(m_message, error ? "error" : "unknown");
    m_message->show();
}

} // namespace ui
} // namespace pos
