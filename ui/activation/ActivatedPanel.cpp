// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/activation/ActivatedPanel.h"

#include "core/Money.h"
#include "ui/activation/ActivationWidgets.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pos {
namespace ui {

QList<FeeRow> parseFeeSchedule(const QString& json)
{
    QList<FeeRow> rows;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    for (const QJsonValue& value : document.array()) {
        const QJsonObject object = value.toObject();
        FeeRow row;
        row.tender = object.value(QLatin1String("tender")).toString();
        if (row.tender.isEmpty())
            continue;
        row.rateBasisPoints = object.value(QLatin1String("rateBasisPoints")).toInt();
        if (object.contains(QLatin1String("capFen")))
            row.capFen = object.value(QLatin1String("capFen")).toInteger();
        rows.append(row);
    }
    return rows;
}

namespace {

QString tenderName(const QString& tender)
{
    if (tender == QLatin1String("debit"))
        return ActivatedPanel::tr("Debit card");
    if (tender == QLatin1String("credit"))
        return ActivatedPanel::tr("Credit card");
    if (tender == QLatin1String("qr"))
        return ActivatedPanel::tr("QR code");
    return tender;
}

QString rateText(int basisPoints)
{
    return QStringLiteral("%1.%2%").arg(basisPoints / 100).arg(basisPoints % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

ActivatedPanel::ActivatedPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = makeLabel(this, QStringLiteral("activation.activatedHeading"));
    setTone(m_heading, QStringLiteral("ok"));
    m_terminalId = makeLabel(this, QStringLiteral("activation.terminalId"));
    m_merchantId = makeLabel(this, QStringLiteral("activation.merchantId"));
    m_limits = makeLabel(this, QStringLiteral("activation.limits"));
    m_fees = new QTableWidget(0, 3, this);
    m_fees->setObjectName(QStringLiteral("activation.fees"));
    m_fees->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fees->setSelectionMode(QAbstractItemView::NoSelection);
    m_fees->setFocusPolicy(Qt::NoFocus);
    m_fees->verticalHeader()->hide();
    m_fees->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_fees->setMinimumHeight(140);
    m_testSale = makeButton(this, QStringLiteral("activation.testSale"), true);
    for (QWidget* widget : {static_cast<QWidget*>(m_heading), static_cast<QWidget*>(m_terminalId),
                            static_cast<QWidget*>(m_merchantId), static_cast<QWidget*>(m_limits),
                            static_cast<QWidget*>(m_fees), static_cast<QWidget*>(m_testSale)})
        layout->addWidget(widget);
    connect(m_testSale, &QPushButton::clicked, this, &ActivatedPanel::testSaleRequested);
    retranslateUi();
}

void ActivatedPanel::showRecord(const TerminalActivation& record)
{
    m_record = record;
    retranslateUi();
}

void ActivatedPanel::retranslateUi()
{
    m_heading->setText(tr("This terminal is activated. Selling may start."));
    m_terminalId->setText(tr("Terminal id: %1").arg(m_record.terminalId));
    m_merchantId->setText(m_record.merchantName.isEmpty()
                              ? tr("Merchant id: %1").arg(m_record.merchantId)
                              : tr("Merchant id: %1 (%2)").arg(m_record.merchantId, m_record.merchantName));
    m_limits->setText(tr("Limits: %1 per card payment, %2 per day")
                          .arg(Money::fromFen(m_record.singleLimitFen).toDisplayString(),
                               Money::fromFen(m_record.dailyLimitFen).toDisplayString()));
    m_fees->setHorizontalHeaderLabels({tr("Tender"), tr("Fee rate"), tr("Cap per payment")});
    const QList<FeeRow> rows = parseFeeSchedule(m_record.feeScheduleJson);
    m_fees->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const FeeRow& row = rows.at(i);
        m_fees->setItem(i, 0, new QTableWidgetItem(tenderName(row.tender)));
        m_fees->setItem(i, 1, new QTableWidgetItem(rateText(row.rateBasisPoints)));
        m_fees->setItem(
            i, 2,
            new QTableWidgetItem(row.capFen < 0 ? tr("none") : Money::fromFen(row.capFen).toDisplayString()));
    }
    m_testSale->setText(tr("Try a small test sale"));
}

} // namespace ui
} // namespace pos
