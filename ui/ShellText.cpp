// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/ShellText.h"

#include <limits>

namespace pos {
namespace ui {

QString ShellText::pageTitle(PageId page)
{
    switch (page) {
    case PageId::Sell: return tr("Sell");
    case PageId::Reports: return tr("Reports");
    case PageId::Settlement: return tr("Settlement");
    case PageId::Devices: return tr("Devices");
    case PageId::Settings: return tr("Settings");
    case PageId::Activation: return tr("Activation");
    }
    return {};
}

QString ShellText::activation(ActivationState state)
{
    switch (state) {
    case ActivationState::NotOnboarded: return tr("Not onboarded");
    case ActivationState::OnboardingInProgress: return tr("Onboarding in progress");
    case ActivationState::AwaitingActivation: return tr("Awaiting activation");
    case ActivationState::Activated: return tr("Activated");
    }
    return {};
}

QString ShellText::link(LinkState state)
{
    switch (state) {
    case LinkState::Unknown: return tr("Not configured");
    case LinkState::Offline: return tr("Offline");
    case LinkState::Connecting: return tr("Connecting");
    case LinkState::Online: return tr("Online");
    }
    return {};
}

QString ShellText::deviceRole(DeviceRole role)
{
    switch (role) {
    case DeviceRole::ReceiptPrinter: return tr("Receipt printer");
    case DeviceRole::PinPad: return tr("PIN pad");
    case DeviceRole::Scanner: return tr("Scanner");
    }
    return {};
}

QString ShellText::device(DeviceState state)
{
    switch (state) {
    case DeviceState::NotConfigured: return tr("Not configured");
    case DeviceState::Disconnected: return tr("Disconnected");
    case DeviceState::Connecting: return tr("Connecting");
    case DeviceState::Ready: return tr("Ready");
    case DeviceState::Fault: return tr("Fault");
    }
    return {};
}

QString ShellText::unsynced(qint64 count)
{
    if (count < 0)
        return tr("Unsynced: —");
    return tr("Unsynced: %n", nullptr,
              static_cast<int>(qMin<qint64>(count, std::numeric_limits<int>::max())));
}

QString ShellText::activationTone(ActivationState state)
{
    switch (state) {
    case ActivationState::Activated: return QStringLiteral("ok");
    case ActivationState::AwaitingActivation:
    case ActivationState::OnboardingInProgress: return QStringLiteral("warn");
    case ActivationState::NotOnboarded: return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

QString ShellText::linkTone(LinkState state)
{
    switch (state) {
    case LinkState::Online: return QStringLiteral("ok");
    case LinkState::Connecting: return QStringLiteral("warn");
    case LinkState::Offline: return QStringLiteral("error");
    case LinkState::Unknown: return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

QString ShellText::deviceTone(DeviceState state)
{
    switch (state) {
    case DeviceState::Ready: return QStringLiteral("ok");
    case DeviceState::Connecting: return QStringLiteral("warn");
    case DeviceState::Disconnected:
    case DeviceState::Fault: return QStringLiteral("error");
    case DeviceState::NotConfigured: return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

} // namespace ui
} // namespace pos
