#include "Logging.h"

namespace archy {
Q_LOGGING_CATEGORY(lcPodman, "archy.podman", QtInfoMsg)
Q_LOGGING_CATEGORY(lcState, "archy.state", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRecovery, "archy.recovery", QtInfoMsg)

namespace {

bool isControl(char16_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

QtMessageHandler previousHandler = nullptr;

void printableHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (previousHandler)
        previousHandler(type, context, printableText(message, false));
}

} // namespace

QString printableText(const QString &text, bool keepNewlines)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == u'\n' || c == u'\t') {
            out += keepNewlines ? QChar(c) : QChar(u' ');
            continue;
        }
        if (!isControl(c)) {
            out += QChar(c);
            continue;
        }
        // An escape sequence goes whole: ESC [ ... final (CSI), ESC ] ... BEL/ST (OSC, DCS, ...),
        // or ESC plus one character. The C1 forms (0x9b CSI, 0x9d OSC...) likewise.
        const bool csi = (c == 0x1b && i + 1 < n && text.at(i + 1) == u'[') || c == 0x9b;
        const bool string = (c == 0x1b && i + 1 < n && QStringView(u"]PX^_").contains(text.at(i + 1))) ||
                            c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f;
        if (csi) {
            i += c == 0x1b ? 2 : 1;
            while (i < n && !(text.at(i).unicode() >= 0x40 && text.at(i).unicode() <= 0x7e))
                ++i;
        } else if (string) {
            i += c == 0x1b ? 2 : 1;
            while (i < n) {
                const char16_t s = text.at(i).unicode();
                if (s == 0x07 || s == 0x9c)
                    break;
                if (s == 0x1b && i + 1 < n && text.at(i + 1) == u'\\') {
                    ++i;
                    break;
                }
                ++i;
            }
        } else if (c == 0x1b && i + 1 < n && !isControl(text.at(i + 1).unicode())) {
            ++i; // ESC plus one character (ESC c resets the terminal, ESC 7 saves the cursor...)
        }
    }
    return out;
}

void installPrintableMessageHandler()
{
    if (!previousHandler)
        previousHandler = qInstallMessageHandler(printableHandler);
}

} // namespace archy
