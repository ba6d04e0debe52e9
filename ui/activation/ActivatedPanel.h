// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/ledger/TerminalActivationStore.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace pos {
namespace ui {

// The activated terminal's terms (product.md §3, after the first swipe): terminal and merchant ids, the
// single and daily limits in yuan, the fee rows the host returned, and "Try a small test sale".
class ActivatedPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ActivatedPanel(QWidget* parent = nullptr);

    void showRecord(const TerminalActivation& record);
    void retranslateUi();

Q_SIGNALS:
    void testSaleRequested();

private:
    TerminalActivation m_record;
    QLabel* m_heading;
    QLabel* m_terminalId;
    QLabel* m_merchantId;
    QLabel* m_limits;
    QTableWidget* m_fees;
    QPushButton* m_testSale;
};

// Fee rows of TerminalActivation::feeScheduleJson ([{"tender", "rateBasisPoints", "capFen"?}, …]); rows
// without a tender are skipped, malformed JSON gives none.
struct FeeRow
{
    QString tender;
    int rateBasisPoints = 0;
    qint64 capFen = -1; // -1: no cap
};
QList<FeeRow> parseFeeSchedule(const QString& json);

} // namespace ui
} // namespace pos
