package dev.connectadvisor.bench;

import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a rule base takes to build, and how that grows: the built-in rules compiled from DRL
 * at run time (as {@code --rules DIR} does), loaded from the precompiled model (as the jar does),
 * and the built-in rules plus generated rule sets for about 400 and 2,000 rules in all.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class BuildBenchmark {

    @State(Scope.Benchmark)
    public static class Rules {
        /** Rules generated on top of the built-in ones (0: the built-in rules alone). */
        @Param({"0", "360", "1960"})
        int generated;

        RuleFolder folder;

        @Setup(Level.Trial)
        public void generate() {
            RuleFolder builtIn = RuleFolder.builtIn();
            List<RuleFolder.Source> rules = new ArrayList<>(builtIn.rules());
            if (generated > 0) {
                rules.add(new RuleFolder.Source("generated.drl", drl(generated).getBytes(StandardCharsets.UTF_8)));
            }
            folder = new RuleFolder("generated", rules, List.of(), List.of(), "bench-" + generated);
        }
    }

    @Benchmark
    public Object compileFromDrl(Rules rules) {
        return Engine.compile(rules.folder).kieBase();
    }

    @Benchmark
    public Object loadPrecompiled() {
        return Engine.builtIn().kieBase();
    }

    /**
     * Rules shaped like the real ones: a guard on the decision, two or three constraints on the
     * situation's fields with varying constants, and a consequence that inserts a finding.
     */
    static String drl(int count) {
        String[] items = {"CON-1", "CON-3", "PRO-6", "TIP-8", "REJ-1", "AFTER-4"};
        String[] priors = {"NONE", "PENDING", "ACCEPTED", "DECLINED"};
        StringBuilder drl = new StringBuilder(count * 300)
                .append("package connectadvisor.generated;\n")
                .append("import dev.connectadvisor.Situation;\n")
                .append("import dev.connectadvisor.PriorRequest;\n")
                .append("import dev.connectadvisor.Verdict;\n")
                .append("import dev.connectadvisor.facts.Decision;\n")
                .append("import dev.connectadvisor.facts.Finding;\n");
        for (int i = 0; i < count; i++) {
            String item = items[i % items.length];
            drl.append("rule \"generated ").append(i).append("\"\n")
                    .append("    @item(\"").append(item).append("\")\n")
                    .append("when\n")
                    .append("    Decision(verdict == Verdict.").append(i % 2 == 0 ? "WAIT" : "CONNECT").append(")\n")
                    .append("    Situation(daysUntilInterview ").append(i % 3 == 0 ? ">" : "<=").append(' ')
                    .append((i % 61) - 30)
                    .append(", priorRequest == PriorRequest.").append(priors[i % priors.length])
                    .append(i % 5 == 0 ? ", hasReferral" : "")
                    .append(i % 7 == 0 ? ", followUpsSent < " + (i % 4 + 1) : "")
                    .append(")\n")
                    .append("then\n")
                    .append("    insert(Finding.risk(\"").append(item).append("\"));\n")
                    .append("end\n");
        }
        return drl.toString();
    }
}
