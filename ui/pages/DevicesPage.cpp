// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/pages/DevicesPage.h"

#include "ui/ShellText.h"
#include "ui/pages/DeviceChooser.h"
#include "ui/pages/ReprintQueue.h"

#include <QFrame>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pos {
namespace ui {
namespace {

QIcon toneIcon(const QString& tone)
{
    return QIcon(QStringLiteral(":/icons/status-%1.svg").arg(tone));
}

} // namespace

DevicesPage::DevicesPage(TerminalStatus* status, QWidget* parent)
    : Page(PageId::Devices, parent)
    , m_status(status)
{
    QFrame* card = addCard(QStringLiteral("devicesCard"));
    m_table = new QTableWidget(RowCount, ColumnCount, card);
    m_table->setObjectName(QStringLiteral("devicesTableWidget"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(44);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(44 * (RowCount + 1) + 8);
    card->layout()->addWidget(m_table);

    QFrame* chooserCard = addCard(QStringLiteral("deviceChooserCard"));
    m_chooserTitle = new QLabel(chooserCard);
    m_chooserTitle->setObjectName(QStringLiteral("cardTitleLabel"));
    chooserCard->layout()->addWidget(m_chooserTitle);
    m_chooser = new DeviceChooser(chooserCard);
    chooserCard->layout()->addWidget(m_chooser);
    connect(m_chooser, &DeviceChooser::deviceChosen, this, &DevicesPage::deviceChosen);

    QFrame* reprintCard = addCard(QStringLiteral("reprintCard"));
    m_reprintTitle = new QLabel(reprintCard);
    m_reprintTitle->setObjectName(QStringLiteral("cardTitleLabel"));
    reprintCard->layout()->addWidget(m_reprintTitle);
    m_reprints = new ReprintQueue(reprintCard);
    reprintCard->layout()->addWidget(m_reprints);

    connect(m_status, &TerminalStatus::acquirerLinkChanged, this, &DevicesPage::refresh);
    connect(m_status, &TerminalStatus::deviceChanged, this, &DevicesPage::refresh);
    retranslateUi();
}

void DevicesPage::retranslateUi()
{
    setTexts(ShellText::pageTitle(PageId::Devices),
             tr("Receipt printer, PIN pad, scanner and the link to the acquirer."));
    m_table->setHorizontalHeaderLabels({tr("Device"), tr("Connection"), tr("State"), tr("Details")});
    m_chooserTitle->setText(tr("Devices this shop uses"));
    m_chooser->retranslateUi();
    m_reprintTitle->setText(tr("Receipts that did not print"));
    m_reprints->retranslateUi();
    refresh();
}

void DevicesPage::attach(devices::DeviceHub* hub, devices::DeviceMonitor* monitor)
{
    m_chooser->attach(hub, monitor);
}

void DevicesPage::attachPrinting(sales::PrintService* printService)
{
    m_reprints->attach(printService);
}

void DevicesPage::refresh()
{
    const LinkState link = m_status->acquirerLink();
    setRow(AcquirerRow, tr("Acquirer host"), m_status->acquirerEndpoint(), ShellText::link(link),
           ShellText::linkTone(link), {});
    const std::pair<int, DeviceRole> rows[] = {{PrinterRow, DeviceRole::ReceiptPrinter},
                                               {PinPadRow, DeviceRole::PinPad},
                                               {ScannerRow, DeviceRole::Scanner}};
    for (const auto& [row, role] : rows) {
        const DeviceStatus device = m_status->device(role);
        setRow(row, ShellText::deviceRole(role), device.deviceId, ShellText::device(device.state),
               ShellText::deviceTone(device.state), device.lastError);
    }
}

void DevicesPage::setRow(int row,
                         const QString& name,
                         const QString& connection,
                         const QString& state,
                         const QString& tone,
                         const QString& detail)
{
    const QString texts[ColumnCount] = {name, connection.isEmpty() ? QStringLiteral("—") : connection, state,
                                        detail};
    for (int column = 0; column < ColumnCount; ++column) {
        QTableWidgetItem* item = m_table->item(row, column);
        if (!item) {
            item = new QTableWidgetItem();
            m_table->setItem(row, column, item);
        }
        item->setText(texts[column]);
    }
    m_table->item(row, StateColumn)->setIcon(toneIcon(tone));
    m_table->item(row, StateColumn)->setData(Qt::UserRole, tone);
}

} // namespace ui
} // namespace pos
