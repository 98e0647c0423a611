package dev.egretta.core.session;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * One step of the sessions schema: a database at version {@code version - 1} reaches {@code version}
 * by applying {@code step}. Released steps never change; a schema change is a new step.
 */
record SchemaMigration(int version, String description, Step step) {

  /** The statements of one step, in the dialect of the database being upgraded. */
  @FunctionalInterface
  interface Step {
    void apply(Statement st, SqlDialect dialect) throws SQLException;
  }

  SchemaMigration {
    if (version < 1) {
      throw new IllegalArgumentException("a migration's version must be >= 1; got " + version);
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("migration " + version + " needs a description");
    }
    Objects.requireNonNull(step, "step");
  }
}
