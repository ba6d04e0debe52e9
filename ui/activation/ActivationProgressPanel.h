// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/ActivationService.h"
#include "activation/NetworkCheck.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace pos {
namespace ui {

// Activation after approval, up to the first swipe (product.md §3): the network check and its summary, the
// activation code and Activate, the current wait with its elapsed time (mm:ss) and Cancel while the service
// can end it (the cardholder's wait, a pause before a retry, the registration's answer), failures with "Try
// again", and the first swipe with its instruction and the decline message. It only calls the service and
// shows its signals; the service decides every step. The service is not owned; null (or destroyed) means
// activation is unavailable.
class ActivationProgressPanel final : public QWidget
{
    Q_OBJECT

public:
    using NetworkCheckRunner = std::function<void(std::function<void(activation::NetworkReport)>)>;

    explicit ActivationProgressPanel(QWidget* parent = nullptr);

    void setService(activation::ActivationService* service);
    void setNetworkCheck(NetworkCheckRunner runner);
    // Prefills the code field unless the merchant already typed one.
    void offerActivationCode(const QString& code);

    void retranslateUi();

private:
    void refresh();
    void activate();
    void retry();
    void runNetworkCheck();
    void showBusy(bool busy, const QString& what);
    void showFailure(const QString& message);
    void updateElapsed();

    QPointer<activation::ActivationService> m_service;
    NetworkCheckRunner m_runNetworkCheck;
    bool m_networkCheckRunning = false;
    QString m_busyWhat;
    QElapsedTimer m_busyClock;
    QTimer* m_tick;

    QLabel* m_unavailable;
    QPushButton* m_networkCheck;
    QLabel* m_networkSummary;
    QLabel* m_codeLabel;
    QLineEdit* m_code;
    QPushButton* m_activate;
    QWidget* m_busyRow;
    QLabel* m_busy;
    QLabel* m_elapsed;
    QPushButton* m_cancel;
    QLabel* m_error;
    QPushButton* m_retry;
    QWidget* m_firstSwipeBox;
    QLabel* m_firstSwipeHint;
    QPushButton* m_firstSwipe;
    QLabel* m_declined;
};

} // namespace ui
} // namespace pos
