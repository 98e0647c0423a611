package dev.egretta.core;

import java.util.regex.Pattern;

/**
 * The caller's organisation. It always comes from the trusted side (an API key, application code),
 * never from a request body. Private documents, sessions and messages belong to one organisation.
 *
 * <p>The id names a folder (uploads are kept under {@code <data>/<organisation>/}), so it is one
 * documented pattern, checked here where every id is made (keys file, CLI, library): 1 to 64 ASCII
 * letters, digits, {@code .}, {@code _} or {@code -}, starting and ending with a letter or digit.
 * That rules out {@code .}, {@code ..}, hidden names and any path separator.
 *
 * @param id the organisation id, matching {@link #PATTERN}
 */
public record Organisation(String id) {
  /** The pattern every organisation id matches. */
  public static final String PATTERN = "[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?";

  private static final Pattern VALID = Pattern.compile(PATTERN);

  /** The organisation of embedded and CLI use when none is named. */
  public static final Organisation LOCAL = new Organisation("local");

  public Organisation {
    if (id == null || !VALID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "organisation id must be 1 to 64 letters, digits, '.', '_' or '-', starting and ending with a letter "
              + "or digit; got: " + (id == null ? null : "'" + id + "'"));
    }
  }

  /** The organisation with this id; an {@link IllegalArgumentException} names a bad one. */
  public static Organisation of(String id) {
    return new Organisation(id);
  }

  @Override
  public String toString() {
    return id;
  }
}
