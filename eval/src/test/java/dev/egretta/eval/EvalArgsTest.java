package dev.egretta.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.pipeline.FittedRelevance;
import org.junit.jupiter.api.Test;

class EvalArgsTest {

  @Test
  void bm25ProximityDefaultsToTheFittedWeightAndCanBeSwitchedOff() {
    assertThat(EvalArgs.parse(new String[] {"--dataset", "d"}).config().bm25Proximity())
        .isEqualTo(FittedRelevance.defaults().bm25Proximity());
    assertThat(EvalArgs.parse(new String[] {"--dataset", "d", "--proximity", "0"}).config().bm25Proximity()).isZero();
  }

  @Test
  void aBadProximityIsNamedWithItsValue() {
    assertThatThrownBy(() -> EvalArgs.parse(new String[] {"--dataset", "d", "--proximity", "high"}))
        .hasMessage("--proximity must be a number; got 'high'");
    assertThatThrownBy(() -> EvalArgs.parse(new String[] {"--dataset", "d", "--proximity", "11"}))
        .hasMessageContaining("bm25Proximity must be in [0, 10]; got 11.0");
  }

  @Test
  void theProximitySlopIsAWholeNumberInRange() {
    assertThat(EvalArgs.parse(new String[] {"--dataset", "d"}).config().bm25ProximitySlop())
        .isEqualTo(FittedRelevance.defaults().bm25ProximitySlop());
    assertThat(EvalArgs.parse(new String[] {"--dataset", "d", "--proximity-slop", "4"}).config().bm25ProximitySlop()).isEqualTo(4);
    assertThatThrownBy(() -> EvalArgs.parse(new String[] {"--dataset", "d", "--proximity-slop", "2.5"}))
        .hasMessage("--proximity-slop must be a whole number; got '2.5'");
    assertThatThrownBy(() -> EvalArgs.parse(new String[] {"--dataset", "d", "--proximity-slop", "40"}))
        .hasMessageContaining("bm25ProximitySlop").hasMessageContaining("40");
  }

  @Test
  void bm25K1AndBDefaultToTheFittedValuesAndAreSetApart() {
    assertThat(EvalArgs.parse(new String[] {"--dataset", "d"}).config().bm25K1()).isEqualTo(FittedRelevance.defaults().bm25K1());
    var config = EvalArgs.parse(new String[] {"--dataset", "d", "--k1", "0.7"}).config();
    assertThat(config.bm25K1()).isEqualTo(0.7);
    assertThat(config.bm25B()).isEqualTo(FittedRelevance.defaults().bm25B());
    assertThat(EvalArgs.parse(new String[] {"--dataset", "d", "--b", "0.3"}).config().bm25B()).isEqualTo(0.3);
    assertThatThrownBy(() -> EvalArgs.parse(new String[] {"--dataset", "d", "--b", "1.5"}))
        .hasMessageContaining("bm25 b must be in [0, 1]; got 1.5");
    assertThatThrownBy(() -> EvalArgs.parse(new String[] {"--dataset", "d", "--k1", "many"}))
        .hasMessage("--k1 must be a number; got 'many'");
  }

  @Test
  void aChunkSizeThatIsNoWholeNumberIsNamed() {
    assertThatThrownBy(() -> EvalArgs.parse(new String[] {"--dataset", "d", "--chunk-tokens", "many"}))
        .hasMessage("--chunk-tokens must be a whole number; got 'many'");
    assertThatThrownBy(() -> EvalArgs.parse(new String[] {"--dataset", "d", "--overlap-tokens", "3.5"}))
        .hasMessage("--overlap-tokens must be a whole number; got '3.5'");
  }
}
