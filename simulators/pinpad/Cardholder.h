// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace pos {
namespace sim {

// The person at the emulated PIN pad: who presents a card at READ_CARD and types at GET_PIN. The emulator
// asks; the cardholder answers later (never inside the call), at most once per question, or never (the
// pad's own timeout then answers STATE 04). An answer that comes after the question is over (the PC
// cancelled, the pad timed out, another question was asked) is dropped by the emulator, so implementations
// need not track that themselves; questionOver() tells them, e.g. to disable buttons. GUI-free: the demo's
// window (CustomerWindow) and the scripted cardholder implement it. Thread affinity: the emulator's thread.
class Cardholder
{
public:
    struct CardQuestion
    {
        qint64 amountFen = 0;
        QString prompt;
        quint8 entries = 0x07; // READ_CARD tag 32: bit 0 swipe, bit 1 insert, bit 2 tap
    };
    struct CardAnswer
    {
        enum Kind { Card, Cancel };
        Kind kind = Card;
        QString label; // a test card label (simulators/acquirer/TestCards.h)
    };
    struct PinQuestion
    {
        qint64 amountFen = 0; // the amount of the last READ_CARD (GET_PIN carries none)
        QString prompt;
        int minLength = 4;
        int maxLength = 12;
    };
    struct PinAnswer
    {
        enum Kind { Pin, NoPin, Cancel };
        Kind kind = Pin;
        QString digits;
    };
    // Key classes of the KEY_PRESSED event (docs/pinpad-protocol.md §4).
    enum KeyClass { DigitKey = 1, EnterKey = 2, CancelKey = 3, ClearKey = 4 };
    using KeyTyped = std::function<void(KeyClass key, int digitsSoFar)>;

    virtual ~Cardholder() = default;

    virtual void askForCard(const CardQuestion& question, std::function<void(CardAnswer)> answer) = 0;
    // keyTyped reports each key as it is pressed (never the digit itself), before answer.
    virtual void
    askForPin(const PinQuestion& question, KeyTyped keyTyped, std::function<void(PinAnswer)> answer) = 0;
    // The outstanding question is over: answered, cancelled by the PC, timed out, or the PC went away.
    virtual void questionOver() {}
    // DISPLAY: two lines, both empty to clear.
    virtual void display(const QString& line1, const QString& line2)
    {
        Q_UNUSED(line1);
        Q_UNUSED(line2);
    }
};

// What the scripted cardholder does next (one line of a script file each):
//   card LABEL   present the simulator's test card LABEL at the next READ_CARD
//   pin DIGITS   type DIGITS then Enter at the next GET_PIN (KEY_PRESSED events without the digits)
//   nopin        press Enter without digits
//   cancel       press Cancel at the next READ_CARD or GET_PIN
//   ignore       do nothing at the next READ_CARD or GET_PIN (the pad's own timeout answers 04)
//   wait MS      wait MS milliseconds before the next step acts
// Blank lines and lines starting with '#' are skipped. When the script is used up, READ_CARD presents
// "magstripe-approve" and GET_PIN types the last card's own PIN.
struct CardholderStep
{
    enum Kind { Card, Pin, NoPin, Cancel, Ignore, Wait };
    Kind kind = Card;
    QString value; // label, digits or milliseconds
};
Result<QList<CardholderStep>> parseCardholderScript(const QString& text);

// The cardholder of --script (and the default one): follows the steps above, each answer delivered from the
// event loop after the step's waits.
class ScriptedCardholder final : public Cardholder
{
public:
    explicit ScriptedCardholder(QList<CardholderStep> script) : m_script(std::move(script)) {}

    void askForCard(const CardQuestion& question, std::function<void(CardAnswer)> answer) override;
    void
    askForPin(const PinQuestion& question, KeyTyped keyTyped, std::function<void(PinAnswer)> answer) override;

private:
    std::optional<CardholderStep> nextStep(int& delayMs);

    QList<CardholderStep> m_script;
    QString m_lastCardLabel;
    QObject m_timers; // context of the delayed answers: none fires after the cardholder is gone
};

} // namespace sim
} // namespace pos
