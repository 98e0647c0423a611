package dev.egretta.core;

import java.util.regex.Pattern;

/**
 * The caller's organisation. It always comes from the trusted side (an API key, application code),
 * never from a request body. Private documents, sessions and messages belong to one organisation.
 *
 * @param id 1..64 characters of letters, digits, {@code .}, {@code _} or {@code -}
 */
public record Organisation(String id) {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The organisation of embedded and CLI use when none is named. */
  public static final Organisation LOCAL = new Organisation("local");

  public Organisation {
    if (id == null || !VALID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "organisation id must be 1 to 64 letters, digits, '.', '_' or '-'; got: " + id);
    }
  }

  public static Organisation of(String id) {
    return new Organisation(id);
  }

  @Override
  public String toString() {
    return id;
  }
}
