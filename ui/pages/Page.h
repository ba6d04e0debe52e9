// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/PageId.h"

#include <QWidget>

class QFrame;
class QLabel;
class QVBoxLayout;

namespace pos {
namespace ui {

// Common frame of a main-window page: a title, a one-line description, then the page's cards.
// Subclasses set their texts in retranslateUi(), which runs at construction (subclass constructors call it)
// and again on every QEvent::LanguageChange.
class Page : public QWidget
{
    Q_OBJECT
public:
    explicit Page(PageId id, QWidget* parent = nullptr);

    PageId id() const { return m_id; }
    QString title() const;

Q_SIGNALS:
    void navigationRequested(pos::ui::PageId page);

protected:
    void changeEvent(QEvent* event) override;
    virtual void retranslateUi() = 0;

    void setTexts(const QString& title, const QString& description);
    // A white card added below the previous ones; its layout is a QVBoxLayout.
    QFrame* addCard(const QString& objectName);
    // An info banner label (QSS #noticeLabel) inside the given card.
    QLabel* addNotice(QFrame* card);
    QVBoxLayout* contentLayout() const { return m_content; }

private:
    PageId m_id;
    QLabel* m_title;
    QLabel* m_description;
    QVBoxLayout* m_content;
};

} // namespace ui
} // namespace pos
