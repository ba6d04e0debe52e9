// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace pos {
namespace devices {

// One key press as a keyboard-wedge scanner or a person produces it. text is what the key types (QKeyEvent::
// text(): empty for modifiers, arrows, function keys), key a Qt::Key value, timestampMs any monotonic
// millisecond clock (the same clock for every key). id is the caller's handle, handed back unchanged.
struct WedgeKey
{
    QString text;
    int key = 0;
    qint64 timestampMs = 0;
    bool autoRepeat = false;
    quint64 id = 0;
};

// What the classifier decided. Scan: the keys held so far (and the terminator) were a scanner burst; code
// is their text, terminator excluded, and none of those keys may reach a widget. Passthrough: keys that
// were typed by a person (or are not part of any scan), in arrival order and unchanged; the caller delivers
// them. Pending: keys are held until the next key or the deadline (msUntilDecision) decides.
struct WedgeDecision
{
    enum class Kind { Pending, Scan, Passthrough };
    Kind kind = Kind::Pending;
    QString code;         // Scan only
    QList<WedgeKey> keys; // Passthrough only
};

// Tells keyboard-wedge scanner bursts from human typing by inter-key timing and a terminator. Pure logic
// (no widgets, no timers, no clock of its own): the caller feeds key presses and asks again at the
// deadline. A scan is at least minCodeLength printable characters, each at most maxInterKeyGapMs after the
// previous one, the whole burst within maxBurstMs, followed within the gap by a terminator (Enter/Return;
// Tab when tabTerminates). Anything else is passed through: slow keys, a fast burst that stops without a
// terminator (at the deadline), short fast bursts (two letters typed quickly), auto-repeat, and keys that
// cannot be part of a code (arrows, Backspace, control characters). Modifier keys (Shift for upper-case
// letters) are held with the burst and do not break it. Not thread-safe; one instance per keyboard stream.
class WedgeClassifier
{
public:
    struct Config
    {
        int maxInterKeyGapMs = 35; // scanners type a key every 1-20 ms; people rarely under 50 ms
        int minCodeLength = 4;     // shorter bursts are a person typing quickly
        int maxCodeLength = 512;   // a longer burst is passed through (and its keys delivered)
        int maxBurstMs = 2000;     // first key to terminator
        bool tabTerminates = false;
    };

    WedgeClassifier() = default;
    explicit WedgeClassifier(Config config) : m_config(config) {}

    const Config& config() const { return m_config; }

    // Decisions caused by key, in order. The list is never empty; its last element is Pending exactly when
    // keys are held after this call (the earlier elements then release or consume older keys).
    QList<WedgeDecision> feed(const WedgeKey& key);
    // Releases the held keys as Passthrough when nowMs has reached the deadline; otherwise nothing (an
    // empty list) while keys stay held.
    QList<WedgeDecision> expire(qint64 nowMs);
    // Milliseconds from nowMs until expire() would release the held keys (0 when already due); nullopt when
    // nothing is held.
    std::optional<qint64> msUntilDecision(qint64 nowMs) const;
    bool isHolding() const { return !m_held.isEmpty(); }
    // Hands back every held key as Passthrough at once (e.g. the window lost focus); empty when none.
    QList<WedgeDecision> releaseAll();

private:
    static bool isModifier(int key);
    static bool isCodeCharacter(const WedgeKey& key);
    bool isTerminator(int key) const;
    void releaseHeld(QList<WedgeDecision>& out, const QList<WedgeKey>& extra = {});
    void hold(const WedgeKey& key);

    Config m_config;
    QList<WedgeKey> m_held;
    QString m_code;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
};

} // namespace devices
} // namespace pos
