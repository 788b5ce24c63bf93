package org.w3id.ruralkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.w3id.ruralkg.common.RuralKgException;

class PhaseTest {
  @Test
  void allIsEveryPhaseButTheInProcessBuild() {
    assertEquals(Phase.defaults(), Phase.parse("all"));
    assertFalse(Phase.parse("all").contains(Phase.INPROCESS_BUILD));
    assertTrue(Phase.parse("all,inprocess-build").contains(Phase.INPROCESS_BUILD));
  }

  @Test
  void theCheapPhasesOfALargeRun() {
    assertEquals(
        EnumSet.of(Phase.BUILD, Phase.DENSITY, Phase.ANALYST, Phase.QUERIES),
        Phase.parse("build, density,analyst,queries"));
    assertEquals(EnumSet.of(Phase.LOADING), Phase.parse("loading"));
  }

  @Test
  void unknownNamesAndStoreReadersWithoutTheBuildAreRefused() {
    assertThrows(RuralKgException.class, () -> Phase.parse("build,densty"));
    assertThrows(RuralKgException.class, () -> Phase.parse("density"));
    assertThrows(RuralKgException.class, () -> Phase.parse(" , "));
  }
}
