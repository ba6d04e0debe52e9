// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

namespace pos {

enum class ActivationState { NotOnboarded, OnboardingInProgress, AwaitingActivation, Activated };
enum class LinkState { Unknown, Offline, Connecting, Online };
enum class DeviceRole { ReceiptPrinter, PinPad, Scanner };
enum class DeviceState { NotConfigured, Disconnected, Connecting, Ready, Fault };

struct DeviceStatus
{
    DeviceState state = DeviceState::NotConfigured;
    QString
        deviceId; // stable id such as "tcp:127.0.0.1:9100" or "usb:0483:5743:SN1"; empty when not configured
    QString lastError; // translated, shown on the Devices page; empty when none

    friend bool operator==(const DeviceStatus&, const DeviceStatus&) = default;
};

// What the status bar and the pages show about the terminal as a whole. Services write it, the UI reads it.
// Thread affinity: lives on the UI thread; writers on other threads post to it (queued invocation).
// Every setter emits its signal only on a real change.
class TerminalStatus final : public QObject
{
    Q_OBJECT
public:
    explicit TerminalStatus(QObject* parent = nullptr);

    ActivationState activation() const { return m_activation; }
    LinkState acquirerLink() const { return m_acquirerLink; }
    QString acquirerEndpoint() const { return m_acquirerEndpoint; }
    DeviceStatus device(DeviceRole role) const { return m_devices.value(role); }
    // Ledger entries not yet acknowledged by the acquirer; -1 while no ledger is connected.
    qint64 unsyncedCount() const { return m_unsyncedCount; }
    // Translated reason why the ledger cannot be used (damaged, foreign, newer file…); empty while it is
    // fine.
    QString ledgerProblem() const { return m_ledgerProblem; }
    bool demoMode() const { return m_demoMode; }
    // The tenders the acquirer enabled for this terminal ("cash", "swipe", "ic", "contactless", "qr"); only
    // cash until activation says more. Selling also needs activation() == Activated.
    QStringList enabledTenders() const { return m_enabledTenders; }

    void setActivation(ActivationState state);
    void setAcquirerLink(LinkState state, const QString& endpoint = {});
    void setDevice(DeviceRole role, const DeviceStatus& status);
    void setUnsyncedCount(qint64 count);
    void setLedgerProblem(const QString& problem);
    void setDemoMode(bool demo);
    void setEnabledTenders(const QStringList& tenders);

Q_SIGNALS:
    void activationChanged(pos::ActivationState state);
    void acquirerLinkChanged(pos::LinkState state);
    void deviceChanged(pos::DeviceRole role, const pos::DeviceStatus& status);
    void unsyncedCountChanged(qint64 count);
    void ledgerProblemChanged(const QString& problem);
    void demoModeChanged(bool demo);
    void enabledTendersChanged(const QStringList& tenders);

private:
    ActivationState m_activation = ActivationState::NotOnboarded;
    LinkState m_acquirerLink = LinkState::Unknown;
    QString m_acquirerEndpoint;
    QMap<DeviceRole, DeviceStatus> m_devices;
    qint64 m_unsyncedCount = -1;
    QString m_ledgerProblem;
    bool m_demoMode = false;
    QStringList m_enabledTenders{QStringLiteral("cash")};
};

} // namespace pos

Q_DECLARE_METATYPE(pos::DeviceStatus)
