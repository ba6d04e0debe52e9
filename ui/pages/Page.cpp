// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/pages/Page.h"

#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace pos {
namespace ui {

Page::Page(PageId id, QWidget* parent)
    : QWidget(parent)
    , m_id(id)
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_content(nullptr)
{
    setObjectName(pageKey(id) + QStringLiteral("Page"));
    m_title->setObjectName(QStringLiteral("pageTitleLabel"));
    m_description->setObjectName(QStringLiteral("pageDescriptionLabel"));
    m_description->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addSpacing(8);
    m_content = new QVBoxLayout();
    m_content->setSpacing(12);
    layout->addLayout(m_content);
    layout->addStretch(1);
}

QString Page::title() const
{
    return m_title->text();
}

void Page::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void Page::setTexts(const QString& title, const QString& description)
{
    m_title->setText(title);
    m_description->setText(description);
}

QFrame* Page::addCard(const QString& objectName)
{
    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("pageCard"));
    card->setProperty("cardName", objectName);
    card->setAccessibleName(objectName);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    m_content->addWidget(card);
    return card;
}

QLabel* Page::addNotice(QFrame* card)
{
    auto* notice = new QLabel(card);
    notice->setObjectName(QStringLiteral("noticeLabel"));
    notice->setWordWrap(true);
    card->layout()->addWidget(notice);
    return notice;
}

} // namespace ui
} // namespace pos
