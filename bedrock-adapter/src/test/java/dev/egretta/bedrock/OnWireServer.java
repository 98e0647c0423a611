package dev.egretta.bedrock;

import static dev.egretta.bedrock.Fixtures.config;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One local Bedrock wire server and one generator pointed at it per test class; the script is reset before each test. */
abstract class OnWireServer {
  static BedrockWireServer server;
  static BedrockAnswerGenerator generator;

  @BeforeAll
  static void start() throws Exception {
    server = new BedrockWireServer();
    generator = BedrockAnswerGenerator.create(config(server).build());
  }

  @AfterAll
  static void stop() {
    generator.close();
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }
}
