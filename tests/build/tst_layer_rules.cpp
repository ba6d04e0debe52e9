// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The dependency direction core <- storage, devices, acquirer <- activation, sales <- ui <- app, checked on
// the link graph CMake generates (build/<preset>/layer-graph.txt, written by cmake/PosLayerGraph.cmake).
#include <QFile>
#include <QMap>
#include <QSet>
#include <QTest>

namespace {

struct Target
{
    QString name;
    QStringList links;
};
using Graph = QMap<QString, Target>;

struct Rule
{
    QSet<QString> allowedProjectLinks;
    QSet<QString> forbiddenExternal; // anywhere in the transitive closure
};

const QSet<QString> noWidgets = {QStringLiteral("Qt6::Widgets"), QStringLiteral("Qt6::Gui"),
                                 QStringLiteral("Qt6::Svg")};
const QSet<QString> noSql = {QStringLiteral("Qt6::Sql"), QStringLiteral("SQLite::SQLite3")};

QSet<QString> unite(QSet<QString> a, const QSet<QString>& b)
{
    return a.unite(b);
}

QMap<QString, Rule> layerRules()
{
    const QString core = QStringLiteral("pos_core");
    const QString storage = QStringLiteral("pos_storage");
    const QString devices = QStringLiteral("pos_devices");
    const QString acquirer = QStringLiteral("pos_acquirer");
    const QString activation = QStringLiteral("pos_activation");
    const QString sales = QStringLiteral("pos_sales");
    const QString simulators = QStringLiteral("pos_simulators");
    const QString ui = QStringLiteral("pos_ui");
    const QString services = QStringLiteral("services");
    const QSet<QString> coreForbidden =
        unite(unite(noWidgets, noSql), {QStringLiteral("Qt6::Network"), QStringLiteral("Qt6::SerialPort")});
    // The acquirer host simulator keeps its own SQLite ledger through pos_storage's wrapper.
    const QSet<QString> simulatorLinks = {simulators, core, devices, acquirer, storage};
    const QSet<QString> noQtSql = {QStringLiteral("Qt6::Sql")};
    // pos-tool draws receipts with the printer emulator's rasterizer (QImage, fonts): Qt Gui yes, widgets no.
    const QSet<QString> noWidgetsButGui = {QStringLiteral("Qt6::Widgets"), QStringLiteral("Qt6::Svg")};
    return {
        {core, {{}, coreForbidden}},
        {storage, {{core}, unite(noWidgets, {QStringLiteral("Qt6::Sql")})}},
        {devices, {{core}, unite(noWidgets, noSql)}},
        {acquirer, {{core}, unite(noWidgets, noSql)}},
        {activation, {{core, devices, acquirer}, unite(noWidgets, noSql)}},
        {sales, {{core, devices, acquirer}, unite(noWidgets, noSql)}},
        {simulators, {{core, devices, acquirer, storage}, noQtSql}},
        {QStringLiteral("pos-acquirer-sim"), {simulatorLinks, noQtSql}},
        {QStringLiteral("pos-printer-sim"), {simulatorLinks, noQtSql}},
        {QStringLiteral("pos_pinpad_window"), {{simulators}, noQtSql}},
        {QStringLiteral("pos-pinpad-sim"),
         {unite(simulatorLinks, {QStringLiteral("pos_pinpad_window")}), noQtSql}},
        {ui, {{core, devices, activation, sales}, noSql}},
        {QStringLiteral("pos_app"), {{core, storage, devices, acquirer, activation, sales, ui}, {}}},
        {QStringLiteral("pos"), {{QStringLiteral("pos_app")}, {}}},
        {QStringLiteral("pos_cli"),
         {{core, storage, devices, acquirer, activation, sales, simulators}, noWidgetsButGui}},
        {QStringLiteral("pos-tool"), {{QStringLiteral("pos_cli")}, noWidgetsButGui}},
    };
}

Graph parseGraph(const QByteArray& text)
{
    Graph graph;
    for (const QByteArray& rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList fields = line.split(QLatin1Char('|'));
        if (fields.size() != 4)
            continue;
        Target target{fields.at(0), fields.at(3).split(QLatin1Char(';'), Qt::SkipEmptyParts)};
        graph.insert(target.name, target);
    }
    return graph;
}

// Strips generator-expression wrappers CMake may leave in LINK_LIBRARIES ("$<LINK_ONLY:x>").
QString plainName(QString link)
{
    static const QString linkOnly = QStringLiteral("$<LINK_ONLY:");
    if (link.startsWith(linkOnly) && link.endsWith(QLatin1Char('>')))
        link = link.mid(linkOnly.size(), link.size() - linkOnly.size() - 1);
    return link;
}

QSet<QString> closure(const Graph& graph, const QString& start)
{
    QSet<QString> seen;
    QStringList pending{start};
    while (!pending.isEmpty()) {
        const QString name = pending.takeLast();
        for (const QString& raw : graph.value(name).links) {
            const QString link = plainName(raw);
            if (seen.contains(link))
                continue;
            seen.insert(link);
            if (graph.contains(link))
                pending.append(link);
        }
    }
    return seen;
}

QStringList violations(const Graph& graph)
{
    const QMap<QString, Rule> rules = layerRules();
    QStringList found;
    for (const Target& target : graph) {
        if (!rules.contains(target.name)) {
            found << QStringLiteral("%1 has no layer rule: add it to tst_layer_rules").arg(target.name);
            continue;
        }
        const Rule& rule = rules.value(target.name);
        for (const QString& raw : target.links) {
            const QString link = plainName(raw);
            if (graph.contains(link) && !rule.allowedProjectLinks.contains(link))
                found << QStringLiteral("%1 must not link %2").arg(target.name, link);
        }
        for (const QString& reached : closure(graph, target.name)) {
            if (rule.forbiddenExternal.contains(reached))
                found << QStringLiteral("%1 must not reach %2").arg(target.name, reached);
        }
    }
    return found;
}

Graph realGraph()
{
    QFile file(QStringLiteral(POS_BINARY_DIR "/layer-graph.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parseGraph(file.readAll());
}

} // namespace

class tst_LayerRules final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void graphListsEveryLayer_data();
    void graphListsEveryLayer();
    void realLinkGraphKeepsTheDirection();
    void wrongLinkIsReported_data();
    void wrongLinkIsReported();
};

void tst_LayerRules::graphListsEveryLayer_data()
{
    QTest::addColumn<QString>("target");
    for (const char* name :
         {"pos_core", "pos_storage", "pos_devices", "pos_acquirer", "pos_activation", "pos_sales",
          "pos_simulators", "pos_ui", "pos_app", "pos", "pos_cli", "pos-tool"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void tst_LayerRules::graphListsEveryLayer()
{
    QFETCH(QString, target);
    QVERIFY2(realGraph().contains(target),
             qPrintable(target + QStringLiteral(" missing from layer-graph.txt")));
}

void tst_LayerRules::realLinkGraphKeepsTheDirection()
{
    const Graph graph = realGraph();
    QVERIFY(!graph.isEmpty());
    const QStringList found = violations(graph);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

// Negative controls: each row adds one wrong link to the real graph; the checker must name it.
void tst_LayerRules::wrongLinkIsReported_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ui links Qt6::Sql")
        << u"pos_ui"_qs << u"Qt6::Sql"_qs << u"pos_ui must not reach Qt6::Sql"_qs;
    QTest::newRow("core links Widgets")
        << u"pos_core"_qs << u"Qt6::Widgets"_qs << u"pos_core must not reach Qt6::Widgets"_qs;
    QTest::newRow("core links storage")
        << u"pos_core"_qs << u"pos_storage"_qs << u"pos_core must not link pos_storage"_qs;
    QTest::newRow("storage links acquirer")
        << u"pos_storage"_qs << u"pos_acquirer"_qs << u"pos_storage must not link pos_acquirer"_qs;
    QTest::newRow("sales links ui") << u"pos_sales"_qs << u"pos_ui"_qs
                                    << u"pos_sales must not link pos_ui"_qs;
    QTest::newRow("simulators link ui")
        << u"pos_simulators"_qs << u"pos_ui"_qs << u"pos_simulators must not link pos_ui"_qs;
    QTest::newRow("pos-tool links ui")
        << u"pos-tool"_qs << u"pos_ui"_qs << u"pos-tool must not link pos_ui"_qs;
    QTest::newRow("pos-tool links Widgets (Gui is allowed for drawing receipts)")
        << u"pos-tool"_qs << u"Qt6::Widgets"_qs << u"pos-tool must not reach Qt6::Widgets"_qs;
    QTest::newRow("activation links storage")
        << u"pos_activation"_qs << u"pos_storage"_qs << u"pos_activation must not link pos_storage"_qs;
    QTest::newRow("ui reaches SQLite through storage")
        << u"pos_ui"_qs << u"pos_storage"_qs << u"pos_ui must not reach SQLite::SQLite3"_qs;
    QTest::newRow("devices reaches Widgets transitively")
        << u"pos_core"_qs << u"$<LINK_ONLY:Qt6::Widgets>"_qs << u"pos_devices must not reach Qt6::Widgets"_qs;
    QTest::newRow("new target without a rule")
        << u"pos_newfeature"_qs << u"pos_core"_qs << u"pos_newfeature has no layer rule"_qs;
}

void tst_LayerRules::wrongLinkIsReported()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    Graph graph = realGraph();
    QVERIFY(!graph.isEmpty());
    QVERIFY(violations(graph).isEmpty());
    Target& target = graph[from];
    target.name = from;
    target.links.append(to);
    const QStringList found = violations(graph);
    const bool named = std::any_of(found.cbegin(), found.cend(),
                                   [&](const QString& violation) { return violation.startsWith(expected); });
    QVERIFY2(named,
             qPrintable(
                 QStringLiteral("expected '%1' among: %2").arg(expected, found.join(QStringLiteral("; ")))));
}

QTEST_APPLESS_MAIN(tst_LayerRules)
#include "tst_layer_rules.moc"
