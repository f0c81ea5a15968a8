package dev.connectadvisor.internal.policy;

import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import dev.connectadvisor.Verdict;
import dev.connectadvisor.facts.Parameters;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The verdict table of DECISION-POLICY.md ("Priority", rows B1-B10 and A1-A9) as plain data,
 * evaluated independently of the rules: each row has named conditions, a verdict, an
 * {@code actInDays} formula and a decisive item. The parameters come from the loaded rules (their
 * {@link Parameters} fact), so a changed threshold is reflected here too; the row order and the
 * conditions are the policy's, so a rule that strays from them shows up.
 *
 * <p>One structure serves two readers: the exhaustive analysis (which row's decisive item must
 * be in the reasons) and the explanations of {@code advise --explain} (why not the rows above).
 *
 * <pre>{@code
 * PolicyTable policy = PolicyTable.of(parameters);
 * policy.firstMatch(situation).id();   // "B9"
 * }</pre>
 */
public final class PolicyTable {

    /**
     * One condition of a row.
     *
     * @param text the condition as the policy says it, e.g. {@code hasReferral is true}
     * @param holds whether it holds for a situation
     * @param actual what the situation has, e.g. {@code hasReferral is false}
     */
    public record Condition(String text, Predicate<Situation> holds, Function<Situation, String> actual) {
        /** For the explanation: the condition, with the values behind it where they add something. */
        public String describe(Situation s) {
            String is = actual.apply(s);
            return is.equals(text) ? text : text + " (" + is + ")";
        }
    }

    /**
     * One row of the policy.
     *
     * @param id e.g. {@code B9}
     * @param title a short name, e.g. {@code too early}
     * @param afterInterview true for the A rows (daysUntilInterview below 0), false for the B rows
     * @param conditions all must hold; none for the last row of a phase ("otherwise")
     * @param verdict the row's verdict
     * @param actInDays the row's {@code actInDays} for a situation, or null where the policy gives none
     * @param decisiveItem the guide item that must be in the reasons
     */
    public record Row(String id, String title, boolean afterInterview, List<Condition> conditions, Verdict verdict,
            Function<Situation, Integer> actInDays, String decisiveItem) {
        public Row {
            conditions = List.copyOf(conditions);
        }

        /** True when the row is in the situation's phase and every condition holds. */
        public boolean matches(Situation s) {
            return appliesTo(s) && conditions.stream().allMatch(c -> c.holds().test(s));
        }

        /** True when the row belongs to the situation's phase. */
        public boolean appliesTo(Situation s) {
            return afterInterview == (s.daysUntilInterview() < 0);
        }

        /** {@code B9 too early}. */
        public String label() {
            return id + " " + title;
        }
    }

    private final Parameters parameters;
    private final List<Row> rows;

    private PolicyTable(Parameters p) {
        this.parameters = p;
        int window = p.connectWindowDays();
        int wait = p.followUpWaitDays();
        Condition notDirect = bool("directInterviewer", false, Situation::directInterviewer);
        Condition told = bool("toldNotToConnect", true, Situation::toldNotToConnect);
        Condition hesitant = bool("interviewerSeemedHesitant", true, Situation::interviewerSeemedHesitant);
        Condition referral = bool("hasReferral", true, Situation::hasReferral);
        Condition rejected = bool("applicationRejected", true, Situation::applicationRejected);
        Condition accepted = prior(PriorRequest.ACCEPTED);
        Condition declined = prior(PriorRequest.DECLINED);
        Condition pending = prior(PriorRequest.PENDING);
        Condition pendingOrDeclined = new Condition("priorRequest is PENDING or DECLINED",
                s -> s.priorRequest() == PriorRequest.PENDING || s.priorRequest() == PriorRequest.DECLINED,
                s -> "priorRequest is " + s.priorRequest());
        Condition today = new Condition("daysUntilInterview is 0", s -> s.daysUntilInterview() == 0,
                s -> "daysUntilInterview is " + s.daysUntilInterview());
        Condition tooEarly = new Condition("daysUntilInterview > connectWindowDays",
                s -> s.daysUntilInterview() > window,
                s -> "daysUntilInterview is " + s.daysUntilInterview() + ", connectWindowDays is " + window);
        Condition inWindow = new Condition("1 <= daysUntilInterview <= connectWindowDays",
                s -> s.daysUntilInterview() >= 1 && s.daysUntilInterview() <= window,
                s -> "daysUntilInterview is " + s.daysUntilInterview() + ", connectWindowDays is " + window);
        Condition followedUp = new Condition("followUpsSent >= 1", s -> s.followUpsSent() >= 1,
                s -> "followUpsSent is " + s.followUpsSent());
        Condition tooSoon = new Condition("daysSince < followUpWaitDays", s -> -s.daysUntilInterview() < wait,
                s -> "daysSince is " + -s.daysUntilInterview() + ", followUpWaitDays is " + wait);
        Function<Situation, Integer> none = s -> null;
        Function<Situation, Integer> now = s -> 0;
        this.rows = List.of(
                new Row("B1", "not your interviewer", false, List.of(notDirect), Verdict.DONT_CONNECT, none, "TIP-7"),
                new Row("B2", "told not to connect", false, List.of(told), Verdict.DONT_CONNECT, none, "TIP-5"),
                new Row("B3", "hesitant", false, List.of(hesitant), Verdict.LET_THEM_INITIATE, none, "AFTER-8"),
                new Row("B4", "accepted", false, List.of(accepted), Verdict.WAIT,
                        s -> s.daysUntilInterview() + wait, "AFTER-7"),
                new Row("B5", "declined", false, List.of(declined), Verdict.DONT_CONNECT, none, "CON-5"),
                new Row("B6", "referral", false, List.of(referral), Verdict.DONT_CONNECT, none, "TIP-6"),
                new Row("B7", "pending", false, List.of(pending), Verdict.WAIT,
                        s -> s.daysUntilInterview() + wait, "CON-7"),
                new Row("B8", "interview day", false, List.of(today), Verdict.WAIT, s -> wait, "CON-7"),
                new Row("B9", "too early", false, List.of(tooEarly), Verdict.WAIT,
                        s -> s.daysUntilInterview() - window, "TIP-1"),
                new Row("B10", "within the window", false, List.of(inWindow), Verdict.CONNECT, now, "TIP-1"),
                new Row("A1", "not your interviewer", true, List.of(notDirect), Verdict.DONT_CONNECT, none, "TIP-7"),
                new Row("A2", "declined twice", true, List.of(declined, rejected), Verdict.DONT_CONNECT, none, "REJ-0"),
                new Row("A3", "already followed up", true, List.of(followedUp), Verdict.DONT_CONNECT, none, "AFTER-6"),
                new Row("A4", "told not to connect", true, List.of(told), Verdict.LET_THEM_INITIATE, none, "TIP-5"),
                new Row("A5", "hesitant", true, List.of(hesitant), Verdict.LET_THEM_INITIATE, none, "AFTER-8"),
                new Row("A6", "too soon", true, List.of(tooSoon), Verdict.WAIT,
                        s -> wait + s.daysUntilInterview(), "AFTER-7"),
                new Row("A7", "connected", true, List.of(accepted), Verdict.FOLLOW_UP, now, "AFTER-1"),
                new Row("A8", "pending or declined", true, List.of(pendingOrDeclined), Verdict.CONNECT, now, "AFTER-5"),
                new Row("A9", "otherwise", true, List.of(), Verdict.CONNECT, now, "AFTER-0"));
    }

    /** The policy with these parameters (read from the loaded rules). */
    public static PolicyTable of(Parameters parameters) {
        return new PolicyTable(parameters);
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Every row, B1-B10 then A1-A9: the priority order. */
    public List<Row> rows() {
        return rows;
    }

    /** The row with this id. */
    public Optional<Row> row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The first row whose conditions hold: the row that decides by the policy. */
    public Row firstMatch(Situation s) {
        return rows.stream().filter(r -> r.matches(s)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the policy has no row for " + s));
    }

    private static Condition bool(String field, boolean wanted, Predicate<Situation> value) {
        return new Condition(field + " is " + wanted, s -> value.test(s) == wanted, s -> field + " is " + value.test(s));
    }

    private static Condition prior(PriorRequest wanted) {
        return new Condition("priorRequest is " + wanted, s -> s.priorRequest() == wanted,
                s -> "priorRequest is " + s.priorRequest());
    }
}
