#include "NotifyMessage.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace archy {

bool startupNeedsNotification(const RecoveryReport &report)
{
    return report.crashInfo.crash || !report.failed().isEmpty();
}

bool splitCommandWords(const QString &command, QStringList *words)
{
    words->clear();
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command.at(i);
        if (c == QLatin1Char('\'')) {
            const qsizetype end = command.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0)
                return false;
            word += command.mid(i + 1, end - i - 1);
            inWord = true;
            i = end;
        } else if (c == QLatin1Char('"')) {
            inWord = true;
            for (++i;; ++i) {
                if (i >= command.size())
                    return false;
                const QChar d = command.at(i);
                if (d == QLatin1Char('"'))
                    break;
                // Inside double quotes a backslash only escapes these, as in sh.
                if (d == QLatin1Char('\\') && i + 1 < command.size() &&
                    QStringLiteral("\"\\$`").contains(command.at(i + 1))) {
                    word += command.at(++i);
                } else {
                    word += d;
                }
            }
        } else if (c == QLatin1Char('\\')) {
            if (i + 1 >= command.size())
                return false;
            word += command.at(++i);
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words->append(word);
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words->append(word);
    return true;
}

QString withoutControlChars(const QString &text, bool keepNewlines)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (keepNewlines && c == QLatin1Char('\n'))
            out += c;
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            out += QLatin1Char(' ');
        else
            out += c;
    }
    return out;
}

NotifyMessage makeNotifyMessage(const RecoveryReport &report, NotifyReason reason, const QString &host,
                                const QString &crashLoopName)
{
    NotifyMessage message;
    const QStringList failed = report.failed();
    QStringList lines;
    if (reason == NotifyReason::CrashLoop) {
        message.title = QCoreApplication::translate("archy::NotifyMessage", "%1: %2 keeps crashing")
                            .arg(host, crashLoopName);
        message.priority = 4;
        message.tags = QStringLiteral("rotating_light");
        lines << QCoreApplication::translate(
                     "archy::NotifyMessage",
                     "%1 keeps stopping soon after each start; it is no longer restarted automatically.")
                     .arg(crashLoopName);
    } else if (report.crashInfo.crash) {
        message.title =
            failed.isEmpty()
                ? QCoreApplication::translate("archy::NotifyMessage", "%1 recovered from a crash").arg(host)
                : QCoreApplication::translate("archy::NotifyMessage",
                                              "%1: crash recovery left containers failed")
                      .arg(host);
        message.priority = failed.isEmpty() ? 3 : 4;
        message.tags = failed.isEmpty() ? QStringLiteral("warning") : QStringLiteral("warning,x");
        lines << QCoreApplication::translate("archy::NotifyMessage",
                                             "The previous run ended without a clean shutdown (%1).")
                     .arg(report.crashInfo.reason);
    } else {
        message.title =
            QCoreApplication::translate("archy::NotifyMessage", "%1: containers failed to start").arg(host);
        message.priority = 4;
        message.tags = QStringLiteral("x");
    }
    lines << QCoreApplication::translate("archy::NotifyMessage", "%1 of %n containers running.", nullptr,
                                         report.total())
                 .arg(report.recovered());
    for (const ContainerStatus &status : report.containers) {
        if (status.state != ContainerState::Failed)
            continue;
        const QString error = status.error.isEmpty() ? QString() : QStringLiteral(": ") + status.error;
        lines << QCoreApplication::translate("archy::NotifyMessage", "Failed: %1%2")
                     .arg(status.name, error.left(300));
    }
    message.title = withoutControlChars(message.title);
    message.body = withoutControlChars(lines.join(QLatin1Char('\n')), true);

    QJsonObject json = report.toJson();
    json.insert(QStringLiteral("host"), host);
    json.insert(QStringLiteral("event"),
                reason == NotifyReason::CrashLoop ? QStringLiteral("crash-loop") : QStringLiteral("startup"));
    if (reason == NotifyReason::CrashLoop)
        json.insert(QStringLiteral("crashLoop"), crashLoopName);
    json.insert(QStringLiteral("title"), message.title);
    json.insert(QStringLiteral("message"), message.body);
    message.json = QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
    return message;
}

} // namespace archy
