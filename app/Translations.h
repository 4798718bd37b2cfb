#pragma once

#include <QString>

class QCoreApplication;

namespace archy {

/// The language asked for with --lang, read before the parser exists (its help text is translated).
QString languageFromArguments(int argc, char **argv);

/// Installs our and Qt's translators for @p language (empty: the system locale). Call before any
/// translated string is built.
void installTranslators(QCoreApplication *app, const QString &language);

} // namespace archy
