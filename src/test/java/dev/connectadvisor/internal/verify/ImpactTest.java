package dev.connectadvisor.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.engine.RuleFolder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --baseline}: what a rule change does, over every situation. */
class ImpactTest {
    @Test
    void narrowerConnectWindow_movesDay3FromConnectToWait_andEveryLaterWaitByADay(@TempDir Path tmp) {
        RulesCopy copy = RulesCopy.of(tmp).replace("parameters.drl.csv", "values,3,7,3,300", "values,2,7,3,300");

        VerifyReport report = Verifier.verify(RuleFolder.read(copy.dir()),
                new Verifier.Options(false, RuleFolder.read(RulesCopy.RULES)));

        // B9 waits d - window: one day more for d = 4..30 (27 days x 4 free booleans x 3 notes);
        // B10 at d = 3 becomes B9 (4 free boolean combinations x 3 notes).
        assertThat(report.impact()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "WAIT: actInDays +1", 324L,
                "CONNECT -> WAIT", 12L));
        assertThat(report.lines())
                .anyMatch(l -> l.startsWith("impact against ") && l.endsWith(": 162048 situations compared, 336 changed"))
                .contains("  CONNECT -> WAIT: 12 situations, e.g. {daysUntilInterview: 3}: B10 CONNECT in 0 [TIP-1]"
                        + " -> B9 WAIT in 1 [TIP-1]");
    }
}
