package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.egretta.api.EgretJson;
import dev.egretta.api.Message;
import dev.egretta.api.QueryResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsCommandTest {
  @TempDir Path dir;

  private CliRun run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--index";
    all[args.length + 1] = DemoFixture.get().index().toString();
    all[args.length + 2] = "--sessions";
    all[args.length + 3] = dir.resolve("sessions.db").toString();
    return CliRun.run(dir, all);
  }

  private String startSession() throws Exception {
    CliRun ask = run("ask", "--domain", "business-continuity", "--category", "us", "--json",
        "What is the recovery time objective for payment processing?");
    assertThat(ask.exitCode()).as(ask.err()).isZero();
    return EgretJson.mapper().readValue(ask.out(), QueryResponse.class).sessionId();
  }

  @Test
  void listsMessagesRenamesAndDeletesASession() throws Exception {
    String id = startSession();

    CliRun messages = run("sessions", "messages", id, "--json");
    List<Message> list = EgretJson.mapper().readValue(messages.out(), new TypeReference<>() {});
    assertThat(list).extracting(m -> m.sender().wireName()).containsExactly("user", "assistant");
    assertThat(list.get(1).sources()).isNotEmpty();

    CliRun text = run("sessions", "messages", id);
    assertThat(text.out()).contains("## You").contains("## Egretta").contains("4 hours");

    CliRun rename = run("sessions", "rename", id, "Dormant accounts", "--json");
    assertThat(rename.out().strip()).isEqualTo("{\"session_id\":\"" + id + "\",\"title\":\"Dormant accounts\"}");

    CliRun table = run("sessions");
    assertThat(table.out()).containsPattern("session\\s+title\\s+domain").contains("Dormant accounts")
        .contains("business-continuity");

    CliRun delete = run("sessions", "delete", id, "--json");
    assertThat(delete.out().strip()).isEqualTo("{\"detail\":\"Chat session deleted.\"}");
    assertThat(run("sessions", "recent", "--json").out().strip()).isEqualTo("[]");
  }

  @Test
  void anUnknownSessionIsARuntimeFailureAndABadIdAUsageError() {
    CliRun unknown = run("sessions", "messages", "53c719f0-4520-45e7-8406-3074c40bf9ce");
    assertThat(unknown.exitCode()).isEqualTo(Egretta.FAILURE);
    assertThat(unknown.err()).contains("53c719f0-4520-45e7-8406-3074c40bf9ce").contains("not found");

    CliRun bad = run("sessions", "delete", "not-a-uuid");
    assertThat(bad.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(bad.err().strip()).startsWith("egretta: a session id is a UUID");
  }

  @Test
  void listingSessionsOnAFreshMachineCreatesNothing() {
    CliRun run = CliRun.run(dir, "sessions", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo("[]");
    assertThat(Files.exists(dir.resolve("egretta-data"))).isFalse();
  }

  @Test
  void aLimitOutOfRangeIsAUsageError() {
    CliRun run = CliRun.run(dir, "sessions", "--limit", "0");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).contains("--limit must be between 1 and 100");
  }
}
