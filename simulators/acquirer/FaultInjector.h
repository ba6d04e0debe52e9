// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <chrono>
#include <optional>
#include <random>

// Seeded fault injection of the acquirer host simulator (--faults SPEC --seed N). One draw per request
// whose MTI is in the filter decides at most one fault; requests outside the filter draw nothing, so the
// same seed and the same request sequence give the same faults. What each fault does (CardHostSession
// applies them):
//   drop-request         read and ignored: not processed, no reply, the connection stays open
//   drop-response        processed and committed, no reply
//   delay                processed, the reply written after the fault delay (default 3000 ms)
//   late-after-reversal  processed, the reply held until a reversal for that TID + STAN was processed, then
//                        written on the original connection if it is still open
//   duplicate            processed, the reply written twice
//   disconnect-mid-frame processed, half the reply written, then the connection closed
//   bad-mac              processed, one character of the reply's F64 changed (replies without F64 unchanged)
//   garbage              processed, 16–64 random bytes written instead of the reply, then the connection
//                        closed
//   rc68 rc91 rc96 rcA0  not processed: answered with that F39, without MAC
namespace pos {
namespace sim {

enum class FaultKind {
    None,
    DropRequest,
    DropResponse,
    Delay,
    LateAfterReversal,
    Duplicate,
    DisconnectMidFrame,
    BadMac,
    Garbage,
    Rc68,
    Rc91,
    Rc96,
    RcA0,
};

// "drop-request", …, "rcA0"; "none" for None.
QString faultName(FaultKind kind);
std::optional<FaultKind> faultKindFromName(QStringView name);
// The F39 an rcNN fault answers with; empty for the other kinds.
QString faultResponseCode(FaultKind kind);

struct FaultRule
{
    FaultKind kind = FaultKind::None;
    double probability = 0.0; // 0 < p <= 1
    friend bool operator==(const FaultRule&, const FaultRule&) = default;
};

struct FaultConfig
{
    QList<FaultRule> rules;
    quint64 seed = 0;
    std::chrono::milliseconds delay{3000};
    QStringList mtis = {QStringLiteral("0200"), QStringLiteral("0220"), QStringLiteral("0400")};
};

// Parses SPEC: "none", or comma-separated "name=probability" / "name" (= 1.0). Each name at most once,
// probabilities in (0, 1] summing to at most 1. InvalidInput with a message naming the bad item.
Result<QList<FaultRule>> parseFaultSpec(QStringView spec);
// Parses a comma-separated list of 4-digit MTIs ("0200,0220,0400").
Result<QStringList> parseFaultMtis(QStringView list);

class FaultInjector final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::FaultInjector)

public:
    explicit FaultInjector(FaultConfig config = {});

    const FaultConfig& config() const { return m_config; }
    bool isActive() const { return !m_config.rules.isEmpty(); }

    // The fault for the next request with this MTI (None when the MTI is not in the filter or nothing was
    // drawn). Consumes one draw exactly when the MTI is in the filter and rules exist.
    FaultKind draw(QStringView mti);

    // 16 to 64 random bytes from the same seeded generator.
    QByteArray garbage();

private:
    double uniform();

    FaultConfig m_config;
    std::mt19937_64 m_random;
};

} // namespace sim
} // namespace pos
