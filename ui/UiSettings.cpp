#include "UiSettings.h"

#include <QSettings>

namespace archy {

namespace {

QString nodesKey()
{
    return QStringLiteral("nodes");
}

QString geometryKey()
{
    return QStringLiteral("mainWindow/geometry");
}

QString stateKey()
{
    return QStringLiteral("mainWindow/state");
}

QString columnsKey()
{
    return QStringLiteral("mainWindow/columns");
}

} // namespace

UiSettings::UiSettings()
    : m_settings(std::make_unique<QSettings>(QStringLiteral("Archipelago"), QStringLiteral("archy-recovery")))
{
}

UiSettings::~UiSettings() = default;

QList<StoredNode> UiSettings::nodes() const
{
    QList<StoredNode> nodes;
    const int size = m_settings->beginReadArray(nodesKey());
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        StoredNode node;
        node.name = m_settings->value(QStringLiteral("name")).toString();
        node.url = QUrl(m_settings->value(QStringLiteral("url")).toString());
        node.tokenFile = m_settings->value(QStringLiteral("tokenFile")).toString();
        node.pinnedFingerprint = m_settings->value(QStringLiteral("pinnedFingerprint")).toString();
        nodes.append(node);
    }
    m_settings->endArray();
    return nodes;
}

void UiSettings::setNodes(const QList<StoredNode> &nodes)
{
    // Rewritten whole: a shorter array must not leave the removed entries behind.
    m_settings->remove(nodesKey());
    m_settings->beginWriteArray(nodesKey(), int(nodes.size()));
    for (int i = 0; i < int(nodes.size()); ++i) {
        const StoredNode &node = nodes.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), node.name);
        m_settings->setValue(QStringLiteral("url"), node.url.toString());
        m_settings->setValue(QStringLiteral("tokenFile"), node.tokenFile);
        m_settings->setValue(QStringLiteral("pinnedFingerprint"), node.pinnedFingerprint);
    }
    m_settings->endArray();
}

QByteArray UiSettings::windowGeometry() const
{
    return m_settings->value(geometryKey()).toByteArray();
}

void UiSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(geometryKey(), geometry);
}

QByteArray UiSettings::windowState() const
{
    return m_settings->value(stateKey()).toByteArray();
}

void UiSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(stateKey(), state);
}

QByteArray UiSettings::columnState() const
{
    return m_settings->value(columnsKey()).toByteArray();
}

void UiSettings::setColumnState(const QByteArray &state)
{
    m_settings->setValue(columnsKey(), state);
}

void UiSettings::sync()
{
    m_settings->sync();
}

} // namespace archy
