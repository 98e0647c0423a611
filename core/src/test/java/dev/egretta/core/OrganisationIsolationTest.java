package dev.egretta.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.EgretJson;
import dev.egretta.api.KnowledgeScope;
import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Canary: near-identical private documents differing only in a unique token never cross organisations. */
class OrganisationIsolationTest {

  @Test
  void noOrganisationEverSeesAnotherOrganisationsCanary() throws Exception {
    FixedRetriever retriever = FixedRetriever.library();
    List<Organisation> orgs = List.of(Organisation.of("acme"), Organisation.of("globex"), Organisation.of("initech"));
    for (Organisation o : orgs) {
      retriever.addPrivate(o, "business-continuity", "us", "internal-plan.pdf", 2,
          "Our contingency plan is approved by the canary officer CANARY" + o.id().toUpperCase() + " every year. "
              + "The contingency plan backup site is codenamed CANARY" + o.id().toUpperCase() + "SITE.");
    }
    List<String> questions = List.of("Who approves the contingency plan?", "What is the backup site codenamed?",
        "Who is the canary officer?", "How often is the contingency plan approved?");
    try (Engine engine = EgrettaEngine.builder().retriever(retriever).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<int[]>> futures = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (Organisation o : orgs) {
          for (KnowledgeScope scope : KnowledgeScope.values()) {
            for (String q : questions) {
              futures.add(pool.submit(() -> {
                QueryResponse r = engine.query(ValidatedQuery.of(q, "business-continuity", "us", Mode.COMPLIANCE)
                    .withKnowledgeScope(scope), o);
                String json = EgretJson.write(r);
                String own = "CANARY" + o.id().toUpperCase();
                for (Organisation foreign : orgs) {
                  if (!foreign.equals(o)) {
                    assertThat(json).doesNotContain("CANARY" + foreign.id().toUpperCase());
                  }
                }
                if (scope == KnowledgeScope.PUBLIC) {
                  assertThat(json).doesNotContain("CANARY");
                }
                return new int[] {json.contains(own) ? 1 : 0};
              }));
            }
          }
        }
      }
      int ownSeen = 0;
      for (Future<int[]> f : futures) {
        ownSeen += f.get()[0];
      }
      pool.shutdown();
      assertThat(ownSeen).as("organisations do see their own canary").isPositive();
    }
  }
}
