// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/Result.h"

namespace pos {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput: return QStringLiteral("InvalidInput");
    case ErrorCode::NotFound: return QStringLiteral("NotFound");
    case ErrorCode::AlreadyRunning: return QStringLiteral("AlreadyRunning");
    case ErrorCode::IoFailure: return QStringLiteral("IoFailure");
    case ErrorCode::StorageFailure: return QStringLiteral("StorageFailure");
    case ErrorCode::StorageFull: return QStringLiteral("StorageFull");
    case ErrorCode::StorageCorrupt: return QStringLiteral("StorageCorrupt");
    case ErrorCode::StorageBusy: return QStringLiteral("StorageBusy");
    case ErrorCode::VersionMismatch: return QStringLiteral("VersionMismatch");
    case ErrorCode::OutcomeUnknown: return QStringLiteral("OutcomeUnknown");
    case ErrorCode::CryptoFailure: return QStringLiteral("CryptoFailure");
    case ErrorCode::SelfTestFailed: return QStringLiteral("SelfTestFailed");
    case ErrorCode::ProtocolViolation: return QStringLiteral("ProtocolViolation");
    case ErrorCode::DeviceOffline: return QStringLiteral("DeviceOffline");
    case ErrorCode::DeviceTimeout: return QStringLiteral("DeviceTimeout");
    case ErrorCode::NetworkFailure: return QStringLiteral("NetworkFailure");
    case ErrorCode::Timeout: return QStringLiteral("Timeout");
    case ErrorCode::Declined: return QStringLiteral("Declined");
    case ErrorCode::Cancelled: return QStringLiteral("Cancelled");
    case ErrorCode::Internal: return QStringLiteral("Internal");
    }
    return QStringLiteral("Unknown");
}

} // namespace pos
