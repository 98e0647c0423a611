package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.egretta.api.EgretJson;
import dev.egretta.api.QueryResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ask --generator bedrock} against a local server that speaks Bedrock Runtime's Converse wire format. */
class BedrockAskTest {
  private static final String ANSWER = "# Payment processing\\n\\nPayment processing must be restored within "
      + "4 hours [Source 1].";

  /** Bedrock's control plane: one on-demand text model, one profile of a model without a built-in price. */
  private static final java.util.Map<String, String> CONTROL_PLANE = java.util.Map.of(
      "/foundation-models", "{\"modelSummaries\":["
          + "{\"modelId\":\"amazon.nova-lite-v1:0\",\"modelName\":\"Nova Lite\",\"inputModalities\":[\"TEXT\"],"
          + "\"outputModalities\":[\"TEXT\"],\"responseStreamingSupported\":true,\"inferenceTypesSupported\":[\"ON_DEMAND\"],"
          + "\"modelLifecycle\":{\"status\":\"ACTIVE\"}},"
          + "{\"modelId\":\"anthropic.claude-opus-9-v1:0\",\"modelName\":\"Claude Opus 9\",\"inputModalities\":[\"TEXT\"],"
          + "\"outputModalities\":[\"TEXT\"],\"responseStreamingSupported\":true,"
          + "\"inferenceTypesSupported\":[\"INFERENCE_PROFILE\"],\"modelLifecycle\":{\"status\":\"ACTIVE\"}}]}",
      "/inference-profiles", "{\"inferenceProfileSummaries\":[{\"inferenceProfileId\":\"us.anthropic.claude-opus-9-v1:0\","
          + "\"inferenceProfileName\":\"US Claude Opus 9\",\"status\":\"ACTIVE\",\"type\":\"SYSTEM_DEFINED\","
          + "\"models\":[{\"modelArn\":\"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-9-v1:0\"}]}]}");

  @TempDir Path dir;
  private HttpServer bedrock;
  private final List<String> paths = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startFakeBedrock() throws Exception {
    bedrock = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bedrock.createContext("/", exchange -> {
      paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      exchange.getRequestBody().readAllBytes();
      String controlPlane = CONTROL_PLANE.get(exchange.getRequestURI().getPath());
      byte[] body = controlPlane != null ? controlPlane.getBytes(StandardCharsets.UTF_8) : ("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"" + ANSWER + "\"}]}},"
          + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":420,\"outputTokens\":17,\"totalTokens\":437},"
          + "\"metrics\":{\"latencyMs\":12}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    bedrock.start();
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  }

  @AfterEach
  void stop() {
    bedrock.stop(0);
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void asksTheChosenBedrockModelAndReportsItsUsage() throws Exception {
    String endpoint = "http://127.0.0.1:" + bedrock.getAddress().getPort();
    CliRun models = CliRun.run(dir, "models", "--generator", "bedrock", "--json");
    String model = EgretJson.mapper().readTree(models.out()).get(0).get("model_id").asText();

    CliRun run = CliRun.run(dir, "ask", "--index", DemoFixture.get().index().toString(),
        "--sessions", dir.resolve("s.db").toString(), "--domain", "business-continuity", "--category", "us",
        "--generator", "bedrock", "--model", model, "--bedrock-region", "us-east-1", "--bedrock-endpoint", endpoint,
        "--assist-model", "none", "--json", "What is the recovery time objective for payment processing?");

    assertThat(run.exitCode()).as(run.err()).isZero();
    QueryResponse response = EgretJson.mapper().readValue(run.out(), QueryResponse.class);
    assertThat(response.response()).contains("within 4 hours [Source 1]");
    assertThat(response.usage().model()).isEqualTo(model);
    assertThat(response.usage().inputTokens()).isEqualTo(420);
    assertThat(paths).singleElement().asString().startsWith("POST /model/").endsWith("/converse");
  }

  @Test
  void withBedrockTheModelRoutesAutoAndWritesFollowUpsAndAFailedReplyFallsBack() throws Exception {
    String endpoint = "http://127.0.0.1:" + bedrock.getAddress().getPort();
    CliRun run = CliRun.run(dir, "ask", "--index", DemoFixture.get().index().toString(),
        "--sessions", dir.resolve("s.db").toString(), "--domain", "business-continuity", "--category", "us",
        "--generator", "bedrock", "--bedrock-region", "us-east-1", "--bedrock-endpoint", endpoint,
        "--assist-model", "us.amazon.nova-lite-v1:0", "--json", "What is the recovery time objective for payment processing?");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // routing (auto is the CLI's default mode), the answer, the follow-ups; the assist replies are not what the
    // calls asked for (the server answers every call alike), so routing and follow-ups fall back
    assertThat(paths).containsExactly("POST /model/us.amazon.nova-lite-v1:0/converse",
        "POST /model/" + dev.egretta.bedrock.BedrockModelCatalog.DEFAULT_MODEL_ID + "/converse",
        "POST /model/us.amazon.nova-lite-v1:0/converse");
    QueryResponse response = EgretJson.mapper().readValue(run.out(), QueryResponse.class);
    assertThat(response.response()).contains("within 4 hours [Source 1]");
  }

  @Test
  void theLiveCatalogListsTheControlPlanesModelsPricedFromTheFile() throws Exception {
    String endpoint = "http://127.0.0.1:" + bedrock.getAddress().getPort();
    Path prices = dir.resolve("prices.json");
    java.nio.file.Files.writeString(prices, "{\"anthropic.claude-opus-9-v1:0\": {\"input_per_1k\": 0.02, "
        + "\"output_per_1k\": 0.1, \"tier\": \"premium\", \"credit_cost\": 12}}");
    CliRun run = CliRun.run(dir, "models", "--generator", "bedrock", "--bedrock-region", "us-east-1",
        "--bedrock-endpoint", endpoint, "--bedrock-control-endpoint", endpoint, "--bedrock-prices", prices.toString(),
        "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    var models = EgretJson.mapper().readTree(run.out());
    assertThat(models.findValuesAsText("model_id")).containsExactlyInAnyOrder("us.anthropic.claude-opus-9-v1:0",
        "amazon.nova-lite-v1:0");
    assertThat(models.findValuesAsText("tier")).contains("premium");
    assertThat(paths).contains("GET /foundation-models", "GET /inference-profiles");

    CliRun unknown = CliRun.run(dir, "models", "--generator", "bedrock", "--bedrock-region", "us-east-1",
        "--bedrock-endpoint", endpoint, "--bedrock-control-endpoint", endpoint, "--model", "gpt-4o");
    assertThat(unknown.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(unknown.err()).contains("gpt-4o").contains("amazon.nova-lite-v1:0");
  }

  @Test
  void aBadRegionIsAUsageErrorNamingIt() {
    CliRun run = CliRun.run(dir, "ask", "--index", DemoFixture.get().index().toString(),
        "--sessions", dir.resolve("s.db").toString(), "--domain", "business-continuity", "--category", "us",
        "--generator", "bedrock", "--bedrock-region", "mars", "Question?");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err().strip()).isEqualTo("egretta: region must look like us-east-1; got 'mars'");
  }
}
