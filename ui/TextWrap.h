#pragma once

#include <QString>

namespace archy {

/**
 * @p text with invisible break opportunities (U+200B) after the ':' and '/' of long unbroken runs,
 * so a word-wrapping label can wrap a certificate fingerprint or a URL instead of clipping it on
 * the 800x480 screen. For display only: compare and store the original text.
 */
QString breakableText(const QString &text);

/// @p text without the break opportunities breakableText() added (what a copy from a label gets).
QString withoutBreaks(const QString &text);

/**
 * @p text as a tooltip that shows it literally: Qt guesses rich text for a tooltip that looks like
 * markup, so a container named "<b>x</b>" or podman's stderr would be rendered, not shown. Line
 * breaks are kept.
 */
QString plainToolTip(const QString &text);

} // namespace archy
