// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "devices/scanner/WedgeClassifier.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>

class QKeyEvent;

namespace pos {
namespace ui {

// Application-wide keyboard-wedge scanner detection. Install on the application
// (qApp->installEventFilter(filter)); it looks at the key events delivered to widgets. While the
// classifier (devices::WedgeClassifier) is undecided it holds the key presses and releases back; a scan
// is emitted as scanned(code) and its keys never reach any widget, whatever has focus; keys typed by a
// person are re-sent, as copies in their original order, to the widgets they were meant for (a receiver
// destroyed meanwhile is skipped). Key times come from QKeyEvent::timestamp() when it is not 0, otherwise
// from a QElapsedTimer; a QTimer releases held keys at the classifier's deadline. Holds no business logic:
// the owner connects scanned() to the sale. GUI thread only.
class ScanEventFilter final : public QObject
{
    Q_OBJECT
public:
    explicit ScanEventFilter(devices::WedgeClassifier::Config config = {}, QObject* parent = nullptr);
    ~ScanEventFilter() override;

    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    void scanned(QString code);

private:
    struct HeldEvent
    {
        quint64 pressId = 0; // 0 for a release
        int key = 0;
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> copy;
    };

    bool filterPress(QObject* receiver, QKeyEvent* event);
    bool filterRelease(QObject* receiver, QKeyEvent* event);
    qint64 keyTime(const QKeyEvent* event);
    qint64 eventClockNow() const;
    void apply(const QList<devices::WedgeDecision>& decisions);
    void replayUpTo(quint64 lastPressId);
    void dropUpTo(quint64 lastPressId);
    void onDeadline();
    void scheduleDeadline();

    devices::WedgeClassifier m_classifier;
    std::deque<HeldEvent> m_held;    // presses and releases in arrival order
    QSet<const QEvent*> m_replaying; // copies being re-sent: let through untouched
    QList<int> m_releasesToSwallow;  // keys of a scan still physically down
    quint64 m_nextId = 0;
    QElapsedTimer m_clock;
    qint64 m_lastKeyTime = 0;    // in the events' clock
    qint64 m_lastKeyElapsed = 0; // m_clock at that key
    QTimer m_deadline;
};

} // namespace ui
} // namespace pos
