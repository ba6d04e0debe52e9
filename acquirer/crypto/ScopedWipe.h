// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/crypto/CryptoPrimitives.h"

#include <QByteArray>

namespace pos {
namespace acquirer {

// Wipes the referenced buffer (crypto::secureWipe) when the scope ends, on every return path. The buffer must
// outlive the guard. Declare it right after the secret buffer it guards.
class ScopedWipe final
{
public:
    explicit ScopedWipe(QByteArray& secret) : m_secret(secret) {}
    ~ScopedWipe() { crypto::secureWipe(m_secret); }
    Q_DISABLE_COPY_MOVE(ScopedWipe)

private:
    QByteArray& m_secret;
};

} // namespace acquirer
} // namespace pos
