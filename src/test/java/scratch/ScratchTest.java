package scratch;

import dev.connectadvisor.RulesCompilationException;
import dev.connectadvisor.engine.RuleCompiler;
import dev.connectadvisor.engine.RuleFolder;
import java.nio.file.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void show() throws Exception {
        String[][] edits = {
            {"verdict-policy.drl.csv", "$d + $wait,\"\"\"You are already", "$d + $wiat,\"\"\"You are already"},
            {"verdict-policy.drl.csv", "B6 You have a referral: do not go over their head,$d >= 0,,,,,true", "B6 You have a referral: do not go over their head,$d >= 0,,,,,treu"},
            {"verdict-policy.drl.csv", "Sequential,true", "Sequential,true\nFoo,bar"},
            {"verdict-policy.drl.csv", "hasReferral == $param", "hasReferal == $param"},
            {"parameters.drl.csv", "3,7,3,300", "3,x7,3,300"},
            {"risks.drl", "priorRequest == PriorRequest.DECLINED)", "priorRequest == PriorRequest.DECLINED"},
        };
        for (String[] e : edits) {
            Path dir = Files.createTempDirectory("rules");
            try (var s = Files.list(Path.of("rules"))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, dir.resolve(p.getFileName()));
            }
            Path f = dir.resolve(e[0]);
            String t = Files.readString(f);
            if (!t.contains(e[1])) throw new AssertionError("no " + e[1]);
            Files.writeString(f, t.replace(e[1], e[2]));
            System.out.println("=== " + e[2]);
            try {
                RuleCompiler.compile(RuleFolder.read(dir));
                System.out.println("compiled!");
            } catch (RulesCompilationException x) {
                x.problems().forEach(System.out::println);
            } catch (Exception x) {
                System.out.println("EXC " + x);
            }
        }
    }
}
