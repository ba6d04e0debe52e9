// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"

#include <QWidget>

class QLabel;

namespace pos {
namespace ui {

// The status-bar strip: demo badge, activation state, acquirer link, device states, unsynced ledger count.
// Reads TerminalStatus (not owned; must outlive the panel) and follows its signals.
class StatusPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPanel(TerminalStatus* status, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    static void setLabel(QLabel* label, const QString& text, const QString& tone);

    TerminalStatus* m_status;
    QLabel* m_demoBadge;
    QLabel* m_activation;
    QLabel* m_acquirer;
    QLabel* m_printer;
    QLabel* m_pinPad;
    QLabel* m_scanner;
    QLabel* m_unsynced;
};

} // namespace ui
} // namespace pos
