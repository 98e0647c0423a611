package dev.egretta.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work handed to another thread as if it had run on this one. */
public final class Futures {
  private Futures() {}

  /**
   * The future's value; when its work failed, the unchecked exception or error the work threw, not a
   * {@link CompletionException} around it (callers' handlers and users' messages expect the original).
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
