// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/TerminalStatus.h"

namespace pos {

TerminalStatus::TerminalStatus(QObject* parent) : QObject(parent)
{
    for (DeviceRole role : {DeviceRole::ReceiptPrinter, DeviceRole::PinPad, DeviceRole::Scanner})
        m_devices.insert(role, DeviceStatus{});
}

void TerminalStatus::setActivation(ActivationState state)
{
    if (m_activation == state)
        return;
    m_activation = state;
    Q_EMIT activationChanged(state);
}

void TerminalStatus::setAcquirerLink(LinkState state, const QString& endpoint)
{
    if (m_acquirerLink == state && m_acquirerEndpoint == endpoint)
        return;
    m_acquirerLink = state;
    m_acquirerEndpoint = endpoint;
    Q_EMIT acquirerLinkChanged(state);
}

void TerminalStatus::setDevice(DeviceRole role, const DeviceStatus& status)
{
    if (m_devices.value(role) == status)
        return;
    m_devices.insert(role, status);
    Q_EMIT deviceChanged(role, status);
}

void TerminalStatus::setUnsyncedCount(qint64 count)
{
    if (m_unsyncedCount == count)
        return;
    m_unsyncedCount = count;
    Q_EMIT unsyncedCountChanged(count);
}

void TerminalStatus::setLedgerProblem(const QString& problem)
{
    if (m_ledgerProblem == problem)
        return;
    m_ledgerProblem = problem;
    Q_EMIT ledgerProblemChanged(problem);
}

void TerminalStatus::setDemoMode(bool demo)
{
    if (m_demoMode == demo)
        return;
    m_demoMode = demo;
    Q_EMIT demoModeChanged(demo);
}

void TerminalStatus::setEnabledTenders(const QStringList& tenders)
{
    if (m_enabledTenders == tenders)
        return;
    m_enabledTenders = tenders;
    Q_EMIT enabledTendersChanged(tenders);
}

} // namespace pos
