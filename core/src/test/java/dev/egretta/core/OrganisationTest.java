package dev.egretta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationTest {

  @ParameterizedTest
  @ValueSource(strings = {"acme", "a", "ACME-2", "my_app.prod", "a..b", "0"})
  void acceptsIdsThatAreSafeFolderNames(String id) {
    assertThat(Organisation.of(id).id()).isEqualTo(id);
  }

  // Organisation ids name folders (uploads/<org>/...): '.', '..' and dot-led names must never be one.
  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", ".hidden", "acme.", "-acme", "acme-", "_x", "a/b", "a\\b", "a b", "a\u0000b",
      "acme\n", "é"})
  void refusesIdsThatAreNotPlainFolderNames(String id) {
    assertThatThrownBy(() -> Organisation.of(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("organisation id must");
  }

  @org.junit.jupiter.api.Test
  void refusesNullAndOverlongIds() {
    assertThatThrownBy(() -> Organisation.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Organisation.of("a".repeat(64)).id()).hasSize(64);
    assertThatThrownBy(() -> Organisation.of("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
  }
}
