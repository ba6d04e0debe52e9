// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace pos {
namespace sales {
class PrintService;
}

namespace ui {

// The receipts that did not print (the ledger's reprint queue), oldest first, with why, and a Reprint button
// for the selected one. Reprinting is the cashier's decision: a receipt that stopped half way is not printed
// again by itself. Refreshes when a print job finishes. The service is not owned and may be null.
class ReprintQueue final : public QWidget
{
    Q_OBJECT

public:
    explicit ReprintQueue(QWidget* parent = nullptr);

    void attach(sales::PrintService* service);
    void retranslateUi();
    void refresh();

private:
    void reprintSelected();

    QPointer<sales::PrintService> m_service;
    QListWidget* m_jobs;
    QPushButton* m_reprint;
    QLabel* m_message;
};

} // namespace ui
} // namespace pos
