// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

// Check functions of the simulator's onboarding review. The simulator keeps its own copies: the POS core gets
// separate validators, and two implementations of the standards catch each other's mistakes.
namespace pos {
namespace sim {

// GB 32100-2015 unified social credit code: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O,
// S, V, Z), upper case, the 18th the check character: C18 = 31 − (Σ value(Ci)·3^(i−1) mod 31) mod 31, i =
// 1…17.
bool isValidUscc(QStringView code);
// The check character for the first 17 characters (which must be in the alphabet); '\0' otherwise.
QChar usccCheckCharacter(QStringView first17);

// GB 11643-1999 citizen identity number: 17 digits and a MOD 11-2 check character (0–9 or upper-case X);
// digits 7–14 a valid date YYYYMMDD from 1900-01-01 up to today.
bool isValidResidentId(QStringView id, const QDate& today = QDate::currentDate());
QChar residentIdCheckCharacter(QStringView first17);

} // namespace sim
} // namespace pos
