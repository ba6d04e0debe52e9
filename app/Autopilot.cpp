// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/Autopilot.h"

#include "app/AppLog.h"
#include "ui/MainWindow.h"

#include <QDir>
#include <QPixmap>

namespace pos {
namespace app {

Autopilot::Autopilot(ui::MainWindow* window, QString directory, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
    , m_pages(ui::allPages())
{
    // Time for a page to lay out and paint, and for status changes to arrive, before it is captured.
    m_settle.setSingleShot(true);
    m_settle.setInterval(300);
    connect(&m_settle, &QTimer::timeout, this, &Autopilot::step);
}

void Autopilot::start()
{
    if (!QDir().mkpath(m_directory)) {
        Q_EMIT finished(false, {}, QStringLiteral("cannot create %1").arg(m_directory));
        return;
    }
    m_next = 0;
    m_files.clear();
    m_window->showPage(m_pages.first());
    m_settle.start();
}

void Autopilot::step()
{
    const ui::PageId page = m_pages.at(m_next);
    const QString file =
        QDir(m_directory)
            .filePath(
                QStringLiteral("%1-%2.png").arg(m_next + 1, 2, 10, QLatin1Char('0')).arg(ui::pageKey(page)));
    if (!m_window->grab().save(file, "PNG")) {
        Q_EMIT finished(false, m_files, QStringLiteral("cannot write %1").arg(file));
        return;
    }
    qCInfo(lcApp) << "autopilot saved" << file;
    m_files.append(file);
    if (++m_next >= m_pages.size()) {
        Q_EMIT finished(true, m_files, {});
        return;
    }
    m_window->showPage(m_pages.at(m_next));
    m_settle.start();
}

} // namespace app
} // namespace pos
