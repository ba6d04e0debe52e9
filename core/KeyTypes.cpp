// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/KeyTypes.h"

#include <algorithm>

namespace pos {

qsizetype keyLength(KeyScheme scheme)
{
    switch (scheme) {
    case KeyScheme::SingleDes: return 8;
    case KeyScheme::TripleDes:
    case KeyScheme::Sm4: return 16;
    }
    Q_UNREACHABLE();
}

qsizetype blockLength(KeyScheme scheme)
{
    return scheme == KeyScheme::Sm4 ? 16 : 8;
}

QString keySchemeName(KeyScheme scheme)
{
    switch (scheme) {
    case KeyScheme::SingleDes: return QStringLiteral("des");
    case KeyScheme::TripleDes: return QStringLiteral("3des");
    case KeyScheme::Sm4: return QStringLiteral("sm4");
    }
    Q_UNREACHABLE();
}

QString macAlgorithmName(MacAlgorithm algorithm)
{
    switch (algorithm) {
    case MacAlgorithm::CupEcb: return QStringLiteral("cup-ecb");
    case MacAlgorithm::AnsiX99: return QStringLiteral("x9.9");
    case MacAlgorithm::AnsiX919: return QStringLiteral("x9.19");
    }
    Q_UNREACHABLE();
}

QString workKeyLayoutName(WorkKeyLayout layout)
{
    switch (layout) {
    case WorkKeyLayout::Des001: return QStringLiteral("des-001");
    case WorkKeyLayout::TripleDes003: return QStringLiteral("3des-003");
    case WorkKeyLayout::TripleDesTrack004: return QStringLiteral("3des-tdk-004");
    case WorkKeyLayout::Sm4006: return QStringLiteral("sm4-006");
    }
    Q_UNREACHABLE();
}

QString workKeyRoleName(WorkKeyRole role)
{
    switch (role) {
    case WorkKeyRole::Pin: return QStringLiteral("PIK");
    case WorkKeyRole::Mac: return QStringLiteral("MAK");
    case WorkKeyRole::Track: return QStringLiteral("TDK");
    }
    Q_UNREACHABLE();
}

bool WorkKeyCheck::allMatch() const
{
    return !keys.isEmpty() &&
           std::all_of(keys.cbegin(), keys.cend(), [](const KeyCheckOutcome& key) { return key.matches(); });
}

} // namespace pos
