// The Add Node dialog: labels with working mnemonics, tab order as on the screen, and the edit mode
// that shows a node's values and accepts its own address.
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

#include "AddNodeDialog.h"

using namespace archy;

class TestAddNodeDialog final : public QObject
{
    Q_OBJECT

private slots:
    void labelsHaveBuddies();
    void tabOrderFollowsTheScreen();
    void validates();
    void editModeShowsTheNode();
};

namespace {

/// The widgets Tab visits from @p first, in order, until it comes back.
QList<QWidget *> tabChain(QWidget *first)
{
    QList<QWidget *> chain;
    QWidget *widget = first;
    do {
        if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisibleTo(first->window()) &&
            widget->isEnabled())
            chain.append(widget);
        widget = widget->nextInFocusChain();
    } while (widget && widget != first);
    return chain;
}

} // namespace

void TestAddNodeDialog::labelsHaveBuddies()
{
    AddNodeDialog dialog({});
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    int mnemonics = 0;
    for (const QLabel *label : labels) {
        if (!label->text().contains(QLatin1Char('&')))
            continue;
        ++mnemonics;
        // Without a buddy a label shows its '&' literally.
        QVERIFY2(label->buddy(), qPrintable(label->text()));
    }
    QCOMPARE(mnemonics, 3);
    bool found = false;
    for (const QLabel *label : labels) {
        if (label->buddy() == dialog.tokenFileEdit()) {
            QCOMPARE(label->text(), QStringLiteral("&Token file:"));
            found = true;
        }
    }
    QVERIFY(found);
}

void TestAddNodeDialog::tabOrderFollowsTheScreen()
{
    AddNodeDialog dialog({});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.urlEdit()->setText(QStringLiteral("wss://pantry.local:8443"));
    dialog.tokenFileEdit()->setText(QStringLiteral("/tokens/pantry"));
    QVERIFY(dialog.okButton()->isEnabled());
    const QList<QWidget *> expected = {dialog.nameEdit(),     dialog.urlEdit(),  dialog.tokenFileEdit(),
                                       dialog.browseButton(), dialog.okButton(), dialog.cancelButton()};
    QCOMPARE(tabChain(dialog.nameEdit()), expected);
}

void TestAddNodeDialog::validates()
{
    AddNodeDialog dialog({QUrl(QStringLiteral("wss://taken.local:8443"))});
    QVERIFY(!dialog.isEditing());
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Add Node"));
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.urlEdit()->setText(QStringLiteral("taken.local:8443"));
    dialog.tokenFileEdit()->setText(QStringLiteral("/t"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problem().contains(QLatin1String("already")));
    dialog.urlEdit()->setText(QStringLiteral("free.local:8443"));
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.url(), QUrl(QStringLiteral("wss://free.local:8443")));
    QCOMPARE(dialog.name(), QStringLiteral("free.local"));
    // One spelling per address, as the node list keeps it.
    QCOMPARE(AddNodeDialog::parseUrl(QStringLiteral("wss://free.local:8443/")), dialog.url());
}

void TestAddNodeDialog::editModeShowsTheNode()
{
    const QUrl own(QStringLiteral("wss://pantry.local:8443"));
    const QUrl other(QStringLiteral("wss://attic.local:8443"));
    AddNodeDialog dialog({own, other});
    dialog.editNode(QStringLiteral("pantry"), own, QStringLiteral("/tokens/pantry"));
    QVERIFY(dialog.isEditing());
    QCOMPARE(dialog.originalUrl(), own);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit Node"));
    QCOMPARE(dialog.okButton()->text(), QStringLiteral("Save"));
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("pantry"));
    QCOMPARE(dialog.url(), own);
    QCOMPARE(dialog.tokenFile(), QStringLiteral("/tokens/pantry"));
    // Its own address is no duplicate; another node's is.
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problem()));
    auto *pinNote = dialog.findChild<QLabel *>(QStringLiteral("nodePinNote"));
    QVERIFY(pinNote);
    QVERIFY(!pinNote->isVisibleTo(&dialog));
    dialog.urlEdit()->setText(other.toString());
    QVERIFY(!dialog.okButton()->isEnabled());
    // A new address: the note says the pin does not follow.
    dialog.urlEdit()->setText(QStringLiteral("wss://larder.local:9443"));
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(pinNote->isVisibleTo(&dialog));
}

QTEST_MAIN(TestAddNodeDialog)
#include "tst_addnodedialog.moc"
