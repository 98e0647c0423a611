package dev.egretta.lucene;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects Tika's XHTML output into one string per page element ({@code <div class="page">} of a
 * PDF, {@code <div class="slide-content">} of a presentation), or into one string for the whole
 * {@code <body>} of a format without pages, keeping paragraph breaks as blank lines and headings as
 * paragraphs of their own. Stops with {@link LimitReached} at the character limit and with
 * {@link DeadlineReached} when the parse runs past its deadline.
 */
final class PageCollector extends DefaultHandler {

  /** Thrown from the handler to stop the parser once the character limit is reached. */
  static final class LimitReached extends SAXException {
    LimitReached() {
      super("character limit reached");
    }
  }

  /** Thrown from the handler when the time limit has passed. */
  static final class DeadlineReached extends SAXException {
    DeadlineReached() {
      super("time limit reached");
    }
  }

  private final List<String> pages = new ArrayList<>();
  private final long maxChars;
  private final long deadlineNanos;
  private final String pageClass;
  private StringBuilder current;
  private int depthInPage;
  private long total;
  private boolean truncated;

  /** @param pageClass the class of the {@code <div>} that is one page; null = the body is one text */
  PageCollector(long maxChars, long deadlineNanos, String pageClass) {
    this.maxChars = maxChars;
    this.deadlineNanos = deadlineNanos;
    this.pageClass = pageClass;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    checkDeadline();
    String name = localName.isEmpty() ? qName : localName;
    if (current == null) {
      if (pageClass == null ? "body".equals(name) : "div".equals(name) && pageClass.equals(atts.getValue("class"))) {
        current = new StringBuilder();
        depthInPage = 0;
      }
      return;
    }
    depthInPage++;
    if (isHeading(name) && !current.isEmpty()) {
      append("\n\n"); // a heading starts a paragraph even where the source ran it into the text before
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    if (current == null) {
      return;
    }
    String name = localName.isEmpty() ? qName : localName;
    if (depthInPage == 0) {
      pages.add(current.toString());
      current = null;
      return;
    }
    depthInPage--;
    if ("p".equals(name) || isHeading(name) || "li".equals(name) || "tr".equals(name)) {
      append("\n\n");
    } else if ("td".equals(name) || "th".equals(name)) {
      append(" ");
    }
  }

  private static boolean isHeading(String name) {
    return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (current != null) {
      append(new String(ch, start, length));
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    characters(ch, start, length);
  }

  private void append(String s) throws SAXException {
    checkDeadline();
    long room = maxChars - total;
    if (s.length() > room) {
      current.append(s, 0, (int) Math.max(0, room));
      total = maxChars;
      truncated = true;
      pages.add(current.toString());
      current = null;
      throw new LimitReached();
    }
    current.append(s);
    total += s.length();
  }

  private void checkDeadline() throws SAXException {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new DeadlineReached();
    }
  }

  /** The pages collected so far (an unfinished last page included). */
  List<String> pages() {
    List<String> all = new ArrayList<>(pages);
    if (current != null) {
      all.add(current.toString());
    }
    return all;
  }

  boolean truncated() {
    return truncated;
  }
}
