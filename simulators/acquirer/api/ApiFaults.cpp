// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/ApiFaults.h"

#include <array>
#include <utility>

namespace pos {
namespace sim {
namespace {

constexpr std::array<std::pair<ApiFaultKind, const char*>, 8> apiFaultNames = {{
    {ApiFaultKind::None, "none"},
    {ApiFaultKind::DropRequest, "drop-request"},
    {ApiFaultKind::DropResponse, "drop-response"},
    {ApiFaultKind::Delay, "delay"},
    {ApiFaultKind::Http500, "http-500"},
    {ApiFaultKind::Http503After, "http-503-after"},
    {ApiFaultKind::BadSignature, "bad-signature"},
    {ApiFaultKind::BadTmkKcv, "bad-tmk-kcv"},
}};

constexpr double sumTolerance = 1e-9;

bool matchesPattern(QByteArrayView path, const QString& pattern)
{
    const QByteArray bytes = pattern.toLatin1();
    if (bytes.endsWith('*'))
        return path.startsWith(QByteArrayView(bytes).chopped(1));
    return path == QByteArrayView(bytes);
}

} // namespace

QString apiFaultName(ApiFaultKind kind)
{
    for (const auto& [candidate, name] : apiFaultNames) {
        if (candidate == kind)
            return QString::fromLatin1(name);
    }
    return QString();
}

std::optional<ApiFaultKind> apiFaultKindFromName(QStringView name)
{
    for (const auto& [kind, candidate] : apiFaultNames) {
        if (name == QLatin1String(candidate))
            return kind;
    }
    return std::nullopt;
}

Result<QList<ApiFaultRule>> parseApiFaultSpec(QStringView spec)
{
    const QString trimmed = spec.trimmed().toString();
    if (trimmed == QLatin1String("none"))
        return QList<ApiFaultRule>();
    if (trimmed.isEmpty())
        return fail(ErrorCode::InvalidInput, ApiFaultInjector::tr("The API fault specification is empty."),
                    QStringLiteral("empty --api-faults"));
    QList<ApiFaultRule> rules;
    double sum = 0.0;
    for (const QString& rawItem : trimmed.split(QLatin1Char(','))) {
        const QString item = rawItem.trimmed();
        qsizetype separator = item.indexOf(QLatin1Char(':'));
        if (separator < 0)
            separator = item.indexOf(QLatin1Char('='));
        const QString name = (separator < 0 ? item : item.left(separator)).trimmed();
        const std::optional<ApiFaultKind> kind = apiFaultKindFromName(name);
        if (!kind || *kind == ApiFaultKind::None)
            return fail(ErrorCode::InvalidInput,
                        ApiFaultInjector::tr("Unknown API fault \"%1\" (drop-request, drop-response, delay, "
                                             "http-500, http-503-after, bad-signature, bad-tmk-kcv).")
                            .arg(name),
                        QStringLiteral("unknown API fault '%1'").arg(name));
        double probability = 1.0;
        if (separator >= 0) {
            bool ok = false;
            probability = item.mid(separator + 1).trimmed().toDouble(&ok);
            if (!ok || !(probability > 0.0) || probability > 1.0)
                return fail(
                    ErrorCode::InvalidInput,
                    ApiFaultInjector::tr("The probability of API fault \"%1\" must be a number above 0 "
                                         "and at most 1.")
                        .arg(name),
                    QStringLiteral("bad probability '%1'").arg(item.mid(separator + 1)));
        }
        for (const ApiFaultRule& rule : std::as_const(rules)) {
            if (rule.kind == *kind)
                return fail(ErrorCode::InvalidInput,
                            ApiFaultInjector::tr("API fault \"%1\" is listed twice.").arg(name),
                            QStringLiteral("duplicate API fault '%1'").arg(name));
        }
        sum += probability;
        rules.append({*kind, probability});
    }
    if (sum > 1.0 + sumTolerance)
        return fail(ErrorCode::InvalidInput,
                    ApiFaultInjector::tr("The API fault probabilities add up to more than 1."),
                    QStringLiteral("probabilities sum to %1").arg(sum));
    return rules;
}

Result<QStringList> parseApiFaultPaths(QStringView list)
{
    QStringList paths;
    for (const QStringView raw : list.split(QLatin1Char(','))) {
        const QString path = raw.trimmed().toString();
        bool valid = path.startsWith(QLatin1String("/v1/"));
        for (const QChar c : path)
            valid = valid && c.unicode() > 0x20 && c.unicode() < 0x7F && c != QLatin1Char('?');
        if (valid && path.indexOf(QLatin1Char('*')) >= 0)
            valid = path.indexOf(QLatin1Char('*')) == path.size() - 1;
        if (!valid)
            return fail(ErrorCode::InvalidInput,
                        ApiFaultInjector::tr("\"%1\" is not an API path pattern (such as /v1/qr/* or "
                                             "/v1/qr/pay).")
                            .arg(path),
                        QStringLiteral("bad path '%1' in --api-fault-paths").arg(path));
        paths.append(path);
    }
    return paths;
}

ApiFaultInjector::ApiFaultInjector(ApiFaultConfig config)
    : m_config(std::move(config))
    , m_random(m_config.seed)
{}

bool ApiFaultInjector::selects(QByteArrayView method, QByteArrayView path) const
{
    if (m_config.paths.isEmpty()) {
        if (method != "POST" && method != "PUT")
            return false;
        return path.startsWith("/v1/qr/") || path.startsWith("/v1/terminals/");
    }
    for (const QString& pattern : m_config.paths) {
        if (matchesPattern(path, pattern))
            return true;
    }
    return false;
}

ApiFaultKind ApiFaultInjector::draw(QByteArrayView method, QByteArrayView path)
{
    if (m_config.rules.isEmpty() || !selects(method, path))
        return ApiFaultKind::None;
    // 53 random bits → [0, 1), the same on every platform.
    const double u = static_cast<double>(m_random() >> 11) * 0x1.0p-53;
    double cumulative = 0.0;
    for (const ApiFaultRule& rule : std::as_const(m_config.rules)) {
        cumulative += rule.probability;
        if (u < cumulative)
            return rule.kind;
    }
    return ApiFaultKind::None;
}

} // namespace sim
} // namespace pos
