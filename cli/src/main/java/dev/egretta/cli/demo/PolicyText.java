package dev.egretta.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sample policy document as the project wrote it: a header of {@code key: value} lines, a
 * {@code ---} line, then the body: {@code # } headings, paragraphs separated by blank lines and
 * {@code <<page>>} lines where a new page must start.
 *
 * @param pages the body's pages; each page is a list of blocks
 */
record PolicyText(String title, String domain, String category, String file, String organisation, String edition,
    List<List<Block>> pages) {

  /** A heading or a paragraph. */
  record Block(boolean heading, String text) {
    Block {
      Objects.requireNonNull(text, "text");
    }
  }

  PolicyText {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(edition, "edition");
    pages = pages.stream().map(List::copyOf).toList();
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("a policy text needs at least one page: " + file);
    }
  }

  /** Reads a policy text from a class-path resource next to this class. */
  static PolicyText resource(String name) {
    try (InputStream in = PolicyText.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing demo resource " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo resource " + name, e);
    }
  }

  static PolicyText parse(String text) {
    String[] parts = text.split("\\R---\\R", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("a policy text needs a header, a '---' line and a body");
    }
    Map<String, String> header = new HashMap<>();
    for (String line : parts[0].split("\\R")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    List<List<Block>> pages = new ArrayList<>();
    for (String page : parts[1].split("\\R<<page>>\\R")) {
      List<Block> blocks = new ArrayList<>();
      for (String para : page.strip().split("\\R\\s*\\R")) {
        String p = para.strip().replaceAll("\\s*\\R\\s*", " ");
        if (p.startsWith("# ")) {
          blocks.add(new Block(true, p.substring(2).strip()));
        } else if (!p.isEmpty()) {
          blocks.add(new Block(false, p));
        }
      }
      pages.add(blocks);
    }
    return new PolicyText(header.get("title"), header.get("domain"), header.get("category"), header.get("file"),
        header.get("organisation"), header.get("edition"), pages);
  }
}
