// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>

namespace pos {
namespace sim {

// Reads dataDir/host.db read-only (the simulator may still be running) and returns
//   {"terminals": [...], "transactions": [...], "settlements": [...], "uploads": [...], "faults": [...],
//    "tombstones": [...], and from the JSON API (schema 2; keys absent for an older host.db):
//    "merchants": [...], "applications": [...], "apiTerminals": [...], "documents": [...], "qrOrders": [...],
//    "qrRefunds": [...], and (schema 3) "activations": [...] (one row per terminal: tid, batch, stan, rrn,
//    state approved|reversed, created)}
// with one object per row, column names as keys, amounts in integer fen. Never includes keys (TMK, work keys
// or API secrets), activation codes, document contents, application bodies, request digests or response
// frames; PANs only masked as stored. NotFound when host.db is missing.
Result<QJsonObject> dumpHostLedger(const QString& dataDir);

} // namespace sim
} // namespace pos
