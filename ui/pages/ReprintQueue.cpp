// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/pages/ReprintQueue.h"

#include "sales/PrintService.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace pos {
namespace ui {
namespace {

constexpr int shownJobs = 50;

} // namespace

ReprintQueue::ReprintQueue(QWidget* parent)
    : QWidget(parent)
    , m_jobs(new QListWidget(this))
    , m_reprint(new QPushButton(this))
    , m_message(new QLabel(this))
{
    m_jobs->setObjectName(QStringLiteral("reprintQueueList"));
    m_jobs->setMinimumHeight(120);
    m_reprint->setObjectName(QStringLiteral("reprintPushButton"));
    m_reprint->setEnabled(false);
    m_message->setObjectName(QStringLiteral("reprintMessageLabel"));
    m_message->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_jobs);
    auto* actions = new QHBoxLayout();
    actions->addWidget(m_reprint);
    actions->addWidget(m_message, 1);
    layout->addLayout(actions);
    connect(m_jobs, &QListWidget::currentRowChanged, this,
            [this](int row) { m_reprint->setEnabled(row >= 0); });
    connect(m_reprint, &QPushButton::clicked, this, &ReprintQueue::reprintSelected);
    retranslateUi();
}

void ReprintQueue::attach(sales::PrintService* service)
{
    m_service = service;
    if (service)
        connect(service, &sales::PrintService::jobFinished, this, &ReprintQueue::refresh);
    refresh();
}

void ReprintQueue::retranslateUi()
{
    m_reprint->setText(tr("Reprint"));
    refresh();
}

void ReprintQueue::refresh()
{
    if (!m_service) {
        m_jobs->clear();
        m_message->setText(tr("Printing is not available."));
        return;
    }
    m_service->failedJobs(shownJobs, [this,
                                      guard = QPointer<ReprintQueue>(this)](Result<QList<PrintJob>> jobs) {
        if (!guard)
            return;
        m_jobs->clear();
        if (!jobs) {
            m_message->setText(jobs.error().userMessage);
            return;
        }
        for (const PrintJob& job : jobs.value()) {
            const QString when =
                QDateTime::fromMSecsSinceEpoch(job.createdMs).toString(QStringLiteral("MM-dd HH:mm"));
            auto* item =
                new QListWidgetItem(tr("Receipt %1, %2: %3").arg(job.id).arg(when, job.lastError), m_jobs);
            item->setData(Qt::UserRole, job.id);
        }
        m_message->setText(jobs.value().isEmpty() ? tr("Every receipt has been printed.") : QString());
        m_reprint->setEnabled(m_jobs->currentRow() >= 0);
    });
}

void ReprintQueue::reprintSelected()
{
    const QListWidgetItem* item = m_jobs->currentItem();
    if (!m_service || !item)
        return;
    const qint64 jobId = item->data(Qt::UserRole).toLongLong();
    m_reprint->setEnabled(false);
    m_service->reprint(jobId, [this, jobId, guard = QPointer<ReprintQueue>(this)](Result<> accepted) {
        if (!guard)
            return;
        m_message->setText(accepted ? tr("Receipt %1 is being printed again.").arg(jobId)
                                    : accepted.error().userMessage);
    });
}

} // namespace ui
} // namespace pos
