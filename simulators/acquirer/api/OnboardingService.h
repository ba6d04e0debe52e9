// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "simulators/acquirer/api/ApiStore.h"
#include "simulators/acquirer/api/HttpResponse.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <variant>

namespace pos {
namespace sim {

struct HttpRequest;

// The onboarding half of the JSON API (/v1/onboarding/*): the document store (type sniffed from magic bytes,
// idempotent by SHA-256, kept in host.db), applications (idempotent by clientReference, PUT resubmission of
// a rejected one) and the simulated review: an application is under_review at once and decided reviewDelay
// later by a QTimer (never blocking). Rejection reasons: LICENCE_INVALID, LICENCE_DUPLICATE, ID_INVALID,
// ID_BLACKLISTED, ACCOUNT_NAME_MISMATCH (all that apply); otherwise a new merchant (8981000 + 8 digits) and a
// single-use activation code. Every handler answers the HTTP response to send; storage failures are 500.
class OnboardingService final : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype maxDocumentBytes = 10 * 1024 * 1024;
    // The simulator's ID blacklist (GB 11643 numbers).
    static QStringList blacklistedIds();

    // clock: Unix ms for decision times (empty: the system clock).
    OnboardingService(ApiStore& store,
                      std::chrono::milliseconds reviewDelay,
                      std::function<qint64()> clock = {},
                      QObject* parent = nullptr);

    // Schedules the decision of applications left undecided by an earlier run (call once after start).
    Result<> resumeReviews();

    HttpResponse uploadDocument(const HttpRequest& request, qint64 nowMs);
    HttpResponse submitApplication(const QByteArray& body, qint64 nowMs);
    HttpResponse applicationStatus(const QString& applicationId);
    HttpResponse resubmitApplication(const QString& applicationId, const QByteArray& body, qint64 nowMs);

    // Decides an undecided application now (the review timer calls it). Storage failures are logged and the
    // application stays undecided.
    void decide(const QString& applicationId);

Q_SIGNALS:
    void applicationDecided(const QString& applicationId, const QString& status);

private:
    // The validated body, or the error response (400 FIELD_INVALID / DOCUMENT_UNKNOWN, 500).
    std::variant<QJsonObject, HttpResponse> validatedApplication(const QByteArray& body);
    void scheduleReview(const QString& applicationId);
    Result<QJsonArray> rejectionReasons(const QJsonObject& application);
    Result<> approve(ApplicationRecord& application, qint64 nowMs);

    ApiStore& m_store;
    std::chrono::milliseconds m_reviewDelay;
    std::function<qint64()> m_clock;
};

// 8 characters from A–Z and 2–9 without I and O, from the CSPRNG; empty when it fails.
QString newActivationCode();

} // namespace sim
} // namespace pos
