// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/MaskedLineEdit.h"

#include "core/validation/ValidationResult.h"

#include <QFocusEvent>

namespace pos {
namespace ui {

MaskedLineEdit::MaskedLineEdit(int keepFirst, int keepLast, QWidget* parent)
    : QLineEdit(parent)
    , m_keepFirst(keepFirst)
    , m_keepLast(keepLast)
{}

QString MaskedLineEdit::value() const
{
    return m_editing ? text() : m_value;
}

void MaskedLineEdit::setValue(const QString& value)
{
    m_value = value;
    if (m_editing)
        setText(value);
    else
        showMasked();
}

void MaskedLineEdit::focusInEvent(QFocusEvent* event)
{
    if (!m_editing) {
        m_editing = true;
        setText(m_value);
    }
    QLineEdit::focusInEvent(event);
}

void MaskedLineEdit::focusOutEvent(QFocusEvent* event)
{
    // A popup (e.g. the context menu) takes focus without ending the edit.
    if (event->reason() == Qt::PopupFocusReason) {
        QLineEdit::focusOutEvent(event);
        return;
    }
    m_value = text();
    m_editing = false;
    QLineEdit::focusOutEvent(event);
    showMasked();
}

void MaskedLineEdit::showMasked()
{
    // Masks the value without input noise, so the groups of four of a card do not shift the mask.
    const QString compact = validation::compactIdentifier(m_value, false);
    setText(compact.isEmpty() ? QString() : validation::maskMiddle(compact, m_keepFirst, m_keepLast));
}

} // namespace ui
} // namespace pos
