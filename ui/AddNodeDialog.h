#pragma once

#include <QDialog>
#include <QStringList>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace archy {

/**
 * Asks for a node to watch: a name, the agent's wss:// address and the file holding its token.
 * OK stays disabled until the three make sense; open() it, never exec(). After editNode() it edits
 * a node already in the list instead.
 */
class AddNodeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddNodeDialog)

public:
    /// @p knownUrls: addresses already in the list, refused as duplicates.
    explicit AddNodeDialog(const QList<QUrl> &knownUrls, QWidget *parent = nullptr);
    ~AddNodeDialog() override;

    /// Edit mode: the fields hold this node's values, and OK saves them.
    void editNode(const QString &name, const QUrl &url, const QString &tokenFile);
    bool isEditing() const { return !m_originalUrl.isEmpty(); }
    /// The address of the node being edited; empty when adding.
    QUrl originalUrl() const { return m_originalUrl; }

    QString name() const;
    QUrl url() const;
    QString tokenFile() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *tokenFileEdit() const { return m_tokenFile; }
    QPushButton *browseButton() const { return m_browse; }
    QPushButton *okButton() const;
    QPushButton *cancelButton() const;
    /// Why OK is disabled, for people; empty when it is enabled.
    QString problem() const;

    /// The URL typed, made a wss:// URL if it parses as one; invalid otherwise.
    static QUrl parseUrl(const QString &text);

private:
    void validate();
    void browse();

    QList<QUrl> m_knownUrls;
    QUrl m_originalUrl;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_tokenFile;
    QPushButton *m_browse;
    QLabel *m_pinNote;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace archy
