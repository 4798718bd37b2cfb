#include "AddNodeDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace archy {

AddNodeDialog::AddNodeDialog(const QList<QUrl> &knownUrls, QWidget *parent)
    : QDialog(parent), m_knownUrls(knownUrls), m_name(new QLineEdit(this)), m_url(new QLineEdit(this)),
      m_tokenFile(new QLineEdit(this)), m_browse(new QPushButton(tr("Browse…"), this)),
      m_pinNote(new QLabel(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("addNodeDialog"));
    setWindowTitle(tr("Add Node"));

    m_name->setObjectName(QStringLiteral("nodeNameEdit"));
    m_name->setPlaceholderText(tr("e.g. living-room"));
    m_url->setObjectName(QStringLiteral("nodeUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("wss://node.local:8443"));
    m_tokenFile->setObjectName(QStringLiteral("nodeTokenFileEdit"));
    m_tokenFile->setPlaceholderText(tr("a copy of the agent's remote-token file"));
    m_browse->setObjectName(QStringLiteral("browseTokenButton"));
    m_browse->setAutoDefault(false);
    connect(m_browse, &QPushButton::clicked, this, &AddNodeDialog::browse);

    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenFile, 1);
    tokenRow->addWidget(m_browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_url);
    // A layout has no buddy: without one the label would show a literal '&'.
    auto *tokenLabel = new QLabel(tr("&Token file:"), this);
    tokenLabel->setBuddy(m_tokenFile);
    form->addRow(tokenLabel, tokenRow);

    auto *hint = new QLabel(tr("The node's certificate is pinned the first time it connects; compare the "
                               "fingerprint with the one its screen shows."),
                            this);
    hint->setWordWrap(true);
    m_pinNote->setObjectName(QStringLiteral("nodePinNote"));
    m_pinNote->setWordWrap(true);
    m_pinNote->setText(tr("The new address does not inherit the pinned certificate: the node's certificate "
                          "is pinned again the first time it connects there."));
    m_pinNote->hide();
    m_problem->setObjectName(QStringLiteral("addNodeProblem"));
    m_problem->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_pinNote);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_url, m_tokenFile})
        connect(edit, &QLineEdit::textChanged, this, &AddNodeDialog::validate);

    // As on the screen, top to bottom and left to right; the button box alone would come before Browse.
    setTabOrder(m_name, m_url);
    setTabOrder(m_url, m_tokenFile);
    setTabOrder(m_tokenFile, m_browse);
    setTabOrder(m_browse, okButton());
    setTabOrder(okButton(), cancelButton());
    validate();
    resize(520, sizeHint().height());
}

AddNodeDialog::~AddNodeDialog() = default;

void AddNodeDialog::editNode(const QString &name, const QUrl &url, const QString &tokenFile)
{
    setObjectName(QStringLiteral("editNodeDialog"));
    setWindowTitle(tr("Edit Node"));
    okButton()->setText(tr("Save"));
    m_originalUrl = url;
    m_knownUrls.removeAll(url);
    m_name->setText(name);
    m_url->setText(url.toString());
    m_tokenFile->setText(tokenFile);
    validate();
}

QString AddNodeDialog::name() const
{
    const QString name = m_name->text().trimmed();
    return name.isEmpty() ? url().host() : name;
}

QUrl AddNodeDialog::url() const
{
    return parseUrl(m_url->text());
}

QString AddNodeDialog::tokenFile() const
{
    return m_tokenFile->text().trimmed();
}

QPushButton *AddNodeDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QPushButton *AddNodeDialog::cancelButton() const
{
    return m_buttons->button(QDialogButtonBox::Cancel);
}

QString AddNodeDialog::problem() const
{
    return m_problem->text();
}

QUrl AddNodeDialog::parseUrl(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!trimmed.contains(QLatin1String("://")))
        trimmed.prepend(QLatin1String("wss://"));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("wss") || url.host().isEmpty() || url.port() <= 0)
        return {};
    url = url.adjusted(QUrl::StripTrailingSlash);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString()); // the node list spells an address without it
    return url;
}

void AddNodeDialog::validate()
{
    QString problem;
    const QUrl parsed = url();
    if (m_url->text().trimmed().isEmpty())
        problem = tr("Enter the node's address.");
    else if (!parsed.isValid())
        problem = tr("The address must look like wss://host:port.");
    else if (m_knownUrls.contains(parsed))
        problem = tr("This node is already in the list.");
    else if (tokenFile().isEmpty())
        problem = tr("Choose the file holding the node's token.");
    m_pinNote->setVisible(isEditing() && parsed.isValid() && parsed != m_originalUrl);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    okButton()->setEnabled(problem.isEmpty());
}

void AddNodeDialog::browse()
{
    auto *dialog = new QFileDialog(this, tr("Token File"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, m_tokenFile, &QLineEdit::setText);
    dialog->open();
}

} // namespace archy
