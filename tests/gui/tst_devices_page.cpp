// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The Devices page offscreen, driven through its real widgets, with a real device hub and the PIN pad
// emulator process: an address typed and Used is announced (and, wired as the application does, connects the
// pad, which the table then shows Ready); Self-test shows the pad's answer; a self-test with no device shows
// why not; a listed choice of None is an empty id; a receipt that failed to print is listed with its reason
// and Reprint puts it back in line.

#include "core/TerminalStatus.h"
#include "devices/DeviceHub.h"
#include "devices/discovery/DeviceEnumerator.h"
#include "devices/discovery/DeviceMonitor.h"
#include "devices/discovery/DriverRegistry.h"
#include "devices/escpos/SampleReceipt.h"
#include "sales/PrintService.h"
#include "storage/LedgerPrintQueue.h"
#include "storage/LedgerService.h"
#include "tests/support/TestSupport.h"
#include "ui/pages/DevicesPage.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::test;

class tst_DevicesPage final : public QObject
{
    Q_OBJECT

private:
    template <typename T>
    T* child(const QString& name) const
    {
        return m_page->findChild<T*>(name);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<TerminalStatus> m_status;
    std::unique_ptr<devices::DeviceHub> m_hub;
    std::unique_ptr<ui::DevicesPage> m_page;

private Q_SLOTS:
    void init()
    {
        m_status = std::make_unique<TerminalStatus>();
        devices::DeviceHub::Config config;
        config.reconnectIntervalMs = 200;
        m_hub = std::make_unique<devices::DeviceHub>(*m_status, config);
        m_page = std::make_unique<ui::DevicesPage>(m_status.get());
        m_page->attach(m_hub.get(), nullptr);
        // As the application wires it: a choice goes to the hub.
        connect(m_page.get(), &ui::DevicesPage::deviceChosen, m_hub.get(), &devices::DeviceHub::setDevice);
        m_page->resize(1000, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_hub.reset();
        m_status.reset();
    }

    void typedAddressIsUsedAndSelfTested()
    {
        std::unique_ptr<QProcess> pad =
            startProcess(builtExecutable(u"pos-pinpad-sim"_qs),
                         {u"--tcp"_qs, u"--port"_qs, u"0"_qs, u"--data-dir"_qs, m_dir.filePath(u"pad"_qs)});
        QVERIFY(pad);
        const QString where =
            waitForLine(*pad, u"^listening (127\\.0\\.0\\.1:\\d+)$"_qs, std::chrono::seconds(20));
        QVERIFY(!where.isEmpty());
        const QString id = u"tcp:"_qs + where;

        auto* combo = child<QComboBox>(u"pinPadDeviceComboBox"_qs);
        QVERIFY(combo);
        QSignalSpy chosen(m_page.get(), &ui::DevicesPage::deviceChosen);
        combo->lineEdit()->selectAll();
        QTest::keyClicks(combo->lineEdit(), id);
        QTest::mouseClick(child<QPushButton>(u"pinPadUsePushButton"_qs), Qt::LeftButton);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(0).value<DeviceRole>(), DeviceRole::PinPad);
        QCOMPARE(chosen.first().at(1).toString(), id);

        auto* table = child<QTableWidget>(u"devicesTableWidget"_qs);
        QVERIFY(table);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_status->device(DeviceRole::PinPad).state == DeviceState::Ready; }, 15000));
        QCOMPARE(table->item(ui::DevicesPage::PinPadRow, ui::DevicesPage::ConnectionColumn)->text(), id);

        auto* result = child<QLabel>(u"pinPadSelfTestResultLabel"_qs);
        QTest::mouseClick(child<QPushButton>(u"pinPadSelfTestPushButton"_qs), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return result->text().contains(u"SIMPAD00000001"_qs); }, 15000));
        QCOMPARE(result->property("tone").toString(), u"ok"_qs);
    }

    void selfTestWithoutADeviceSaysWhy()
    {
        auto* result = child<QLabel>(u"printerSelfTestResultLabel"_qs);
        QTest::mouseClick(child<QPushButton>(u"printerSelfTestPushButton"_qs), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return result->property("tone").toString() == u"error"_qs; }, 15000));
        QVERIFY(!result->text().isEmpty());
        QVERIFY(child<QPushButton>(u"printerSelfTestPushButton"_qs)->isEnabled());
    }

    void failedReceiptIsListedAndReprinted()
    {
        storage::LedgerService ledger;
        std::optional<Result<>> opened;
        ledger.open(m_dir.filePath(u"pos.db"_qs), this, [&opened](const Result<>& r) { opened = r; });
        QVERIFY(QTest::qWaitFor([&] { return opened.has_value(); }, 10000));
        POS_VERIFY_RESULT(*opened);
        std::optional<Result<qint64>> failed;
        ledger.run<qint64>(
            [](storage::Ledger& book) -> Result<qint64> {
                PrintJobInput job;
                job.document = devices::sampleReceipt().toJsonBytes();
                job.createdMs = 1'790'000'000'000;
                const Result<qint64> id = book.enqueuePrintJob(job);
                if (!id)
                    return id;
                if (const Result<> started = book.startPrintJob(id.value()); !started)
                    return Failure{started.error()};
                if (const Result<> finished = book.finishPrintJob(id.value(), false, u"Paper out"_qs, 1);
                    !finished)
                    return Failure{finished.error()};
                return id;
            },
            this, [&failed](const Result<qint64>& r) { failed = r; });
        QVERIFY(QTest::qWaitFor([&] { return failed.has_value(); }, 10000));
        POS_VERIFY_RESULT(*failed);

        storage::LedgerPrintQueue queue(ledger);
        sales::PrintService service(queue, devices::PrinterProfiles::all().first());
        m_page->attachPrinting(&service);
        auto* list = child<QListWidget>(u"reprintQueueList"_qs);
        QVERIFY(list);
        QVERIFY(QTest::qWaitFor([&] { return list->count() == 1; }, 10000));
        QVERIFY(list->item(0)->text().contains(u"Paper out"_qs));
        auto* reprint = child<QPushButton>(u"reprintPushButton"_qs);
        QVERIFY(!reprint->isEnabled());
        list->setCurrentRow(0);
        QVERIFY(reprint->isEnabled());
        QTest::mouseClick(reprint, Qt::LeftButton);
        auto* message = child<QLabel>(u"reprintMessageLabel"_qs);
        QVERIFY(QTest::qWaitFor([&] { return message->text().contains(QString::number(failed->value())); },
                                10000));
        m_page->attachPrinting(nullptr);
    }

    void discoveredPrinterIsOffered()
    {
        std::vector<std::unique_ptr<devices::DeviceEnumerator>> enumerators;
        enumerators.push_back(
            std::make_unique<devices::NetworkPrinterList>(QStringList{u"tcp:10.0.0.5:9100"_qs}));
        devices::DeviceMonitor monitor(std::move(enumerators), devices::DriverRegistry::standard(), {});
        m_page->attach(m_hub.get(), &monitor);
        monitor.start();
        auto* printers = child<QComboBox>(u"printerDeviceComboBox"_qs);
        QVERIFY(QTest::qWaitFor([&] { return printers->count() > 1; }, 10000));
        QCOMPARE(printers->itemData(0).toString(), QString()); // None
        QCOMPARE(printers->itemData(1).toString(), u"tcp:10.0.0.5:9100"_qs);
        m_page->attach(m_hub.get(), nullptr);
    }

    void choosingNoneIsAnEmptyId()
    {
        auto* combo = child<QComboBox>(u"scannerDeviceComboBox"_qs);
        QSignalSpy chosen(m_page.get(), &ui::DevicesPage::deviceChosen);
        combo->setCurrentIndex(0);
        QTest::mouseClick(child<QPushButton>(u"scannerUsePushButton"_qs), Qt::LeftButton);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(1).toString(), QString());
    }
};

QTEST_MAIN(tst_DevicesPage)
#include "tst_devices_page.moc"
