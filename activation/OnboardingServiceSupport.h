// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingFlow.h"
#include "core/onboarding/OnboardingStore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

// Helpers of OnboardingService, internal to activation/.
namespace pos {
namespace activation {
namespace detail {

inline constexpr char draftAad[] = "onboarding-draft";
inline constexpr char activationCodeAad[] = "activation-code";

// Calls done(result) later in context's thread (never inside the caller), and not at all once context is
// gone: the asynchronous contract of OnboardingFlow for answers known at once.
template <typename T>
void deliverLater(const QObject* context, std::function<void(Result<T>)> done, Result<T> result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}

// Runs work on the global thread pool and hands its result to done in the GUI thread, if context (a
// GUI-thread object) still exists then. work must not touch context.
template <typename T>
void runOffThread(QObject* context, std::function<Result<T>()> work, std::function<void(Result<T>)> done)
{
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([guard, work = std::move(work), done = std::move(done)]() mutable {
        auto result = std::make_shared<Result<T>>(work());
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, done = std::move(done), result] {
                if (guard)
                    done(*result);
            },
            Qt::QueuedConnection);
    });
}

std::optional<OnboardingStatus> statusFromKey(const QString& key);
// Draft and Rejected: the merchant may edit and save pages.
bool isEditable(OnboardingStatus status);

// The draft sealed by the service (empty sealed bytes: an empty draft).
Result<OnboardingDraft> openDraft(QByteArrayView key, const QByteArray& sealed);
Result<QByteArray>
openAttachment(QByteArrayView key, const QString& keyId, const StoredAttachment& stored, AttachmentKind kind);
Failure noAttachment(AttachmentKind kind);

// Reasons as stored (JSON array of {code, field, message}); pages are derived again with pageForField.
QString reasonsToJson(const QList<ReviewReason>& reasons);
QList<ReviewReason> reasonsFromJson(const QString& json);

} // namespace detail
} // namespace activation
} // namespace pos
