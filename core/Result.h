// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QMetaType>
#include <QString>

#include <utility>
#include <variant>

namespace pos {

// Stable, untranslated classification of a failure. Callers branch on the code; people read userMessage.
enum class ErrorCode {
    InvalidInput,
    NotFound,
    AlreadyRunning,
    IoFailure,
    StorageFailure,
    StorageFull,
    StorageCorrupt,
    StorageBusy,
    VersionMismatch,
    OutcomeUnknown,
    CryptoFailure,
    SelfTestFailed,
    ProtocolViolation,
    DeviceOffline,
    DeviceTimeout,
    NetworkFailure,
    Timeout,
    Declined,
    Cancelled,
    Internal,
};

// The untranslated name of a code ("SelfTestFailed"), for logs and --json output.
QString errorCodeName(ErrorCode code);

// Contract: userMessage is already translated (tr() at the failure site) and may be shown to a cashier;
// detail is untranslated technical context for the log and must never contain card data or secrets.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString userMessage;
    QString detail;
};

// Marker returned by fail(); converts into any Result<T>.
struct Failure
{
    Error error;
};

inline Failure fail(ErrorCode code, QString userMessage, QString detail = {})
{
    return Failure{Error{code, std::move(userMessage), std::move(detail)}};
}

// Result<T>: a value or an Error, never both. Accessing value() of a failed result (or error() of a
// successful one) is a programming error and asserts. Exceptions are not used across module boundaries.
template <typename T = void>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Failure failure) : m_state(std::in_place_index<1>, std::move(failure.error)) {}

    bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    const T& value() const&
    {
        Q_ASSERT(hasValue());
        return std::get<0>(m_state);
    }
    T& value() &
    {
        Q_ASSERT(hasValue());
        return std::get<0>(m_state);
    }
    T&& value() &&
    {
        Q_ASSERT(hasValue());
        return std::get<0>(std::move(m_state));
    }
    const Error& error() const
    {
        Q_ASSERT(!hasValue());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Failure failure) : m_error(std::move(failure.error)), m_failed(true) {}

    bool hasValue() const { return !m_failed; }
    explicit operator bool() const { return hasValue(); }
    const Error& error() const
    {
        Q_ASSERT(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace pos

Q_DECLARE_METATYPE(pos::Error)
