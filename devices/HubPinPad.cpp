// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/HubPinPad.h"

#include "devices/DeviceHub.h"

#include <QPointer>

namespace pos {
namespace devices {

HubPinPad::HubPinPad(DeviceHub& hub) : QObject(&hub), m_hub(hub)
{}

template <typename T>
void HubPinPad::forward(QObject* context,
                        Completion<T> done,
                        std::function<void(PinPad& pad, QObject* deviceContext, Completion<T> finish)> call)
{
    Q_ASSERT(context);
    // The result comes back to this object's (GUI) thread first, where the context's guard is checked safely.
    QPointer<QObject> guard(context);
    Completion<T> deliver = [this, guard, done = std::move(done)](Result<T> result) {
        QMetaObject::invokeMethod(
            this,
            [guard, done, result = std::move(result)]() mutable {
                if (guard)
                    done(std::move(result));
            },
            Qt::QueuedConnection);
    };
    m_hub.withPinPad([call = std::move(call), deliver = std::move(deliver)](
                         PinPad* pad, QObject* deviceContext, const Error* offline) {
        if (!pad) {
            deliver(Failure{*offline});
            return;
        }
        call(*pad, deviceContext, deliver);
    });
}

void HubPinPad::deviceInfo(QObject* context, Completion<PinPadInfo> done)
{
    forward<PinPadInfo>(context, std::move(done),
                        [](PinPad& pad, QObject* ctx, Completion<PinPadInfo> finish) {
                            pad.deviceInfo(ctx, std::move(finish));
                        });
}

void HubPinPad::loadTmk(QByteArray wrappedTmk,
                        KeyScheme scheme,
                        QByteArray expectedKcv,
                        QObject* context,
                        Completion<QByteArray> done)
{
    Completion<QByteArray> remember = [this, scheme, done = std::move(done)](Result<QByteArray> kcv) {
        if (kcv)
            m_scheme = scheme;
        done(std::move(kcv));
    };
    forward<QByteArray>(context, std::move(remember),
                        [wrappedTmk = std::move(wrappedTmk), scheme, expectedKcv = std::move(expectedKcv)](
                            PinPad& pad, QObject* ctx, Completion<QByteArray> finish) {
                            pad.loadTmk(wrappedTmk, scheme, expectedKcv, ctx, std::move(finish));
                        });
}

void HubPinPad::readCard(qint64 amountFen,
                         int timeoutSeconds,
                         quint8 entries,
                         const QString& prompt,
                         QObject* context,
                         Completion<CardRead> done)
{
    forward<CardRead>(context, std::move(done), [=](PinPad& pad, QObject* ctx, Completion<CardRead> finish) {
        pad.readCard(amountFen, timeoutSeconds, entries, prompt, ctx, std::move(finish));
    });
}

void HubPinPad::getPin(const QString& pan,
                       int minLength,
                       int maxLength,
                       int timeoutSeconds,
                       const QString& prompt,
                       QObject* context,
                       Completion<QByteArray> done)
{
    forward<QByteArray>(
        context, std::move(done), [=](PinPad& pad, QObject* ctx, Completion<QByteArray> finish) {
            pad.getPin(pan, minLength, maxLength, timeoutSeconds, prompt, ctx, std::move(finish));
        });
}

void HubPinPad::display(const QString& line1, const QString& line2, QObject* context, Completion<void> done)
{
    forward<void>(context, std::move(done), [=](PinPad& pad, QObject* ctx, Completion<void> finish) {
        pad.display(line1, line2, ctx, std::move(finish));
    });
}

void HubPinPad::beep(int count, int durationMs, QObject* context, Completion<void> done)
{
    forward<void>(context, std::move(done), [=](PinPad& pad, QObject* ctx, Completion<void> finish) {
        pad.beep(count, durationMs, ctx, std::move(finish));
    });
}

void HubPinPad::cancel(QObject* context, Completion<void> done)
{
    forward<void>(context, std::move(done), [](PinPad& pad, QObject* ctx, Completion<void> finish) {
        pad.cancel(ctx, std::move(finish));
    });
}

void HubPinPad::installWorkKeys(WorkKeyLayout layout,
                                QByteArray f62Block,
                                QObject* context,
                                Completion<WorkKeyCheck> done)
{
    forward<WorkKeyCheck>(
        context, std::move(done),
        [layout, f62Block = std::move(f62Block)](PinPad& pad, QObject* ctx, Completion<WorkKeyCheck> finish) {
            pad.installWorkKeys(layout, f62Block, ctx, std::move(finish));
        });
}

void HubPinPad::computeMac(MacAlgorithm algorithm,
                           QByteArray macBlock,
                           QObject* context,
                           Completion<QByteArray> done)
{
    forward<QByteArray>(context, std::move(done),
                        [algorithm, macBlock = std::move(macBlock)](PinPad& pad, QObject* ctx,
                                                                    Completion<QByteArray> finish) {
                            pad.computeMac(algorithm, macBlock, ctx, std::move(finish));
                        });
}

void HubPinPad::encryptTrack(QByteArray trackDigits, QObject* context, Completion<QByteArray> done)
{
    forward<QByteArray>(
        context, std::move(done),
        [trackDigits = std::move(trackDigits)](PinPad& pad, QObject* ctx, Completion<QByteArray> finish) {
            pad.encryptTrack(trackDigits, ctx, std::move(finish));
        });
}

} // namespace devices
} // namespace pos
