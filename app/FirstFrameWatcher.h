// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QObject>

namespace pos {
namespace app {

// Emits firstFrame() once, after the watched widget's first paint event has been handled
// (for pos --quit-after-first-frame, which the startup benchmark times).
class FirstFrameWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit FirstFrameWatcher(QObject* watched, QObject* parent = nullptr);

Q_SIGNALS:
    void firstFrame();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool m_seen = false;
};

} // namespace app
} // namespace pos
