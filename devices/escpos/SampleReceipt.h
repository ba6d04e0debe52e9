// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/receipt/ReceiptDocument.h"

// A fixed sample sale receipt (printer test page, `pos-tool receipt sample`, golden files in
// tests/data/receipts/). Deterministic: the same document on every call. Card data is masked (6 + 4).
namespace pos {
namespace devices {

receipt::ReceiptDocument sampleReceipt();

// The sample's 96 x 48 dot 1-bit logo (a frame around the letters "POS"), GS v 0 layout: 12 bytes per row.
receipt::LogoBlock sampleLogo();

} // namespace devices
} // namespace pos
