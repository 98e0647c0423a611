package dev.egretta.core.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Human-readable names for domain slugs and category codes. Defaults: a slug becomes title-case
 * words ({@code business-continuity} → {@code Business Continuity}); a two-letter category code is a
 * country ({@code us} → {@code United States}, {@code sg} → {@code Singapore}), with {@code uk} →
 * {@code United Kingdom}, {@code eu} → {@code European Union}, {@code intl}/{@code global} →
 * {@code International}; any other code becomes title-case words. Overrides win. Immutable.
 */
public final class DisplayNames {

  private static final Map<String, String> SPECIAL_CATEGORIES = Map.of(
      "uk", "United Kingdom",
      "eu", "European Union",
      "intl", "International",
      "international", "International",
      "global", "Global");

  private final Map<String, String> domains;
  private final Map<String, String> categories;

  private DisplayNames(Map<String, String> domains, Map<String, String> categories) {
    this.domains = Map.copyOf(domains);
    this.categories = Map.copyOf(categories);
  }

  /** The default rules, no overrides. */
  public static DisplayNames defaults() {
    return new DisplayNames(Map.of(), Map.of());
  }

  /** These names with one more domain override. */
  public DisplayNames withDomain(String slug, String name) {
    Map<String, String> d = new HashMap<>(domains);
    d.put(Objects.requireNonNull(slug, "slug"), requireName(name));
    return new DisplayNames(d, categories);
  }

  /** These names with one more category override. */
  public DisplayNames withCategory(String code, String name) {
    Map<String, String> c = new HashMap<>(categories);
    c.put(Objects.requireNonNull(code, "code"), requireName(name));
    return new DisplayNames(domains, c);
  }

  /** The display name of a domain slug. */
  public String domainName(String slug) {
    String override = domains.get(slug);
    return override != null ? override : titleCase(slug);
  }

  /** The display name of a category code. */
  public String categoryName(String code) {
    String override = categories.get(code);
    if (override != null) {
      return override;
    }
    String lower = code.toLowerCase(Locale.ROOT);
    String special = SPECIAL_CATEGORIES.get(lower);
    if (special != null) {
      return special;
    }
    if (lower.matches("[a-z]{2}")) {
      String country = Locale.of("", lower.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
      if (!country.isBlank() && !country.equalsIgnoreCase(lower)) {
        return country;
      }
    }
    return titleCase(code);
  }

  static String titleCase(String slug) {
    StringBuilder b = new StringBuilder();
    for (String word : slug.split("[-_\\s]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!b.isEmpty()) {
        b.append(' ');
      }
      b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return b.isEmpty() ? slug : b.toString();
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a display name must not be blank");
    }
    return name.strip();
  }
}
