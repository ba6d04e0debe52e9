// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/PageId.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace pos {
namespace ui {
class MainWindow;
} // namespace ui

namespace app {

// Walks every page of the main window, one step per timer tick (no nested event loop), and saves one PNG
// per page as <directory>/<NN>-<page>.png. finished() reports the files written, or an error text.
class Autopilot final : public QObject
{
    Q_OBJECT
public:
    Autopilot(ui::MainWindow* window, QString directory, QObject* parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(bool ok, const QStringList& files, const QString& error);

private:
    void step();

    ui::MainWindow* m_window;
    QString m_directory;
    QList<ui::PageId> m_pages;
    int m_next = 0;
    QStringList m_files;
    QTimer m_settle;
};

} // namespace app
} // namespace pos
