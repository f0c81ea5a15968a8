package dev.connectadvisor;

import java.util.List;
import java.util.stream.Collectors;

/** The rules did not compile; {@link #problems()} lists every problem at once, each located. */
public final class RulesCompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    public RulesCompilationException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rules:\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
