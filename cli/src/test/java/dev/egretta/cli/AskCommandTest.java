package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.egretta.api.EgretJson;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.SessionSummary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskCommandTest {
  @TempDir Path dir;

  private CliRun ask(String... args) {
    DemoFixture fixture = DemoFixture.get();
    String[] all = new String[args.length + 5];
    all[0] = "ask";
    all[1] = "--index";
    all[2] = fixture.index().toString();
    all[3] = "--sessions";
    all[4] = dir.resolve("sessions.db").toString();
    System.arraycopy(args, 0, all, 5, args.length);
    return CliRun.run(dir, all);
  }

  @Test
  void printsTheMarkdownAnswerAndASourcesTableWithFilePageAndScore() {
    CliRun run = ask("--domain", "business-continuity", "--category", "us",
        "What is the recovery time objective for payment processing?");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("4 hours").contains("[Source 1]")
        .containsPattern("#\\s+file\\s+page\\s+score")
        .containsPattern("\\[1]\\s+business-continuity-plan\\.pdf\\s+2\\s")
        .containsPattern("Session [0-9a-f-]{36} \\(continue with --session [0-9a-f-]{36}\\)");
  }

  @Test
  void jsonIsExactlyTheEgretQueryResponseAndTheSessionPersistsBetweenRuns() throws Exception {
    CliRun first = ask("--domain", "business-continuity", "--category", "us", "--json",
        "How quickly must a suspected incident be reported?");
    assertThat(first.exitCode()).as(first.err()).isZero();
    QueryResponse r1 = EgretJson.mapper().readValue(first.out(), QueryResponse.class);
    assertThat(EgretJson.mapper().readTree(first.out()).fieldNames()).toIterable()
        .containsExactly("response", "sources", "suggestions", "context_quality", "usage", "performance",
            "session_id", "message_id");
    assertThat(r1.sources()).isNotEmpty();
    assertThat(r1.response()).contains("one hour");

    CliRun second = ask("--domain", "business-continuity", "--category", "us", "--json",
        "--session", r1.sessionId(), "Who decides whether customers are notified?");
    QueryResponse r2 = EgretJson.mapper().readValue(second.out(), QueryResponse.class);
    assertThat(r2.sessionId()).isEqualTo(r1.sessionId());

    CliRun sessions = CliRun.run(dir, "sessions", "--index", DemoFixture.get().index().toString(),
        "--sessions", dir.resolve("sessions.db").toString(), "--json");
    List<SessionSummary> list = EgretJson.mapper().readValue(sessions.out(), new TypeReference<>() {});
    assertThat(list).singleElement().satisfies(s -> {
      assertThat(s.sessionId()).isEqualTo(r1.sessionId());
      assertThat(s.messageCount()).isEqualTo(4);
    });
  }

  @Test
  void onATerminalTheStreamedAnswerIsPrintedWithTheSameSourcesTable() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    Context terminal = new Context(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
        java.util.Map.of(), dir, true);

    int code = Egretta.run(terminal, "ask", "--index", DemoFixture.get().index().toString(),
        "--sessions", dir.resolve("sessions.db").toString(), "--domain", "business-continuity", "--category", "us",
        "What is the recovery time objective for payment processing?");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("4 hours").contains("[Source 1]")
        .containsPattern("\\[1]\\s+business-continuity-plan\\.pdf\\s+2\\s")
        .containsPattern("Session [0-9a-f-]{36}");
  }

  @Test
  void aMissingRequiredOptionIsAOneLineUsageError() {
    CliRun run = ask("--category", "us", "What is the policy?");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).startsWith("egretta: ").contains("--domain").doesNotContain("\n");
  }

  @Test
  void anInvalidModeNamesTheAllowedValues() {
    CliRun run = ask("--domain", "business-continuity", "--category", "us", "--mode", "creative", "Question?");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).contains("mode must be one of compliance, advisory, auto");
  }

  @Test
  void anInvalidModeWithJsonIsAnEgretErrorBodyOnStandardError() throws Exception {
    CliRun run = ask("--domain", "business-continuity", "--category", "us", "--mode", "creative", "--json", "Q?");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(EgretJson.mapper().readTree(run.err()).get("detail").asText()).contains("mode");
  }

  @Test
  void askingWithoutAnIndexFailsWithAHintAndExitCode1() {
    CliRun run = CliRun.run(dir, "ask", "--domain", "d", "--category", "c", "Question?");

    assertThat(run.exitCode()).isEqualTo(Egretta.FAILURE);
    assertThat(run.err().strip()).isEqualTo("egretta: no index at " + dir.resolve("egretta-data/index")
        + ": build one with 'egretta index <folder>' (or try 'egretta demo')");
  }

  @Test
  void anUnknownModelIsAUsageErrorListingTheCatalog() {
    CliRun run = ask("--domain", "business-continuity", "--category", "us", "--model", "gpt-9", "Q?");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).contains("unknown model 'gpt-9'").contains("egretta-extractive");
  }
}
