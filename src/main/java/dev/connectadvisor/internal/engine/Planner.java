package dev.connectadvisor.internal.engine;

import dev.connectadvisor.Advice;
import dev.connectadvisor.InvalidSituationException;
import dev.connectadvisor.Plan;
import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The plan of a resolved situation (docs/policy.md, "Plan"), made by asking the rules for each
 * step's advice and moving the situation on as the person would: after a WAIT of n days, n days
 * later; after acting, the next day, with a request before the interview taken as pending and
 * each one after it counted as a follow-up; after a refusal before the interview, the day after
 * it; after a refusal after the interview, or a sixth step, the end.
 */
final class Planner {
    /** A plan has at most this many steps. */
    static final int MAX_STEPS = 6;

    /** The ids in texts.csv of the plan's assumptions. */
    static final String DAYS = "PLAN_DAYS";
    static final String PENDING = "PLAN_PENDING";
    static final String FOLLOW_UPS = "PLAN_FOLLOW_UPS";

    private Planner() {
    }

    /**
     * @param resolved the situation, its day resolved
     * @param advise the advice for a situation without dates
     * @param text the text of an id in texts.csv
     */
    static Plan plan(Situation resolved, Function<Situation, Advice> advise, Function<String, String> text) {
        LocalDate today = resolved.interviewDate() == null ? null : resolved.today();
        Situation s = Engine.dayless(resolved);
        int inDays = 0;
        List<Plan.Step> steps = new ArrayList<>();
        Set<String> assumed = new LinkedHashSet<>();
        assumed.add(DAYS);
        while (s != null && steps.size() < MAX_STEPS) {
            Advice advice = advise.apply(s);
            LocalDate date = today == null ? null : today.plusDays(inDays);
            if (date != null && advice.actInDays() != null) {
                advice = Engine.dated(advice, s.toBuilder().today(date).interviewDate(date.plusDays(s.daysUntilInterview()))
                        .build());
            }
            steps.add(new Plan.Step(inDays, date, s, advice));
            int d = s.daysUntilInterview();
            Situation.Builder next = s.toBuilder();
            int wait;
            switch (advice.verdict()) {
                case WAIT -> wait = advice.actInDays();
                case CONNECT, FOLLOW_UP -> {
                    wait = 1;
                    if (d >= 0) {
                        next.priorRequest(PriorRequest.PENDING);
                        assumed.add(PENDING);
                    } else {
                        next.followUpsSent(s.followUpsSent() + 1);
                        assumed.add(FOLLOW_UPS);
                    }
                }
                default -> wait = d >= 0 ? d + 1 : -1;
            }
            if (wait < 0) {
                break;
            }
            inDays += wait;
            s = moved(next, d - wait);
        }
        return new Plan(assumed.stream().map(text).toList(), steps);
    }

    /** The next step's situation, or null when the contract no longer allows it (more than 365 days after). */
    private static Situation moved(Situation.Builder next, int days) {
        try {
            return next.daysUntilInterview(days).build();
        } catch (InvalidSituationException outOfRange) {
            return null;
        }
    }
}
