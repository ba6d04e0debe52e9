// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/pages/DeviceChooser.h"

#include "devices/DeviceHub.h"
#include "devices/discovery/DeviceMonitor.h"
#include "ui/ShellText.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace pos {
namespace ui {
namespace {

constexpr DeviceRole roles[] = {DeviceRole::ReceiptPrinter, DeviceRole::PinPad, DeviceRole::Scanner};

QString roleKey(DeviceRole role)
{
    switch (role) {
    case DeviceRole::ReceiptPrinter: return QStringLiteral("printer");
    case DeviceRole::PinPad: return QStringLiteral("pinPad");
    case DeviceRole::Scanner: return QStringLiteral("scanner");
    }
    return {};
}

} // namespace

DeviceChooser::DeviceChooser(QWidget* parent) : QWidget(parent)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(4, 1);
    int line = 0;
    for (const DeviceRole role : roles) {
        RoleRow row;
        const QString key = roleKey(role);
        row.name = new QLabel(this);
        row.devices = new QComboBox(this);
        row.devices->setObjectName(key + QStringLiteral("DeviceComboBox"));
        row.devices->setEditable(true); // a network printer's address can be typed
        row.devices->setInsertPolicy(QComboBox::NoInsert);
        row.devices->setMinimumContentsLength(28);
        row.use = new QPushButton(this);
        row.use->setObjectName(key + QStringLiteral("UsePushButton"));
        row.selfTest = new QPushButton(this);
        row.selfTest->setObjectName(key + QStringLiteral("SelfTestPushButton"));
        row.result = new QLabel(this);
        row.result->setObjectName(key + QStringLiteral("SelfTestResultLabel"));
        row.result->setWordWrap(true);
        grid->addWidget(row.name, line, 0);
        grid->addWidget(row.devices, line, 1);
        grid->addWidget(row.use, line, 2);
        grid->addWidget(row.selfTest, line, 3);
        grid->addWidget(row.result, line, 4);
        connect(row.use, &QPushButton::clicked, this, [this, role] { choose(role); });
        connect(row.selfTest, &QPushButton::clicked, this, [this, role] { runSelfTest(role); });
        m_rows.insert(role, row);
        ++line;
    }
    retranslateUi();
}

void DeviceChooser::attach(devices::DeviceHub* hub, devices::DeviceMonitor* monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_hub = hub;
    m_monitor = monitor;
    if (monitor)
        connect(monitor, &devices::DeviceMonitor::scanFinished, this, &DeviceChooser::refreshCandidates);
    refreshCandidates();
}

void DeviceChooser::retranslateUi()
{
    for (const DeviceRole role : roles) {
        RoleRow& row = m_rows[role];
        row.name->setText(ShellText::deviceRole(role));
        row.use->setText(tr("Use"));
        row.selfTest->setText(tr("Self-test"));
        row.devices->lineEdit()->setPlaceholderText(tr("Choose a device or type an address"));
    }
    refreshCandidates();
}

// Keeps what the user typed or picked; lists the devices suiting the role first.
void DeviceChooser::refreshCandidates()
{
    const QList<devices::DeviceCandidate> found =
        m_monitor ? m_monitor->devices() : QList<devices::DeviceCandidate>{};
    // Rebuilding closes an open list and disturbs typing: only when something changed (scans run every 3 s).
    // The translated "None" is part of it so that a language change rebuilds too.
    QStringList signature{tr("None")};
    for (const DeviceRole role : roles)
        signature << (m_hub ? m_hub->device(role) : QString());
    for (const devices::DeviceCandidate& candidate : found)
        signature << candidate.id << candidate.description
                  << (candidate.match ? QString::number(int(candidate.match->role)) : QString());
    if (signature == m_shownSignature)
        return;
    m_shownSignature = signature;
    for (const DeviceRole role : roles) {
        QComboBox* combo = m_rows[role].devices;
        const QString typed = combo->currentText();
        const QString configured = m_hub ? m_hub->device(role) : QString();
        combo->blockSignals(true);
        combo->clear();
        combo->addItem(tr("None"), QString());
        QList<devices::DeviceCandidate> suited;
        QList<devices::DeviceCandidate> others;
        for (const devices::DeviceCandidate& candidate : found)
            (candidate.match && candidate.match->role == role ? suited : others).append(candidate);
        for (const QList<devices::DeviceCandidate>* group : {&suited, &others}) {
            for (const devices::DeviceCandidate& candidate : *group) {
                const QString label =
                    candidate.description.isEmpty()
                        ? candidate.id
                        : QStringLiteral("%1 — %2").arg(candidate.description, candidate.id);
                combo->addItem(label, candidate.id);
            }
        }
        if (!configured.isEmpty() && combo->findData(configured) < 0) {
            // Discovery sees attached serial and USB devices; a network address is only what was typed.
            const bool attachable = !configured.startsWith(QLatin1String("tcp:"));
            combo->addItem(attachable ? tr("%1 (not found now)").arg(configured) : configured, configured);
        }
        const int current = combo->findData(configured);
        combo->setCurrentIndex(current >= 0 ? current : 0);
        if (!typed.isEmpty() && combo->findText(typed) < 0)
            combo->setEditText(typed);
        combo->blockSignals(false);
    }
}

void DeviceChooser::choose(DeviceRole role)
{
    QComboBox* combo = m_rows[role].devices;
    // A typed address is taken as it is; a listed device by its id.
    const int listed = combo->findText(combo->currentText());
    const QString id = listed >= 0 ? combo->itemData(listed).toString() : combo->currentText().trimmed();
    Q_EMIT deviceChosen(role, id);
    showResult(role, id.isEmpty() ? tr("No device for this role.") : tr("Connecting to %1 …").arg(id), true);
}

void DeviceChooser::runSelfTest(DeviceRole role)
{
    if (!m_hub) {
        showResult(role, tr("Devices are not available."), false);
        return;
    }
    m_rows[role].selfTest->setEnabled(false);
    showResult(role, tr("Testing …"), true);
    m_hub->selfTest(role, [this, role, guard = QPointer<DeviceChooser>(this)](Result<QString> summary) {
        if (!guard)
            return;
        m_rows[role].selfTest->setEnabled(true);
        showResult(role, summary ? summary.value() : summary.error().userMessage, bool(summary));
    });
}

void DeviceChooser::showResult(DeviceRole role, const QString& text, bool ok)
{
    QLabel* label = m_rows[role].result;
    label->setText(text);
    label->setProperty("tone", ok ? QStringLiteral("ok") : QStringLiteral("error"));
}

} // namespace ui
} // namespace pos
