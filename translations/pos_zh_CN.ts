<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>pos::app::DemoSupervisor</name>
    <message>
        <source>The demo simulators did not start in time.</source>
        <translation>演示模拟器未能按时启动。</translation>
    </message>
    <message>
        <source>A demo simulator could not be started.</source>
        <translation>无法启动演示模拟器。</translation>
    </message>
    <message>
        <source>A demo simulator stopped unexpectedly.</source>
        <translation>演示模拟器意外停止。</translation>
    </message>
</context>
<context>
    <name>pos::app::InstanceGuard</name>
    <message>
        <source>The POS is already running for this data directory (process %1).</source>
        <translation>收银程序已在使用此数据目录运行（进程 %1）。</translation>
    </message>
    <message>
        <source>The data directory cannot be locked.</source>
        <translation>无法锁定数据目录。</translation>
    </message>
</context>
<context>
    <name>pos::app::OptionText</name>
    <message>
        <source>Demo mode: start the local acquirer simulator, PIN pad and printer emulators, with a fresh data directory.</source>
        <translation>演示模式：使用全新的数据目录，启动本地收单模拟器、密码键盘和打印机模拟器。</translation>
    </message>
    <message>
        <source>Use DIR as the data directory.</source>
        <translation>使用 DIR 作为数据目录。</translation>
    </message>
    <message>
        <source>Walk every page offscreen, save one PNG per page into DIR, exit.</source>
        <translation>在后台逐页浏览，每页保存一张 PNG 到 DIR，然后退出。</translation>
    </message>
    <message>
        <source>Exit right after the main window&apos;s first paint (benchmarks).</source>
        <translation>主窗口首次绘制后立即退出（用于基准测试）。</translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Merchant POS: point of sale for shops.</source>
        <translation>商户收银台：门店收银系统。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
    <message>
        <source>--autopilot needs a directory.</source>
        <translation>--autopilot 需要指定目录。</translation>
    </message>
    <message>
        <source>Unknown language %1; available: %2</source>
        <translation>不支持的语言 %1；可选：%2</translation>
    </message>
</context>
<context>
    <name>pos::app::PosApplication</name>
    <message>
        <source>The cryptographic self-test failed (%1). The POS cannot start safely; please contact support.</source>
        <translation>密码算法自检失败（%1）。收银程序无法安全启动，请联系技术支持。</translation>
    </message>
    <message>
        <source>The demo data directory cannot be created.</source>
        <translation>无法创建演示数据目录。</translation>
    </message>
    <message>
        <source>The data directory %1 cannot be created.</source>
        <translation>无法创建数据目录 %1。</translation>
    </message>
    <message>
        <source>Merchant POS</source>
        <translation>商户收银台</translation>
    </message>
</context>
<context>
    <name>pos::crypto::CryptoText</name>
    <message>
        <source>A cryptographic operation failed.</source>
        <translation>密码运算失败。</translation>
    </message>
    <message>
        <source>The key has the wrong length.</source>
        <translation>密钥长度不正确。</translation>
    </message>
    <message>
        <source>The data is not a whole number of cipher blocks.</source>
        <translation>数据长度不是分组长度的整数倍。</translation>
    </message>
</context>
<context>
    <name>pos::ui::ActivationPage</name>
    <message>
        <source>Onboard with the acquirer, then activate the PIN pad with the first card swipe.</source>
        <translation>向收单机构进件，然后以首刷激活密码键盘。</translation>
    </message>
    <message>
        <source>Start onboarding</source>
        <translation>开始进件</translation>
    </message>
    <message>
        <source>The onboarding wizard (business licence, legal representative, settlement account, agreement) and the first-swipe activation arrive with the activation feature.</source>
        <translation>进件向导（营业执照、法人、结算账户、协议）与首刷激活将随激活功能一同提供。</translation>
    </message>
    <message>
        <source>Current state: %1</source>
        <translation>当前状态：%1</translation>
    </message>
    <message>
        <source>1. Merchant onboarding: documents and agreement</source>
        <translation>1. 商户进件：资料与协议</translation>
    </message>
    <message>
        <source>2. Acquirer review</source>
        <translation>2. 收单机构审核</translation>
    </message>
    <message>
        <source>3. Activation code and network check</source>
        <translation>3. 激活码与网络检测</translation>
    </message>
    <message>
        <source>4. Bind the PIN pad and load its keys</source>
        <translation>4. 绑定密码键盘并下载密钥</translation>
    </message>
    <message>
        <source>5. Sign on with the acquirer</source>
        <translation>5. 向收单机构签到</translation>
    </message>
    <message>
        <source>6. First card swipe</source>
        <translation>6. 首刷激活</translation>
    </message>
</context>
<context>
    <name>pos::ui::DevicesPage</name>
    <message>
        <source>Receipt printer, PIN pad, scanner and the link to the acquirer.</source>
        <translation>小票打印机、密码键盘、扫码枪以及与收单机构的连接。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Discovery, hot-plug, the choice of devices and a self-test for each device arrive with the device layer.</source>
        <translation>设备发现、热插拔、设备选择及各设备自检将随设备层一同提供。</translation>
    </message>
    <message>
        <source>Acquirer host</source>
        <translation>收单主机</translation>
    </message>
</context>
<context>
    <name>pos::ui::LanguageManager</name>
    <message>
        <source>This language is not available.</source>
        <translation>不支持此语言。</translation>
    </message>
    <message>
        <source>The translation could not be loaded.</source>
        <translation>无法加载翻译。</translation>
    </message>
</context>
<context>
    <name>pos::ui::MainWindow</name>
    <message>
        <source>Merchant POS — Demo</source>
        <translation>商户收银台 — 演示</translation>
    </message>
    <message>
        <source>Merchant POS</source>
        <translation>商户收银台</translation>
    </message>
</context>
<context>
    <name>pos::ui::ReportsPage</name>
    <message>
        <source>Today&apos;s takings, tenders, hours, cashiers and products.</source>
        <translation>今日营业额，按支付方式、时段、收银员和商品统计。</translation>
    </message>
    <message>
        <source>The dashboard and the day, week and month reports (with CSV and PDF export) appear here once the ledger records sales.</source>
        <translation>账本开始记录销售后，此处将显示经营概览及日、周、月报表（可导出 CSV 和 PDF）。</translation>
    </message>
</context>
<context>
    <name>pos::ui::SellPage</name>
    <message>
        <source>Ring up sales with cash, UnionPay cards and QR payment codes.</source>
        <translation>使用现金、银联卡和付款码收款。</translation>
    </message>
    <message>
        <source>Go to activation</source>
        <translation>前往激活</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>UnionPay card</source>
        <translation>银联卡</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>扫码支付</translation>
    </message>
    <message>
        <source>The sale screen (barcode scanning, lines, discounts, split tender and receipts) arrives with the selling feature.</source>
        <translation>收银界面（扫码、商品行、折扣、组合支付和小票）将随收银功能一同提供。</translation>
    </message>
    <message>
        <source>This terminal is activated and ready to sell.</source>
        <translation>本终端已激活，可以收银。</translation>
    </message>
    <message>
        <source>This terminal is not activated yet. Selling is enabled once the acquirer has approved the shop and the PIN pad is activated with the first swipe.</source>
        <translation>本终端尚未激活。收单机构审核通过且密码键盘完成首刷激活后即可收银。</translation>
    </message>
</context>
<context>
    <name>pos::ui::SettingsPage</name>
    <message>
        <source>Language, data location and this installation.</source>
        <translation>语言、数据位置及本机安装信息。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Demo (local simulators, no real money moves)</source>
        <translation>演示（本地模拟器，不产生真实资金往来）</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>正式</translation>
    </message>
</context>
<context>
    <name>pos::ui::SettlementPage</name>
    <message>
        <source>Close the batch with the acquirer and reconcile the totals.</source>
        <translation>与收单机构结算批次并核对总额。</translation>
    </message>
    <message>
        <source>Batch settlement, reconciliation and the expected payout per batch appear here once the terminal is linked to the acquirer.</source>
        <translation>终端接入收单机构后，此处将显示批结算、对账及每批预计到账金额。</translation>
    </message>
</context>
<context>
    <name>pos::ui::ShellText</name>
    <message>
        <source>Sell</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Not onboarded</source>
        <translation>未进件</translation>
    </message>
    <message>
        <source>Onboarding in progress</source>
        <translation>进件中</translation>
    </message>
    <message>
        <source>Awaiting activation</source>
        <translation>待激活</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>已激活</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>PIN pad</source>
        <translation>密码键盘</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Unsynced: —</source>
        <translation>未同步：—</translation>
    </message>
    <message numerus="yes">
        <source>Unsynced: %n</source>
        <translation>
            <numerusform>未同步：%n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pos::ui::StatusPanel</name>
    <message>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Demo mode: local simulators, no real money moves</source>
        <translation>演示模式：本地模拟器，不产生真实资金往来</translation>
    </message>
    <message>
        <source>Activation: %1</source>
        <translation>激活：%1</translation>
    </message>
    <message>
        <source>Acquirer: %1</source>
        <translation>收单：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The ledger is not connected yet</source>
        <translation>账本尚未接入</translation>
    </message>
    <message>
        <source>Ledger entries not yet acknowledged by the acquirer</source>
        <translation>尚未得到收单机构确认的账本记录</translation>
    </message>
</context>
</TS>
