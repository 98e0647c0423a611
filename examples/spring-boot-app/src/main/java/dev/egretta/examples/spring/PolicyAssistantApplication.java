package dev.egretta.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that answers questions about its policy PDFs with page citations. The
 * starter builds the engine from {@code application.properties} ({@code egretta.index-dir}, and
 * {@code egretta.documents-dir} indexed at start-up); {@link AskController} uses it, and Actuator
 * shows Egretta's health and metrics.
 *
 * <pre>{@code
 * java -jar app.jar --egretta.documents-dir=policies
 * curl 'http://localhost:8080/ask?question=Who+approves+the+contingency+plan%3F&domain=business-continuity&category=us'
 * curl http://localhost:8080/actuator/prometheus | grep egretta_
 * }</pre>
 */
@SpringBootApplication
public class PolicyAssistantApplication {
  /** Starts the application; Spring Boot's command-line arguments ({@code --egretta.index-dir=...}) apply. */
  public static void main(String[] args) {
    SpringApplication.run(PolicyAssistantApplication.class, args);
  }
}
