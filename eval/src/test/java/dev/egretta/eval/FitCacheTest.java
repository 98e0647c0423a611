package dev.egretta.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.lucene.Fusion;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitCacheTest {

  private static RetrievedPassage passage(String id) {
    return new RetrievedPassage(id, "beir:set/" + id, id, 1, 1, "", "text of " + id, false, 0.5);
  }

  @Test
  void aPartSurvivesItsCacheFileAndAnotherKeyIsIgnored() throws Exception {
    String set = "fit-cache-test-" + ProcessHandle.current().pid();
    FitQuery q = new FitQuery(set, "question", Map.of("c2", 1), List.of("c2", "c1"), new double[] {1, 0},
        List.of(List.of("c1", "c2")), List.of(new double[] {1, 0}));
    try {
      new FitCache("key", List.of(q), Map.of("c1", passage("c1"), "c2", passage("c2"))).write(set);

      FitCache read = FitCache.read(set, "key");

      assertThat(FitCache.read(set, "other key")).isNull();
      assertThat(read.queries()).hasSize(1);
      FitQuery back = read.queries().getFirst();
      assertThat(back.dense()).containsExactly("c2", "c1");
      assertThat(back.bm25Scores().getFirst()).containsExactly(1, 0);
      assertThat(read.passages().get("c1")).isEqualTo(passage("c1"));
      // the same fused ranking as before the round trip: the heavily weighted vector list puts c2 (the judged document) first
      List<RetrievedPassage> fused = new FusionGrid(0, Fusion.RRF, 60, 0.9).fuse(back, read.passages());
      assertThat(fused.getFirst().chunkId()).isEqualTo("c2");
      assertThat(back.metrics(fused)[0]).isEqualTo(1.0);
    } finally {
      Files.deleteIfExists(FitCache.file(set));
    }
  }

  @Test
  void theHeldOutFifthIsAFixedFunctionOfTheId() {
    long held = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "q" + i).filter(RelevanceFit::heldOut).count();
    assertThat(held).isBetween(1800L, 2200L);
    assertThat(RelevanceFit.heldOut("q42")).isEqualTo(RelevanceFit.heldOut("q42"));
  }
}
