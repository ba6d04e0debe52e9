// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/StatusPanel.h"

#include "ui/ShellText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace pos {
namespace ui {
namespace {

QLabel* makeLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    return label;
}

} // namespace

StatusPanel::StatusPanel(TerminalStatus* status, QWidget* parent)
    : QWidget(parent)
    , m_status(status)
    , m_demoBadge(makeLabel(this, QStringLiteral("demoBadgeLabel")))
    , m_activation(makeLabel(this, QStringLiteral("activationStatusLabel")))
    , m_acquirer(makeLabel(this, QStringLiteral("acquirerStatusLabel")))
    , m_printer(makeLabel(this, QStringLiteral("printerStatusLabel")))
    , m_pinPad(makeLabel(this, QStringLiteral("pinPadStatusLabel")))
    , m_scanner(makeLabel(this, QStringLiteral("scannerStatusLabel")))
    , m_unsynced(makeLabel(this, QStringLiteral("unsyncedStatusLabel")))
{
    setObjectName(QStringLiteral("statusPanel"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (QLabel* label : {m_demoBadge, m_activation, m_acquirer, m_printer, m_pinPad, m_scanner, m_unsynced})
        layout->addWidget(label);
    layout->addStretch(1);
    m_demoBadge->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);

    connect(m_status, &TerminalStatus::activationChanged, this, &StatusPanel::refresh);
    connect(m_status, &TerminalStatus::acquirerLinkChanged, this, &StatusPanel::refresh);
    connect(m_status, &TerminalStatus::deviceChanged, this, &StatusPanel::refresh);
    connect(m_status, &TerminalStatus::unsyncedCountChanged, this, &StatusPanel::refresh);
    connect(m_status, &TerminalStatus::ledgerProblemChanged, this, &StatusPanel::refresh);
    connect(m_status, &TerminalStatus::demoModeChanged, this, &StatusPanel::refresh);
    refresh();
}

void StatusPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void StatusPanel::refresh()
{
    m_demoBadge->setText(tr("DEMO"));
    m_demoBadge->setToolTip(tr("Demo mode: local simulators, no real money moves"));
    m_demoBadge->setVisible(m_status->demoMode());

    const ActivationState activation = m_status->activation();
    setLabel(m_activation, tr("Activation: %1").arg(ShellText::activation(activation)),
             ShellText::activationTone(activation));

    const LinkState link = m_status->acquirerLink();
    setLabel(m_acquirer, tr("Acquirer: %1").arg(ShellText::link(link)), ShellText::linkTone(link));
    m_acquirer->setToolTip(m_status->acquirerEndpoint());

    const std::pair<DeviceRole, QLabel*> devices[] = {{DeviceRole::ReceiptPrinter, m_printer},
                                                      {DeviceRole::PinPad, m_pinPad},
                                                      {DeviceRole::Scanner, m_scanner}};
    for (const auto& [role, label] : devices) {
        const DeviceStatus device = m_status->device(role);
        setLabel(label, tr("%1: %2").arg(ShellText::deviceRole(role), ShellText::device(device.state)),
                 ShellText::deviceTone(device.state));
        label->setToolTip(device.lastError.isEmpty() ? device.deviceId : device.lastError);
    }

    const qint64 unsynced = m_status->unsyncedCount();
    if (!m_status->ledgerProblem().isEmpty()) {
        setLabel(m_unsynced, tr("Ledger: error"), QStringLiteral("error"));
        m_unsynced->setToolTip(m_status->ledgerProblem());
        return;
    }
    setLabel(m_unsynced, ShellText::unsynced(unsynced),
             unsynced < 0 ? QStringLiteral("unknown")
                          : (unsynced == 0 ? QStringLiteral("ok") : QStringLiteral("warn")));
    m_unsynced->setToolTip(unsynced < 0 ? tr("The ledger is not connected yet")
                                        : tr("Ledger entries not yet acknowledged by the acquirer"));
}

void StatusPanel::setLabel(QLabel* label, const QString& text, const QString& tone)
{
    label->setText(text);
    if (label->property("state").toString() != tone) {
        label->setProperty("state", tone);
        label->style()->unpolish(label);
        label->style()->polish(label);
    }
}

} // namespace ui
} // namespace pos
