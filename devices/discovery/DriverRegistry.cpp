// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/discovery/DriverRegistry.h"

#include "devices/usb/Ieee1284Id.h"
#include "devices/usb/UsbAllowList.h"
#include "devices/usb/UsbDescriptors.h"

#include <algorithm>

namespace pos {
namespace devices {
namespace {

bool listedAs(const UsbAllowList& allowList, const DeviceCandidate& candidate, DeviceRole role)
{
    if (candidate.transportKind != TransportKind::Usb)
        return false;
    const std::optional<UsbAllowListEntry> entry = allowList.find(candidate.vendorId, candidate.productId);
    return entry && entry->role == role;
}

bool isUsbPrinterClass(const DeviceCandidate& candidate)
{
    return candidate.transportKind == TransportKind::Usb &&
           candidate.printerInterfaceClass == usbClassPrinter;
}

} // namespace

DriverRegistry DriverRegistry::standard()
{
    return standard(UsbAllowList::builtIn());
}

DriverRegistry DriverRegistry::standard(const UsbAllowList& allowList)
{
    const QString escpos = QStringLiteral("escpos");
    DriverRegistry registry;
    registry.addRule({escpos, DeviceRole::ReceiptPrinter, 90, false,
                      QStringLiteral("allow-listed USB printer"), [allowList](const DeviceCandidate& c) {
                          return listedAs(allowList, c, DeviceRole::ReceiptPrinter) &&
                                 c.printerInterfaceClass != 0;
                      }});
    registry.addRule(
        {QStringLiteral("pinpad"), DeviceRole::PinPad, 90, false, QStringLiteral("allow-listed USB PIN pad"),
         [allowList](const DeviceCandidate& c) { return listedAs(allowList, c, DeviceRole::PinPad); }});
    registry.addRule({QStringLiteral("scanner"), DeviceRole::Scanner, 90, false,
                      QStringLiteral("allow-listed USB scanner"), [allowList](const DeviceCandidate& c) {
                          return listedAs(allowList, c, DeviceRole::Scanner);
                      }});
    registry.addRule({escpos, DeviceRole::ReceiptPrinter, 80, false,
                      QStringLiteral("USB printer class, IEEE 1284 CMD:ESC/POS"),
                      [](const DeviceCandidate& c) {
                          return isUsbPrinterClass(c) && parseIeee1284Id(c.ieee1284Id).speaksEscPos();
                      }});
    registry.addRule({escpos, DeviceRole::ReceiptPrinter, 60, false,
                      QStringLiteral("configured network printer"),
                      [](const DeviceCandidate& c) { return c.transportKind == TransportKind::Tcp; }});
    registry.addRule({escpos, DeviceRole::ReceiptPrinter, 40, true,
                      QStringLiteral("USB printer class without ESC/POS in its device id"),
                      [](const DeviceCandidate& c) {
                          return isUsbPrinterClass(c) && !parseIeee1284Id(c.ieee1284Id).speaksEscPos();
                      }});
    const auto serial = [](const DeviceCandidate& c) { return c.transportKind == TransportKind::Serial; };
    registry.addRule(
        {QStringLiteral("pinpad"), DeviceRole::PinPad, 30, true, QStringLiteral("serial port"), serial});
    registry.addRule({escpos, DeviceRole::ReceiptPrinter, 20, true, QStringLiteral("serial port"), serial});
    registry.addRule(
        {QStringLiteral("scanner"), DeviceRole::Scanner, 10, true, QStringLiteral("serial port"), serial});
    return registry;
}

void DriverRegistry::addRule(DriverRule rule)
{
    m_rules.append(std::move(rule));
}

QList<DriverMatch> DriverRegistry::matches(const DeviceCandidate& candidate) const
{
    QList<DriverMatch> found;
    for (const DriverRule& rule : m_rules) {
        if (rule.supports && rule.supports(candidate))
            found.append(
                DriverMatch{rule.driver, rule.role, rule.priority, rule.needsUserChoice, rule.reason});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const DriverMatch& a, const DriverMatch& b) { return a.priority > b.priority; });
    return found;
}

std::optional<DriverMatch> DriverRegistry::bestMatch(const DeviceCandidate& candidate) const
{
    const QList<DriverMatch> found = matches(candidate);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

} // namespace devices
} // namespace pos
