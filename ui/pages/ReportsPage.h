// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/pages/Page.h"

class QLabel;

namespace pos {
namespace ui {

// Owner reports. The dashboard and report views arrive with the ledger's report queries.
class ReportsPage final : public Page
{
    Q_OBJECT
public:
    explicit ReportsPage(QWidget* parent = nullptr);

protected:
    void retranslateUi() override;

private:
    QLabel* m_notice;
};

} // namespace ui
} // namespace pos
