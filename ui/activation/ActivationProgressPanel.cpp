// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/activation/ActivationProgressPanel.h"

#include "ui/activation/ActivationWidgets.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace pos {
namespace ui {

ActivationProgressPanel::ActivationProgressPanel(QWidget* parent) : QWidget(parent), m_tick(new QTimer(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_unavailable = makeLabel(this, QStringLiteral("activation.unavailable"));
    layout->addWidget(m_unavailable);

    auto* networkRow = new QHBoxLayout();
    m_networkCheck = makeButton(this, QStringLiteral("activation.networkCheck"));
    m_networkSummary = makeLabel(this, QStringLiteral("activation.networkSummary"));
    networkRow->addWidget(m_networkCheck);
    networkRow->addWidget(m_networkSummary, 1);
    layout->addLayout(networkRow);

    auto* codeRow = new QHBoxLayout();
    m_codeLabel = makeLabel(this, QStringLiteral("activation.codeLabel"));
    m_codeLabel->setWordWrap(false);
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("activation.code"));
    m_code->setMaxLength(12); // 8 characters, with room for the spaces or dashes people type
    m_code->setMinimumHeight(44);
    m_activate = makeButton(this, QStringLiteral("activation.activate"), true);
    codeRow->addWidget(m_codeLabel);
    codeRow->addWidget(m_code, 1);
    codeRow->addWidget(m_activate);
    layout->addLayout(codeRow);

    m_busyRow = new QWidget(this);
    auto* busyRow = new QHBoxLayout(m_busyRow);
    busyRow->setContentsMargins(0, 0, 0, 0);
    m_busy = makeLabel(m_busyRow, QStringLiteral("activation.busy"));
    m_elapsed = makeLabel(m_busyRow, QStringLiteral("activation.elapsed"));
    m_elapsed->setWordWrap(false);
    m_cancel = makeButton(m_busyRow, QStringLiteral("activation.cancel"));
    busyRow->addWidget(m_busy, 1);
    busyRow->addWidget(m_elapsed);
    busyRow->addWidget(m_cancel);
    layout->addWidget(m_busyRow);

    auto* errorRow = new QHBoxLayout();
    m_error = makeLabel(this, QStringLiteral("activation.error"));
    setTone(m_error, QStringLiteral("error"));
    m_retry = makeButton(this, QStringLiteral("activation.retry"));
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_retry);
    layout->addLayout(errorRow);

    m_firstSwipeBox = new QWidget(this);
    auto* swipe = new QVBoxLayout(m_firstSwipeBox);
    swipe->setContentsMargins(0, 0, 0, 0);
    m_firstSwipeHint = makeLabel(m_firstSwipeBox, QStringLiteral("activation.firstSwipeHint"));
    m_firstSwipe = makeButton(m_firstSwipeBox, QStringLiteral("activation.firstSwipe"), true);
    m_declined = makeLabel(m_firstSwipeBox, QStringLiteral("activation.declined"));
    setTone(m_declined, QStringLiteral("error"));
    swipe->addWidget(m_firstSwipeHint);
    swipe->addWidget(m_firstSwipe);
    swipe->addWidget(m_declined);
    layout->addWidget(m_firstSwipeBox);

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ActivationProgressPanel::updateElapsed);
    connect(m_networkCheck, &QPushButton::clicked, this, &ActivationProgressPanel::runNetworkCheck);
    connect(m_activate, &QPushButton::clicked, this, &ActivationProgressPanel::activate);
    connect(m_code, &QLineEdit::returnPressed, this, &ActivationProgressPanel::activate);
    connect(m_retry, &QPushButton::clicked, this, &ActivationProgressPanel::retry);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_service)
            m_service->cancel();
    });
    connect(m_firstSwipe, &QPushButton::clicked, this, [this] {
        if (!m_service)
            return;
        m_declined->clear();
        m_error->clear();
        m_service->firstSwipe();
    });
    m_error->hide();
    m_retry->hide();
    m_declined->hide();
    retranslateUi();
}

void ActivationProgressPanel::setService(activation::ActivationService* service)
{
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    m_error->clear();
    m_declined->clear();
    if (m_service) {
        using activation::ActivationService;
        connect(m_service, &ActivationService::stepChanged, this, &ActivationProgressPanel::refresh);
        connect(m_service, &ActivationService::busyChanged, this, &ActivationProgressPanel::showBusy);
        connect(m_service, &ActivationService::failed, this, &ActivationProgressPanel::showFailure);
        connect(m_service, &ActivationService::readyForFirstSwipe, this, &ActivationProgressPanel::refresh);
        connect(m_service, &ActivationService::firstSwipeDeclined, this, [this](const QString& message) {
            m_declined->setText(message);
            refresh();
        });
        connect(m_service, &QObject::destroyed, this, &ActivationProgressPanel::refresh);
    }
    showBusy(m_service && m_service->isBusy(), {});
}

void ActivationProgressPanel::setNetworkCheck(NetworkCheckRunner runner)
{
    m_runNetworkCheck = std::move(runner);
    m_networkSummary->clear();
    refresh();
}

void ActivationProgressPanel::offerActivationCode(const QString& code)
{
    if (m_code->text().trimmed().isEmpty() && !code.isEmpty())
        m_code->setText(code);
}

void ActivationProgressPanel::retranslateUi()
{
    m_unavailable->setText(tr("Activation is unavailable on this terminal right now."));
    m_networkCheck->setText(tr("Check network"));
    m_codeLabel->setText(tr("Activation code:"));
    m_code->setPlaceholderText(tr("8 letters and digits from the acquirer"));
    m_activate->setText(tr("Activate"));
    m_cancel->setText(tr("Cancel"));
    m_retry->setText(tr("Try again"));
    m_firstSwipeHint->setText(
        tr("First swipe: press the button, then swipe, insert or tap a bank card on the "
           "PIN pad and enter its PIN on the PIN pad. The acquirer confirms the "
           "activation with this transaction; no money is taken."));
    m_firstSwipe->setText(tr("First swipe"));
    refresh();
}

void ActivationProgressPanel::refresh()
{
    const bool available = m_service != nullptr;
    const ActivationStep step = available ? m_service->step() : ActivationStep::NotStarted;
    const bool busy = available && m_service->isBusy();
    m_unavailable->setVisible(!available);

    m_networkCheck->setVisible(static_cast<bool>(m_runNetworkCheck));
    m_networkCheck->setEnabled(!m_networkCheckRunning);
    m_networkSummary->setVisible(static_cast<bool>(m_runNetworkCheck) && !m_networkSummary->text().isEmpty());

    const bool codeStage = available && step <= ActivationStep::Registering;
    m_codeLabel->setVisible(codeStage);
    m_code->setVisible(codeStage);
    m_activate->setVisible(codeStage);
    m_code->setEnabled(!busy);
    m_activate->setEnabled(!busy);

    m_busyRow->setVisible(busy);
    m_cancel->setVisible(busy && m_service->canCancel());

    const bool failure = available && !busy && !m_error->text().isEmpty();
    m_error->setVisible(failure);
    m_retry->setVisible(failure && step > ActivationStep::NotStarted && step != ActivationStep::SignedOn);

    const bool swipeStage = available && step == ActivationStep::SignedOn;
    m_firstSwipeBox->setVisible(swipeStage);
    m_firstSwipe->setEnabled(!busy);
    m_declined->setVisible(swipeStage && !m_declined->text().isEmpty());
}

void ActivationProgressPanel::activate()
{
    if (!m_service || m_service->isBusy())
        return;
    m_error->clear();
    m_service->registerTerminal(m_code->text());
}

void ActivationProgressPanel::retry()
{
    if (!m_service)
        return;
    m_error->clear();
    m_service->resume();
    refresh();
}

void ActivationProgressPanel::runNetworkCheck()
{
    if (!m_runNetworkCheck || m_networkCheckRunning)
        return;
    m_networkCheckRunning = true;
    m_networkSummary->setText(tr("Checking the connection to the acquirer…"));
    setTone(m_networkSummary, QString());
    refresh();
    QPointer<ActivationProgressPanel> self(this);
    m_runNetworkCheck([self](activation::NetworkReport report) {
        if (!self)
            return;
        self->m_networkCheckRunning = false;
        QString text = report.summary();
        if (!report.ok())
            text = tr("The acquirer cannot be reached.") + QLatin1Char('\n') + text;
        else if (report.slow())
            text = tr("The acquirer can be reached, but the network is slow.") + QLatin1Char('\n') + text;
        else
            text = tr("The network is fine.") + QLatin1Char('\n') + text;
        self->m_networkSummary->setText(text);
        setTone(self->m_networkSummary, !report.ok()    ? QStringLiteral("error")
                                        : report.slow() ? QStringLiteral("warn")
                                                        : QStringLiteral("ok"));
        self->refresh();
    });
}

void ActivationProgressPanel::showBusy(bool busy, const QString& what)
{
    if (busy && (!m_busyClock.isValid() || what != m_busyWhat))
        m_busyClock.start(); // each wait is timed from its own start
    m_busyWhat = busy ? what : QString();
    if (busy) {
        m_busy->setText(what);
        m_tick->start();
    } else {
        m_busyClock.invalidate();
        m_tick->stop();
    }
    updateElapsed();
    refresh();
}

void ActivationProgressPanel::showFailure(const QString& message)
{
    m_error->setText(message);
    refresh();
}

void ActivationProgressPanel::updateElapsed()
{
    m_elapsed->setText(m_busyClock.isValid() ? elapsedText(m_busyClock.elapsed()) : QString());
}

} // namespace ui
} // namespace pos
