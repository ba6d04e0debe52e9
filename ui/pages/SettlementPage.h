// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/pages/Page.h"

class QLabel;

namespace pos {
namespace ui {

// Batch settlement with the acquirer. Arrives with the acquirer link.
class SettlementPage final : public Page
{
    Q_OBJECT
public:
    explicit SettlementPage(QWidget* parent = nullptr);

protected:
    void retranslateUi() override;

private:
    QLabel* m_notice;
};

} // namespace ui
} // namespace pos
