#pragma once

#include <QLoggingCategory>
#include <QString>

namespace archy {
Q_DECLARE_LOGGING_CATEGORY(lcPodman)
Q_DECLARE_LOGGING_CATEGORY(lcState)
Q_DECLARE_LOGGING_CATEGORY(lcRecovery)

/**
 * @p text with every C0 and C1 control character, DEL, and whole terminal escape sequences (CSI,
 * OSC, and the like) removed, so text from podman, a snapshot or the network cannot move the
 * cursor, retitle a terminal or forge a line. Newline and tab stay when @p keepNewlines, else they
 * become spaces.
 */
QString printableText(const QString &text, bool keepNewlines = true);

/**
 * Routes every log message through printableText() (newlines become spaces: one message, one
 * journal line) before Qt's usual handler formats and writes it.
 */
void installPrintableMessageHandler();
} // namespace archy
