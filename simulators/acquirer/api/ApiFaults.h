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

// Seeded fault injection of the simulator's JSON API (--api-faults SPEC, --api-fault-paths LIST, --seed N,
// --fault-delay-ms). One draw per authenticated request that the path filter selects; other requests draw
// nothing, so the same seed and the same request sequence give the same faults. What each fault does:
//   drop-request    the connection is closed without processing the request
//   drop-response   processed and committed, then the connection is closed without an answer
//   delay           processed, the answer written after the fault delay
//   http-500        nothing processed, answered 500 SYSTEM_ERROR (signed)
//   http-503-after  processed and committed, answered 503 SYSTEM_BUSY (signed)
//   bad-signature   processed, the answer's X-Pos-Signature is wrong
//   bad-tmk-kcv     processed; an activation answer's tmkKcv is wrong (signed): the pad must refuse the TMK
namespace pos {
namespace sim {

enum class ApiFaultKind {
    None,
    DropRequest,
    DropResponse,
    Delay,
    Http500,
    Http503After,
    BadSignature,
    BadTmkKcv
};

QString apiFaultName(ApiFaultKind kind);
std::optional<ApiFaultKind> apiFaultKindFromName(QStringView name);

struct ApiFaultRule
{
    ApiFaultKind kind = ApiFaultKind::None;
    double probability = 0.0; // 0 < p <= 1
    friend bool operator==(const ApiFaultRule&, const ApiFaultRule&) = default;
};

struct ApiFaultConfig
{
    QList<ApiFaultRule> rules;
    quint64 seed = 0;
    std::chrono::milliseconds delay{3000};
    // Path patterns ("/v1/qr/*" a prefix, otherwise an exact path without the query). Empty: the default,
    // POST and PUT calls under /v1/qr/ and /v1/terminals/; a list given with --api-fault-paths selects every
    // method on the matching paths.
    QStringList paths;
};

// SPEC: "none", or comma-separated "kind:probability" ("kind=probability" and a bare "kind" = 1 are accepted
// too). Each kind at most once, probabilities in (0, 1] summing to at most 1. InvalidInput naming the item.
Result<QList<ApiFaultRule>> parseApiFaultSpec(QStringView spec);
// LIST: comma-separated path patterns, each starting with "/v1/"; InvalidInput otherwise.
Result<QStringList> parseApiFaultPaths(QStringView list);

class ApiFaultInjector final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::ApiFaultInjector)

public:
    explicit ApiFaultInjector(ApiFaultConfig config = {});

    const ApiFaultConfig& config() const { return m_config; }
    bool isActive() const { return !m_config.rules.isEmpty(); }

    // Whether faults may hit this call (method, path without query).
    bool selects(QByteArrayView method, QByteArrayView path) const;
    // The fault for the next selected call; consumes exactly one draw when the call is selected and rules
    // exist, none otherwise.
    ApiFaultKind draw(QByteArrayView method, QByteArrayView path);

private:
    ApiFaultConfig m_config;
    std::mt19937_64 m_random;
};

} // namespace sim
} // namespace pos
