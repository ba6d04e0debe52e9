// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/FirstFrameWatcher.h"

#include <QEvent>
#include <QTimer>

namespace pos {
namespace app {

FirstFrameWatcher::FirstFrameWatcher(QObject* watched, QObject* parent) : QObject(parent)
{
    watched->installEventFilter(this);
}

bool FirstFrameWatcher::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Paint && !m_seen) {
        m_seen = true;
        watched->removeEventFilter(this);
        // Queued: the rest of this paint pass (the child widgets) completes before the signal is delivered.
        QTimer::singleShot(0, this, [this] { Q_EMIT firstFrame(); });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace app
} // namespace pos
