// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

// The demo terminal the acquirer simulator provisions when it is started without --terminal and its
// registry is empty. The demo app (pos --demo) and the tests configure the terminal side with the same
// values. The TMK is a test key, published here on purpose: never use it outside the simulator.
namespace pos {
namespace sim {

inline constexpr char demoTerminalId[] = "10000001";                     // F41, an8
inline constexpr char demoMerchantId[] = "898100012340001";              // F42, ans15
inline constexpr char demoMerchantName[] = "Demo Merchant";              // host registry only
inline constexpr char demoTmkHex[] = "11111111111111112222222222222222"; // 3DES, 16 bytes
inline constexpr char demoTmkSchemeName[] = "3des";                      // keySchemeName() spelling

} // namespace sim
} // namespace pos
