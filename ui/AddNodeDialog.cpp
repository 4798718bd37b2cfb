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
      m_tokenFile(new QLineEdit(this)), m_problem(new QLabel(this)),
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
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseTokenButton"));
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, &AddNodeDialog::browse);

    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenFile, 1);
    tokenRow->addWidget(browse);

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
    m_problem->setObjectName(QStringLiteral("addNodeProblem"));
    m_problem->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_url, m_tokenFile})
        connect(edit, &QLineEdit::textChanged, this, &AddNodeDialog::validate);
    validate();
    resize(520, sizeHint().height());
}

AddNodeDialog::~AddNodeDialog() = default;

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
    return url.adjusted(QUrl::StripTrailingSlash);
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
