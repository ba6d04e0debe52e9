// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/ScanEventFilter.h"

#include "ui/UiLog.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QMap>
#include <QWindow>

#include <limits>

namespace pos {
namespace ui {

using devices::WedgeDecision;

ScanEventFilter::ScanEventFilter(devices::WedgeClassifier::Config config, QObject* parent)
    : QObject(parent)
    , m_classifier(config)
{
    m_clock.start();
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, &ScanEventFilter::onDeadline);
}

ScanEventFilter::~ScanEventFilter() = default;

bool ScanEventFilter::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease)
        return false;
    // Keys are classified where the platform delivers them: at the window, before the window forwards them
    // to its focus widget (and before a widget that ignores a key propagates it to its parents). A key seen
    // again at a widget was already classified.
    if (!watched->isWindowType() || m_replaying.contains(event))
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    return type == QEvent::KeyPress ? filterPress(watched, key) : filterRelease(watched, key);
}

qint64 ScanEventFilter::keyTime(const QKeyEvent* event)
{
    const qint64 elapsed = m_clock.elapsed();
    m_lastKeyTime = event->timestamp() != 0 ? static_cast<qint64>(event->timestamp()) : elapsed;
    m_lastKeyElapsed = elapsed;
    return m_lastKeyTime;
}

qint64 ScanEventFilter::eventClockNow() const
{
    return m_lastKeyTime + (m_clock.elapsed() - m_lastKeyElapsed);
}

bool ScanEventFilter::filterPress(QObject* receiver, QKeyEvent* event)
{
    const devices::WedgeKey key{event->text(), event->key(), keyTime(event), event->isAutoRepeat(),
                                ++m_nextId};
    const bool wasHolding = m_classifier.isHolding();
    const QList<WedgeDecision> decisions = m_classifier.feed(key);
    if (!wasHolding && decisions.size() == 1 && decisions.first().kind == WedgeDecision::Kind::Passthrough)
        return false; // nothing held, nothing to hold: the original goes on at once
    m_held.push_back({key.id, event->key(), receiver, std::unique_ptr<QKeyEvent>(event->clone())});
    apply(decisions);
    return true;
}

bool ScanEventFilter::filterRelease(QObject* receiver, QKeyEvent* event)
{
    if (m_classifier.isHolding()) { // keeps its place between the held presses
        m_held.push_back({0, event->key(), receiver, std::unique_ptr<QKeyEvent>(event->clone())});
        return true;
    }
    return m_releasesToSwallow.removeOne(event->key());
}

void ScanEventFilter::apply(const QList<WedgeDecision>& decisions)
{
    QStringList codes;
    for (const WedgeDecision& decision : decisions) {
        if (decision.kind == WedgeDecision::Kind::Passthrough && !decision.keys.isEmpty()) {
            replayUpTo(decision.keys.last().id);
        } else if (decision.kind == WedgeDecision::Kind::Scan) {
            dropUpTo(std::numeric_limits<quint64>::max());
            codes << decision.code;
        }
    }
    scheduleDeadline();
    for (const QString& code : codes) {
        qCDebug(lcUi) << "scanner: keyboard-wedge scan of" << code.size() << "characters";
        Q_EMIT scanned(code);
    }
}

void ScanEventFilter::replayUpTo(quint64 lastPressId)
{
    while (!m_held.empty() && (m_held.front().pressId == 0 || m_held.front().pressId <= lastPressId)) {
        HeldEvent held = std::move(m_held.front());
        m_held.pop_front();
        if (!held.receiver)
            continue; // its window is gone
        m_replaying.insert(held.copy.get());
        QCoreApplication::sendEvent(held.receiver, held.copy.get());
        m_replaying.remove(held.copy.get());
    }
}

void ScanEventFilter::dropUpTo(quint64 lastPressId)
{
    QMap<int, int> stillDown; // key → presses without their release among the dropped events
    while (!m_held.empty() && (m_held.front().pressId == 0 || m_held.front().pressId <= lastPressId)) {
        const HeldEvent& held = m_held.front();
        stillDown[held.key] += held.pressId != 0 ? 1 : -1;
        m_held.pop_front();
    }
    for (auto it = stillDown.cbegin(); it != stillDown.cend(); ++it) {
        for (int n = 0; n < it.value(); ++n)
            m_releasesToSwallow.append(it.key());
    }
    // A release that never comes (focus moved to another application) must not swallow a later one for ever.
    while (m_releasesToSwallow.size() > 16)
        m_releasesToSwallow.removeFirst();
}

void ScanEventFilter::scheduleDeadline()
{
    const std::optional<qint64> wait = m_classifier.msUntilDecision(eventClockNow());
    if (!wait) {
        m_deadline.stop();
        return;
    }
    m_deadline.start(static_cast<int>(std::min<qint64>(*wait, 60'000)));
}

void ScanEventFilter::onDeadline()
{
    apply(m_classifier.expire(eventClockNow()));
}

} // namespace ui
} // namespace pos
