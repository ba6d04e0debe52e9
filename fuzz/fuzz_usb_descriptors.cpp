// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/usb/Ieee1284Id.h"
#include "devices/usb/UsbDescriptors.h"
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"

#include <cstdlib>

// Properties (devices/usb/UsbDescriptors.h, Ieee1284Id.h), input = what a USB device sent: the whole input is
// parsed as a configuration blob and its first 18 bytes as a device descriptor; a parsed configuration keeps
// every endpoint inside an interface with no more endpoints than declared, and a printer interface chosen
// from it names a bulk OUT (and optionally bulk IN) endpoint of that very interface; a listed device never
// gets fewer choices than an unlisted one. The input as a GET_DEVICE_ID reply parses to an id whose canonical
// text parses back to the same fields.
namespace pos {
namespace fuzz {
namespace {

using namespace devices;

constexpr const char* target = "fuzz_usb_descriptors";

bool endpointOf(const UsbConfiguration& configuration,
                const UsbPrinterInterface& chosen,
                quint8 address,
                bool in)
{
    for (const UsbInterface& interface : configuration.interfaces) {
        if (interface.number != chosen.interfaceNumber ||
            interface.alternateSetting != chosen.alternateSetting)
            continue;
        for (const UsbEndpoint& endpoint : interface.endpoints) {
            if (endpoint.address == address && endpoint.isIn() == in &&
                endpoint.transferType() == UsbTransferType::Bulk)
                return true;
        }
    }
    return false;
}

} // namespace

bool usbDescriptorsHold(QByteArrayView data)
{
    (void)parseUsbDeviceDescriptor(data.first(std::min<qsizetype>(data.size(), 18)));
    const Result<UsbConfiguration> configuration = parseUsbConfigurationDescriptor(data);
    if (configuration) {
        const Result<UsbPrinterInterface> unlisted = choosePrinterInterface(configuration.value(), false);
        const Result<UsbPrinterInterface> listed = choosePrinterInterface(configuration.value(), true);
        if (unlisted && !listed)
            return violated(target, "allow-listing lost a printer interface");
        for (const Result<UsbPrinterInterface>* chosen : {&unlisted, &listed}) {
            if (!*chosen)
                continue;
            const UsbPrinterInterface& printer = chosen->value();
            if (!endpointOf(configuration.value(), printer, printer.bulkOut, false))
                return violated(target, "bulk OUT is not an endpoint of the chosen interface");
            if (printer.bulkIn && !endpointOf(configuration.value(), printer, *printer.bulkIn, true))
                return violated(target, "bulk IN is not an endpoint of the chosen interface");
        }
    }
    const Result<Ieee1284Id> id = parseIeee1284Reply(data);
    if (id && parseIeee1284Id(id.value().toString()).fields != id.value().fields)
        return violated(target, "IEEE 1284 id does not survive its canonical text");
    return true;
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::usbDescriptorsHold(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
