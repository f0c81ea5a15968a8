package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.verify.SituationSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The plan obeys the policy's rules of succession on every valid situation of the exhaustive space
 * (without a note): it starts with today's advice; the days only grow; a WAIT of n days is followed,
 * n days later, by a step that acts (CONNECT or FOLLOW_UP); an action is followed the next day; a
 * refusal before the interview leads to the day after it; and the plan ends after a refusal after
 * the interview, after six steps, or where the contract's range of days ends.
 */
class PlanPropertyTest {
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath();

    @Test
    void everyPlan_followsThePolicysSuccession() {
        List<Situation> space = new ArrayList<>();
        SituationSpace.walk(s -> {
            if (s.note() == null) {
                space.add(s);
            }
        });
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicLong steps = new AtomicLong();

        space.parallelStream().forEach(s -> {
            Plan plan = ADVISOR.plan(s);
            steps.addAndGet(plan.steps().size());
            String problem = problem(s, plan);
            if (problem != null && failures.size() < 10) {
                failures.add(problem + ": " + s + " -> " + describe(plan));
            }
        });

        System.out.printf("RELIABILITY plans: %d plans, %d steps, %d not as the policy says%n", space.size(), steps.get(),
                failures.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void theExampleOfThePolicy() {
        Plan plan = ADVISOR.plan(Situation.builder().daysUntilInterview(10).build());

        assertThat(plan.steps()).extracting(Plan.Step::inDays).containsExactly(0, 7, 8, 13, 14);
        assertThat(plan.steps()).extracting(step -> step.advice().verdict()).containsExactly(Verdict.WAIT,
                Verdict.CONNECT, Verdict.WAIT, Verdict.CONNECT, Verdict.DONT_CONNECT);
        assertThat(plan.steps().get(2).situation().priorRequest()).isEqualTo(PriorRequest.PENDING);
        assertThat(plan.steps().get(4).situation().followUpsSent()).isEqualTo(1);
        assertThat(plan.steps().get(1).advice().draftNote()).contains("look forward");
        assertThat(plan.steps().get(0).date()).isNull();
        assertThat(plan.assumptions()).hasSize(3);
    }

    @Test
    void aPlanByDate_datesEachStep_andItsAdvice() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 25);
        Plan plan = ADVISOR.plan(Situation.builder().interviewDate(today.plusDays(10)).today(today).build());

        assertThat(plan.steps()).extracting(Plan.Step::date).containsExactly(today, today.plusDays(7), today.plusDays(8),
                today.plusDays(13), today.plusDays(14));
        assertThat(plan.steps().get(0).advice().actOn()).isEqualTo(today.plusDays(7));
        assertThat(plan.steps().get(1).situation().interviewDate()).isNull();
    }

    private static String problem(Situation start, Plan plan) {
        List<Plan.Step> steps = plan.steps();
        if (steps.isEmpty() || steps.get(0).inDays() != 0 || !steps.get(0).advice().equals(ADVISOR.advise(start))) {
            return "the first step is not today's advice";
        }
        if (steps.size() > 6) {
            return "more than six steps";
        }
        for (int i = 0; i < steps.size(); i++) {
            Plan.Step step = steps.get(i);
            Verdict verdict = step.advice().verdict();
            int d = step.situation().daysUntilInterview();
            boolean last = i == steps.size() - 1;
            if (last) {
                boolean refusedAfter = d < 0 && (verdict == Verdict.DONT_CONNECT || verdict == Verdict.LET_THEM_INITIATE);
                boolean outOfRange = d - next(step) < -Situation.MAX_DAYS
                        || step.situation().followUpsSent() == Situation.MAX_FOLLOW_UPS && step.acts() && d < 0;
                if (!refusedAfter && steps.size() < 6 && !outOfRange) {
                    return "the plan ends at step " + (i + 1) + " with " + verdict + " " + (d < 0 ? "after" : "before");
                }
                continue;
            }
            Plan.Step following = steps.get(i + 1);
            if (following.inDays() != step.inDays() + next(step)) {
                return "step " + (i + 2) + " is on day " + following.inDays() + ", not " + (step.inDays() + next(step));
            }
            if (verdict == Verdict.WAIT && !following.acts()) {
                return "a WAIT is followed by " + following.advice().verdict();
            }
        }
        return null;
    }

    /** The days to the next step, by the policy. */
    private static int next(Plan.Step step) {
        int d = step.situation().daysUntilInterview();
        return switch (step.advice().verdict()) {
            case WAIT -> step.advice().actInDays();
            case CONNECT, FOLLOW_UP -> 1;
            default -> d >= 0 ? d + 1 : Integer.MAX_VALUE / 2;
        };
    }

    private static String describe(Plan plan) {
        return plan.steps().stream().map(s -> s.inDays() + " " + s.advice().verdict()).toList().toString();
    }
}
