// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QLineEdit>

namespace pos {
namespace ui {

// A line edit for personal data (product.md §2, PIPL): shows validation::maskMiddle(value, keepFirst,
// keepLast) while it does not have focus and the clear value while being edited. The clear value lives only
// in value() (and the draft it is applied to); text() is the masked form outside editing. Programmatic
// setText() is not meant for callers: use setValue().
class MaskedLineEdit final : public QLineEdit
{
    Q_OBJECT

public:
    MaskedLineEdit(int keepFirst, int keepLast, QWidget* parent = nullptr);

    // The clear value (what the user typed, noise included).
    QString value() const;
    void setValue(const QString& value);
    bool isShowingClear() const { return m_editing; }

protected:
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void showMasked();

    int m_keepFirst;
    int m_keepLast;
    QString m_value;
    bool m_editing = false;
};

} // namespace ui
} // namespace pos
