// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QList>
#include <QString>

namespace pos {
namespace ui {

// The main window's pages, in navigation order.
enum class PageId { Sell, Reports, Settlement, Devices, Settings, Activation };

inline QList<PageId> allPages()
{
    return {PageId::Sell,    PageId::Reports,  PageId::Settlement,
            PageId::Devices, PageId::Settings, PageId::Activation};
}

// Stable, untranslated key ("sell", "reports", …) for object names, screenshots and logs.
inline QString pageKey(PageId page)
{
    switch (page) {
    case PageId::Sell: return QStringLiteral("sell");
    case PageId::Reports: return QStringLiteral("reports");
    case PageId::Settlement: return QStringLiteral("settlement");
    case PageId::Devices: return QStringLiteral("devices");
    case PageId::Settings: return QStringLiteral("settings");
    case PageId::Activation: return QStringLiteral("activation");
    }
    return {};
}

} // namespace ui
} // namespace pos
