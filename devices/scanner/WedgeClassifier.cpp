// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/scanner/WedgeClassifier.h"

#include <Qt>

#include <algorithm>

namespace pos {
namespace devices {

bool WedgeClassifier::isModifier(int key)
{
    switch (key) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Meta:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_CapsLock:
    case Qt::Key_NumLock: return true;
    default: return false;
    }
}

bool WedgeClassifier::isCodeCharacter(const WedgeKey& key)
{
    if (key.text.isEmpty() || key.text.size() > 2)
        return false;
    return std::all_of(key.text.cbegin(), key.text.cend(),
                       [](QChar c) { return c.isPrint() || c.isSurrogate(); });
}

bool WedgeClassifier::isTerminator(int key) const
{
    return key == Qt::Key_Return || key == Qt::Key_Enter || (m_config.tabTerminates && key == Qt::Key_Tab);
}

void WedgeClassifier::hold(const WedgeKey& key)
{
    if (m_held.isEmpty())
        m_firstMs = key.timestampMs;
    m_held.append(key);
    m_lastMs = key.timestampMs;
    if (isCodeCharacter(key))
        m_code += key.text;
}

void WedgeClassifier::releaseHeld(QList<WedgeDecision>& out, const QList<WedgeKey>& extra)
{
    WedgeDecision released{WedgeDecision::Kind::Passthrough, QString(), m_held + extra};
    m_held.clear();
    m_code.clear();
    if (!released.keys.isEmpty())
        out.append(std::move(released));
}

QList<WedgeDecision> WedgeClassifier::feed(const WedgeKey& key)
{
    QList<WedgeDecision> out;
    if (key.autoRepeat) { // a key held down: a person
        releaseHeld(out, {key});
        return out;
    }
    if (!m_held.isEmpty()) {
        const qint64 gap = key.timestampMs - m_lastMs;
        if (gap < 0 || gap > m_config.maxInterKeyGapMs)
            releaseHeld(out); // the held keys were typed by a person; key starts afresh
    }
    if (m_held.isEmpty()) {
        if (isCodeCharacter(key)) {
            hold(key);
            out.append(WedgeDecision{});
        } else {
            releaseHeld(out, {key});
        }
        return out;
    }
    const bool burstTooLong = key.timestampMs - m_firstMs > m_config.maxBurstMs;
    if (isTerminator(key.key)) {
        if (m_code.size() >= m_config.minCodeLength && !burstTooLong) {
            out.append(WedgeDecision{WedgeDecision::Kind::Scan, m_code, {}});
            m_held.clear();
            m_code.clear();
        } else {
            releaseHeld(out, {key});
        }
        return out;
    }
    if (isModifier(key.key) || isCodeCharacter(key)) {
        hold(key);
        if (m_code.size() > m_config.maxCodeLength || burstTooLong)
            releaseHeld(out);
        else
            out.append(WedgeDecision{});
        return out;
    }
    releaseHeld(out, {key}); // Backspace, arrows, control characters: never part of a code
    return out;
}

QList<WedgeDecision> WedgeClassifier::expire(qint64 nowMs)
{
    QList<WedgeDecision> out;
    if (!m_held.isEmpty() && nowMs - m_lastMs > m_config.maxInterKeyGapMs)
        releaseHeld(out);
    return out;
}

std::optional<qint64> WedgeClassifier::msUntilDecision(qint64 nowMs) const
{
    if (m_held.isEmpty())
        return std::nullopt;
    return std::max<qint64>(0, m_lastMs + m_config.maxInterKeyGapMs + 1 - nowMs);
}

QList<WedgeDecision> WedgeClassifier::releaseAll()
{
    QList<WedgeDecision> out;
    releaseHeld(out);
    return out;
}

} // namespace devices
} // namespace pos
