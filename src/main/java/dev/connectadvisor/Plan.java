package dev.connectadvisor;

import java.util.List;
import java.util.Objects;

/**
 * The advice on successive days, for the situation as it will be on each: today's advice, then
 * the day the advice says to act, and so on, until the policy says there is nothing more to do
 * (or after six steps). A plan only ever asks the rules, so it follows any rule edit.
 *
 * <pre>{@code
 * Plan plan = advisor.plan(Situation.builder().daysUntilInterview(10).build());
 * plan.steps().get(1).inDays();              // 7
 * plan.steps().get(1).advice().verdict();    // CONNECT
 * }</pre>
 *
 * @param assumptions what the plan takes for granted, in plain sentences
 * @param steps the steps, in the order of their days
 */
public record Plan(List<String> assumptions, List<Step> steps) {
    public Plan {
        assumptions = List.copyOf(assumptions);
        steps = List.copyOf(steps);
    }

    /**
     * One day of the plan.
     *
     * @param inDays how many days from today
     * @param date the step's day; null unless the situation gave an interview date
     * @param situation the step's situation as the rules saw it: a day count, no dates
     * @param advice the complete advice of that day, its draft note included
     */
    public record Step(int inDays, java.time.LocalDate date, Situation situation, Advice advice) {
        public Step {
            Objects.requireNonNull(situation, "situation");
            Objects.requireNonNull(advice, "advice");
        }

        /** True for a step that sends something: CONNECT or FOLLOW_UP. */
        public boolean acts() {
            return advice.verdict() == Verdict.CONNECT || advice.verdict() == Verdict.FOLLOW_UP;
        }
    }
}
