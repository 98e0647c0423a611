package dev.egretta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.testkit.junit.EgrettaCorpus;
import org.junit.jupiter.api.Test;

/**
 * An application's unit test with the testkit: the policies under src/test/resources/policies are
 * indexed once for the class (real parsing, chunking and embedding, no network) and the engine is
 * injected into each test.
 */
@EgrettaCorpus(value = "policies", domain = "information-security", category = "us")
class PolicyAssistantTest {

  @Test
  void citesTheAccessPolicyForMultiFactorAuthentication(Engine engine) {
    QueryResponse r = engine.query(ValidatedQuery.of("Is multi-factor authentication required for remote access?",
        "information-security", "us", Mode.COMPLIANCE), Organisation.LOCAL);

    assertThat(r.sources()).isNotEmpty();
    assertThat(r.sources().getFirst().filename()).isEqualTo("access-control.txt");
    assertThat(r.response()).contains("[Source 1]").containsIgnoringCase("multi-factor authentication");
  }

  @Test
  void saysSoWhenTheCorpusDoesNotCoverTheQuestion(Engine engine) {
    QueryResponse r = engine.query(ValidatedQuery.of("What is the cafeteria lunch menu on Fridays?",
        "information-security", "us", Mode.COMPLIANCE), Organisation.LOCAL);

    assertThat(r.contextQuality().insufficientContext()).isTrue();
  }
}
