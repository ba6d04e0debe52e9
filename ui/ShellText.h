// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"
#include "ui/PageId.h"

#include <QCoreApplication>
#include <QString>

namespace pos {
namespace ui {

// Translated texts the shell shows in several places: page titles, names of terminal states, and the "tone"
// used to colour a state.
// Tones are the QSS dynamic-property values: "ok", "warn", "error", "unknown".
class ShellText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::ui::ShellText)
public:
    static QString pageTitle(PageId page);
    static QString activation(ActivationState state);
    static QString link(LinkState state);
    static QString deviceRole(DeviceRole role);
    static QString device(DeviceState state);
    static QString unsynced(qint64 count);

    static QString activationTone(ActivationState state);
    static QString linkTone(LinkState state);
    static QString deviceTone(DeviceState state);
};

} // namespace ui
} // namespace pos
