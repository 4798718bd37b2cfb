#include "TextWrap.h"

namespace archy {

namespace {

constexpr QChar ZeroWidthSpace(0x200B);
// Shorter runs wrap at spaces well enough; a SHA-256 fingerprint is 95 characters without one.
constexpr int LongRun = 24;

} // namespace

QString breakableText(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 3);
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        out.append(c);
        if (c.isSpace())
            continue;
        // Lookahead: only runs that are long as a whole get breaks, so "wss://host:8443" stays intact.
        if ((c == QLatin1Char(':') || c == QLatin1Char('/')) && i + 1 < text.size() &&
            !text.at(i + 1).isSpace()) {
            int end = i + 1;
            while (end < text.size() && !text.at(end).isSpace())
                ++end;
            int start = i;
            while (start > 0 && !text.at(start - 1).isSpace())
                --start;
            if (end - start > LongRun)
                out.append(ZeroWidthSpace);
        }
    }
    return out;
}

QString withoutBreaks(const QString &text)
{
    QString out = text;
    out.remove(ZeroWidthSpace);
    return out;
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    // Escaped and marked as rich text: Qt renders the escapes back into the literal characters.
    return QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>").arg(text.toHtmlEscaped());
}

} // namespace archy
