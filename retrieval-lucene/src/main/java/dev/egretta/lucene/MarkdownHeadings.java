package dev.egretta.lucene;

import java.util.regex.Pattern;

/**
 * Markdown's ATX headings ({@code ## Scope}) as paragraphs of their own without the marks, so that
 * the chunker sees them as headings and chunks keep their section. Plain text without such lines is
 * returned unchanged.
 */
final class MarkdownHeadings {
  private static final Pattern ATX = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]+([^\\n]*?)[ \\t#]*$");

  private MarkdownHeadings() {}

  static String asParagraphs(String text) {
    return text.indexOf('#') < 0 ? text : ATX.matcher(text).replaceAll("\n$1\n");
  }
}
