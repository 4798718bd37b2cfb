#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

class QSettings;

namespace archy {

/// A node kept in the settings: where it is, how to log in, and which certificate it must present.
struct StoredNode
{
    QString name;
    QUrl url;
    QString tokenFile;
    QString pinnedFingerprint; ///< empty: pinned on the first connection

    friend bool operator==(const StoredNode &a, const StoredNode &b)
    {
        return a.name == b.name && a.url == b.url && a.tokenFile == b.tokenFile &&
               a.pinnedFingerprint == b.pinnedFingerprint;
    }
};

/**
 * The screens' settings (QSettings "Archipelago"/"archy-recovery") behind typed accessors, so the
 * organisation, the keys and their types are written down once. Short-lived: make one where it is
 * needed; values are written when it goes. Tests redirect it with QSettings::setPath() or
 * QStandardPaths::setTestModeEnabled() like any QSettings.
 */
class UiSettings final
{
public:
    UiSettings();
    ~UiSettings();
    UiSettings(const UiSettings &) = delete;
    UiSettings &operator=(const UiSettings &) = delete;

    /// The other nodes the desktop watches, in the list's order.
    QList<StoredNode> nodes() const;
    /// Replaces every stored node (a shorter list leaves nothing of the longer one behind).
    void setNodes(const QList<StoredNode> &nodes);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    /// The desktop's container table header (column widths).
    QByteArray columnState() const;
    void setColumnState(const QByteArray &state);

    /// Writes now; normally done when this object goes.
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace archy
