package dev.egretta.cli;

import dev.egretta.api.QueryRequest;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.RequestValidator;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.api.Validation;
import dev.egretta.api.StreamEvent;
import dev.egretta.core.Cancellable;
import dev.egretta.core.Engine;
import dev.egretta.core.InvalidRequestException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code egretta ask}: one question, answered with cited pages; {@code --session} continues a conversation. */
@Command(name = "ask", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Ask a question of the index; prints the Markdown answer and its sources (file, page, score).",
        "--json prints exactly the Egret query response."})
final class AskCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "QUESTION", description = "The question, in plain language (quote it).")
  String question;

  @Option(names = "--domain", required = true, paramLabel = "D", description = "Domain slug, e.g. business-continuity.")
  String domain;

  @Option(names = "--category", required = true, paramLabel = "C", description = "Category code, e.g. us.")
  String category;

  @Option(names = "--mode", paramLabel = "compliance|advisory|auto", defaultValue = "auto",
      description = "compliance (accuracy, maximum citation), advisory (interpretive guidance) or auto (default).")
  String mode;

  @Option(names = "--scope", paramLabel = "all|public|private", defaultValue = "all",
      description = "Knowledge scope: all (default), public (shared library) or private (the organisation's own).")
  String scope;

  @Option(names = "--session", paramLabel = "ID", description = "Continue this session (see 'egretta sessions').")
  String session;

  @Mixin IndexOption index;
  @Mixin OrgOption org;
  @Mixin GeneratorOptions generator;
  @Mixin S3Options s3;
  @Mixin JsonOption json;

  private final Context context;

  AskCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    generator.check();
    QueryRequest request = new QueryRequest(question, domain, category, mode, generator.model, null, scope, false, session);
    ValidatedQuery query = switch (RequestValidator.validate(request)) {
      case Validation.Valid<ValidatedQuery> v -> v.value();
      case Validation.Invalid<ValidatedQuery> i -> throw new InvalidRequestException(i.errors());
    };
    try (OpenEngine open = OpenEngine.openReadOnly(context, index, generator, s3, true)) {
      if (json.json) {
        context.printJson(open.engine().query(query, org.org));
        return Egretta.OK;
      }
      QueryResponse response;
      if (context.terminal()) {
        // A person is watching: show the answer as the model writes it.
        response = streamed(open.engine(), query);
        context.print("\n\n" + Render.afterAnswer(response));
      } else {
        response = open.engine().query(query, org.org);
        context.print(Render.answer(response));
      }
      context.out().println();
      context.println("Session " + response.sessionId() + " (continue with --session " + response.sessionId() + ")");
    }
    return Egretta.OK;
  }

  private QueryResponse streamed(Engine engine, ValidatedQuery query) {
    CompletableFuture<QueryResponse> done = new CompletableFuture<>();
    Cancellable running = engine.stream(query, org.org, event -> {
      switch (event) {
        case StreamEvent.Sources ignored -> { }
        case StreamEvent.Delta delta -> {
          context.print(delta.text());
          context.out().flush();
        }
        case StreamEvent.Done finished -> done.complete(finished.response());
        case StreamEvent.Error error -> done.completeExceptionally(error.body().errors().isEmpty()
            ? new CliFailure(error.body().detail()) : new InvalidRequestException(error.body().errors()));
      }
    });
    try {
      return done.get();
    } catch (InterruptedException e) {
      running.cancel();
      Thread.currentThread().interrupt();
      throw new CliFailure("interrupted");
    } catch (ExecutionException e) {
      throw (RuntimeException) e.getCause();
    }
  }
}
