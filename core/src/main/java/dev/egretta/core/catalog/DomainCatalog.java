package dev.egretta.core.catalog;

import dev.egretta.api.Category;
import dev.egretta.api.Domain;
import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.NotFoundException;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.DomainCategory;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The domains and categories a caller can query, read live from the documents in the index (the
 * public library plus the caller's private documents), with display names. Thread-safe.
 */
public final class DomainCatalog {

  private final CorpusInventory inventory;
  private final DisplayNames names;

  public DomainCatalog(CorpusInventory inventory, DisplayNames names) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** The caller's domains, sorted by slug. */
  public List<Domain> domains(Organisation caller) {
    return byDomain(caller).keySet().stream().map(slug -> new Domain(slug, names.domainName(slug))).toList();
  }

  /**
   * The categories of one domain, sorted by code.
   *
   * @throws NotFoundException naming the valid domains when the caller has no such domain: here the
   *     domain names a resource (HTTP 404), where in a query it is a bad field (400)
   */
  public List<Category> categories(Organisation caller, String domain) {
    TreeSet<String> codes = byDomain(caller).get(domain);
    if (codes == null) {
      throw new NotFoundException(unknownDomain(caller, domain));
    }
    return codes.stream().map(code -> new Category(code, names.categoryName(code))).toList();
  }

  /**
   * Checks a (domain, category) pair and returns its display names.
   *
   * @throws InvalidRequestException naming the valid domains or categories
   */
  public Resolved resolve(Organisation caller, String domain, String category) {
    TreeMap<String, TreeSet<String>> all = byDomain(caller);
    TreeSet<String> codes = all.get(domain);
    if (codes == null) {
      throw InvalidRequestException.of("domain", unknownDomain(caller, domain));
    }
    if (!codes.contains(category)) {
      throw InvalidRequestException.of("category", "unknown category '" + category + "' for domain '" + domain
          + "'; must be one of " + String.join(", ", codes));
    }
    return new Resolved(domain, names.domainName(domain), category, names.categoryName(category));
  }

  /** The display names of a domain and category. */
  public DisplayNames names() {
    return names;
  }

  private String unknownDomain(Organisation caller, String domain) {
    TreeMap<String, TreeSet<String>> all = byDomain(caller);
    String valid = all.isEmpty() ? "none: the index holds no documents yet" : "one of " + String.join(", ", all.keySet());
    return "unknown domain '" + domain + "'; must be " + valid;
  }

  private TreeMap<String, TreeSet<String>> byDomain(Organisation caller) {
    return inventory.domainCategories(caller).stream().collect(Collectors.groupingBy(DomainCategory::domain,
        TreeMap::new, Collectors.mapping(DomainCategory::category, Collectors.toCollection(TreeSet::new))));
  }

  /** A checked (domain, category) pair with display names. */
  public record Resolved(String domainSlug, String domainName, String categoryCode, String categoryName) {}
}
