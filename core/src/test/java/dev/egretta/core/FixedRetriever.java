package dev.egretta.core;

import dev.egretta.core.internal.Terms;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.Retriever;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real retriever over fixed passages for unit tests: the score is the share of the query's
 * content terms a passage contains; the scope is applied while searching.
 */
final class FixedRetriever implements Retriever, CorpusInventory {

  record Doc(String domain, String category, Optional<Organisation> owner, String uri, String filename, int page,
      String heading, String text) {}

  private final List<Doc> docs = new ArrayList<>();
  final List<RetrievalRequest> requests = new CopyOnWriteArrayList<>();

  FixedRetriever add(String domain, String category, String filename, int page, String heading, String text) {
    docs.add(new Doc(domain, category, Optional.empty(), "file:///lib/" + domain + "/pdf/" + category + "/" + filename,
        filename, page, heading, text));
    return this;
  }

  FixedRetriever addPrivate(Organisation owner, String domain, String category, String filename, int page, String text) {
    docs.add(new Doc(domain, category, Optional.of(owner), "file:///private/" + owner.id() + "/" + filename, filename,
        page, "", text));
    return this;
  }

  @Override
  public List<RetrievedPassage> retrieve(RetrievalRequest request) {
    requests.add(request);
    Set<String> q = Terms.contentTerms(request.text());
    List<RetrievedPassage> hits = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Doc d = docs.get(i);
      boolean visible = d.domain().equals(request.scope().domain()) && d.category().equals(request.scope().category())
          && (d.owner().isEmpty() ? request.scope().includePublic() : d.owner().equals(request.scope().privateOf()));
      if (!visible || q.isEmpty()) {
        continue;
      }
      Set<String> t = Terms.contentTerms(d.text() + " " + d.heading());
      double score = q.stream().filter(t::contains).count() / (double) q.size();
      if (score > 0) {
        hits.add(new RetrievedPassage("c" + i, d.uri(), d.filename(), d.page(), d.page(), d.heading(), d.text(),
            d.owner().isPresent(), score));
      }
    }
    hits.sort(Comparator.comparingDouble(RetrievedPassage::score).reversed());
    return hits.subList(0, Math.min(request.limit(), hits.size()));
  }

  @Override
  public Set<DomainCategory> domainCategories(Organisation caller) {
    Set<DomainCategory> out = new HashSet<>();
    docs.stream().filter(d -> d.owner().isEmpty() || d.owner().get().equals(caller))
        .forEach(d -> out.add(new DomainCategory(d.domain(), d.category())));
    return out;
  }

  @Override
  public boolean hasPrivateDocuments(Organisation caller) {
    return docs.stream().anyMatch(d -> d.owner().equals(Optional.of(caller)));
  }

  /** A small business-continuity library. */
  static FixedRetriever library() {
    return new FixedRetriever()
        .add("business-continuity", "us", "contingency.pdf", 3, "Contingency plan approval",
            "The contingency plan is approved by the Chief Information Officer. The plan must be reviewed annually "
                + "and updated after every major system change. Approval is recorded in the plan's signature page.")
        .add("business-continuity", "us", "contingency.pdf", 7, "Contingency training",
            "Contingency training is provided to personnel with contingency roles within 30 days of assuming the "
                + "role. Refresher contingency training takes place every year for all personnel with recovery duties.")
        .add("business-continuity", "us", "incident.pdf", 12, "Incident reporting",
            "Security incidents must be reported to the incident response team within one hour of discovery. "
                + "The incident response team notifies the agency privacy officer when personal data is involved.")
        .add("business-continuity", "us", "incident.pdf", 14, "Incident response testing",
            "The incident response capability is tested annually with tabletop exercises. Test results are "
                + "documented and the incident response plan is updated with the lessons learned.")
        .add("information-security", "us", "audit.pdf", 2, "Audit records",
            "Audit records are retained for at least three years. Audit logging covers logons, privilege use and "
                + "changes to security settings.");
  }
}
