// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace pos {
namespace app {

// One running pos per data directory: an exclusive lock file "pos.lock" in the folder, held for the life of
// this object. A lock left by a process that no longer runs (crash, power cut) is taken over.
class InstanceGuard final
{
public:
    explicit InstanceGuard(const QString& dataDirectory);

    // Fails with ErrorCode::AlreadyRunning (naming the other process) when another live process holds it.
    Result<> acquire();
    bool isHeld() const { return m_held; }

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    bool m_held = false;
};

} // namespace app
} // namespace pos
