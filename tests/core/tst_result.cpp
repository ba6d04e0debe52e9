// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/Result.h"

#include <QTest>

using namespace pos;

class tst_Result final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valueIsReturned();
    void failureCarriesCodeMessageAndDetail();
    void voidResultDefaultsToSuccess();
    void voidResultCarriesFailure();
    void movesValueOut();
    void errorCodeNamesAreDistinct();
};

void tst_Result::valueIsReturned()
{
    const Result<int> result = 42;
    QVERIFY(result.hasValue());
    QCOMPARE(result.value(), 42);
}

void tst_Result::failureCarriesCodeMessageAndDetail()
{
    const Result<int> result =
        fail(ErrorCode::Declined, QStringLiteral("Declined by the bank"), QStringLiteral("39=05"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Declined);
    QCOMPARE(result.error().userMessage, QStringLiteral("Declined by the bank"));
    QCOMPARE(result.error().detail, QStringLiteral("39=05"));
}

void tst_Result::voidResultDefaultsToSuccess()
{
    const Result<> result;
    QVERIFY(result.hasValue());
}

void tst_Result::voidResultCarriesFailure()
{
    const Result<> result = fail(ErrorCode::Timeout, QStringLiteral("No answer"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Timeout);
    QVERIFY(result.error().detail.isEmpty());
}

void tst_Result::movesValueOut()
{
    Result<QString> result = QStringLiteral("payload");
    const QString moved = std::move(result).value();
    QCOMPARE(moved, QStringLiteral("payload"));
}

void tst_Result::errorCodeNamesAreDistinct()
{
    QSet<QString> names;
    for (int code = 0; code <= static_cast<int>(ErrorCode::Internal); ++code)
        names.insert(errorCodeName(static_cast<ErrorCode>(code)));
    QCOMPARE(names.size(), static_cast<int>(ErrorCode::Internal) + 1);
    QVERIFY(!names.contains(QStringLiteral("Unknown")));
}

QTEST_APPLESS_MAIN(tst_Result)
#include "tst_result.moc"
