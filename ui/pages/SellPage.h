// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"
#include "ui/pages/Page.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace pos {
namespace ui {

// Selling. Tenders are enabled only on an activated terminal; until then the page explains why and offers
// the way to the Activation page. Once activated, cash is always enabled, the card tender when
// TerminalStatus::enabledTenders() holds "swipe", "ic" or "contactless", the QR tender when it holds "qr";
// a disabled tender says why (tooltip and the tender notice line).
class SellPage final : public Page
{
    Q_OBJECT
public:
    explicit SellPage(TerminalStatus* status, QWidget* parent = nullptr);

    // A code a barcode scanner read (keyboard wedge or serial). For now the page only lists it (newest
    // last, the oldest dropped beyond maxScannedItems); the sale service takes scans over with the selling
    // feature.
    void addScannedCode(const QString& code);
    static constexpr int maxScannedItems = 100;

protected:
    void retranslateUi() override;

private:
    void updateState();

    TerminalStatus* m_status;
    QLabel* m_notice;
    QPushButton* m_goToActivation;
    QPushButton* m_payCash;
    QPushButton* m_payCard;
    QPushButton* m_payQr;
    QLabel* m_tenderNotice; // why an activated terminal's tender is disabled; hidden when none is
    QLabel* m_upcoming;
    QLabel* m_scannedTitle;
    QListWidget* m_scannedItems;
};

} // namespace ui
} // namespace pos
