package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body Egret documents for a deleted session ({@code 204}). */
public record DeleteResponse(@JsonProperty("detail") String detail) {

  /** Egret's exact message for a deleted session. */
  public static final DeleteResponse SESSION_DELETED = new DeleteResponse("Chat session deleted.");
}
