// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/TestCards.h"
#include "simulators/pinpad/Cardholder.h"

#include <QTimer>

#include <algorithm>

namespace pos {
namespace sim {

Result<QList<CardholderStep>> parseCardholderScript(const QString& text)
{
    QList<CardholderStep> steps;
    int lineNumber = 0;
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        ++lineNumber;
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString verb = words.first();
        const auto bad = [lineNumber](const QString& why) {
            return fail(ErrorCode::InvalidInput, QStringLiteral("The cardholder script is not valid."),
                        QStringLiteral("line %1: %2").arg(lineNumber).arg(why));
        };
        if (verb == QLatin1String("card") && words.size() == 2) {
            if (!findTestCardByLabel(words.at(1)))
                return bad(QStringLiteral("unknown test card %1").arg(words.at(1)));
            steps.append({CardholderStep::Card, words.at(1)});
        } else if (verb == QLatin1String("pin") && words.size() == 2) {
            const QString digits = words.at(1);
            if (digits.size() < 4 || digits.size() > 12 ||
                !std::all_of(digits.cbegin(), digits.cend(), [](QChar c) { return c.isDigit(); }))
                return bad(QStringLiteral("a PIN has 4-12 digits"));
            steps.append({CardholderStep::Pin, digits});
        } else if (verb == QLatin1String("wait") && words.size() == 2) {
            bool ok = false;
            const int ms = words.at(1).toInt(&ok);
            if (!ok || ms < 0 || ms > 600'000)
                return bad(QStringLiteral("wait takes 0-600000 ms"));
            steps.append({CardholderStep::Wait, words.at(1)});
        } else if (words.size() == 1 && verb == QLatin1String("nopin")) {
            steps.append(CardholderStep{CardholderStep::NoPin, QString()});
        } else if (words.size() == 1 && verb == QLatin1String("cancel")) {
            steps.append(CardholderStep{CardholderStep::Cancel, QString()});
        } else if (words.size() == 1 && verb == QLatin1String("ignore")) {
            steps.append(CardholderStep{CardholderStep::Ignore, QString()});
        } else {
            return bad(QStringLiteral("cannot read '%1'").arg(line));
        }
    }
    return steps;
}

std::optional<CardholderStep> ScriptedCardholder::nextStep(int& delayMs)
{
    delayMs = 0;
    while (!m_script.isEmpty()) {
        CardholderStep step = m_script.takeFirst();
        if (step.kind != CardholderStep::Wait)
            return step;
        delayMs += step.value.toInt();
    }
    return std::nullopt;
}

void ScriptedCardholder::askForCard(const CardQuestion& question, std::function<void(CardAnswer)> answer)
{
    Q_UNUSED(question);
    int delayMs = 0;
    const std::optional<CardholderStep> step = nextStep(delayMs);
    if (step && step->kind == CardholderStep::Ignore)
        return;
    if (step && step->kind != CardholderStep::Card && step->kind != CardholderStep::Cancel)
        m_script.prepend(*step); // a PIN step: the card comes by default
    const bool cancel = step && step->kind == CardholderStep::Cancel;
    const QString label =
        step && step->kind == CardholderStep::Card ? step->value : QStringLiteral("magstripe-approve");
    QTimer::singleShot(delayMs, &m_timers, [this, cancel, label, answer = std::move(answer)] {
        if (cancel) {
            answer({CardAnswer::Cancel, QString()});
            return;
        }
        m_lastCardLabel = label;
        answer({CardAnswer::Card, label});
    });
}

void ScriptedCardholder::askForPin(const PinQuestion& question,
                                   KeyTyped keyTyped,
                                   std::function<void(PinAnswer)> answer)
{
    Q_UNUSED(question);
    int delayMs = 0;
    std::optional<CardholderStep> step = nextStep(delayMs);
    if (step && step->kind == CardholderStep::Ignore)
        return;
    if (!step || step->kind == CardholderStep::Card) {
        if (step)
            m_script.prepend(*step);
        const std::optional<TestCard> card = findTestCardByLabel(m_lastCardLabel);
        step = CardholderStep{CardholderStep::Pin, card ? card->pin : QStringLiteral("123456")};
    }
    const CardholderStep action = *step;
    QTimer::singleShot(delayMs, &m_timers,
                       [action, keyTyped = std::move(keyTyped), answer = std::move(answer)] {
                           if (action.kind == CardholderStep::Cancel) {
                               keyTyped(CancelKey, 0);
                               answer({PinAnswer::Cancel, QString()});
                               return;
                           }
                           if (action.kind == CardholderStep::NoPin) {
                               keyTyped(EnterKey, 0);
                               answer({PinAnswer::NoPin, QString()});
                               return;
                           }
                           const int length = static_cast<int>(action.value.size());
                           for (int typed = 1; typed <= length; ++typed)
                               keyTyped(DigitKey, typed);
                           keyTyped(EnterKey, length);
                           answer({PinAnswer::Pin, action.value});
                       });
}

} // namespace sim
} // namespace pos
