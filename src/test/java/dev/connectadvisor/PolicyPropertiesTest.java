package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.json.AdviceJson;
import dev.connectadvisor.reference.ReferencePolicy;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Properties of the advice for any valid situation (issue 6, item 3), over the contract's whole
 * ranges (days -365..365, follow-ups 0..100, any note), checked by jqwik with random situations.
 */
class PolicyPropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath();
    private static final Map<String, RuleInfo> RULES =
            ADVISOR.rules().stream().collect(Collectors.toMap(RuleInfo::name, Function.identity()));
    private static final Set<Verdict> SENDING = Set.of(Verdict.CONNECT, Verdict.FOLLOW_UP);
    private static final AtomicLong SITUATIONS = new AtomicLong();

    @AfterContainer
    static void report() {
        System.out.printf("RELIABILITY properties: 7 properties, %d random situations generated and checked%n", SITUATIONS.get());
    }

    @Property
    void exactlyOneVerdictRuleFires_andTheDecisiveItemLeadsTheReasons(@ForAll("situations") Situation situation) {
        Advice advice = ADVISOR.advise(situation);

        long verdictRules = advice.firedRules().stream().filter(name -> RULES.get(name).row() != null).count();
        assertThat(advice.verdict()).isNotNull();
        assertThat(verdictRules).as("verdict rules fired").isEqualTo(1);
        assertThat(advice.reasons()).isNotEmpty();
        assertThat(advice.decisiveItem()).isEqualTo(ReferencePolicy.decide(resolved(situation)).decisiveItem());
    }

    @Property
    void theRulesAgreeWithTheReference_overTheContractsWholeRanges(@ForAll("situations") Situation situation) {
        Advice advice = ADVISOR.advise(situation);
        ReferencePolicy.Answer expected = ReferencePolicy.decide(resolved(situation));

        AdviceAssert.assertThat(advice).hasVerdict(expected.verdict()).actsIn(expected.actInDays())
                .isDecidedBy(expected.decisiveItem());
    }

    @Property
    void theSameInput_givesTheSameAdvice_byteForByte(@ForAll("situations") Situation situation) {
        Advice first = ADVISOR.advise(situation);
        Advice second = ADVISOR.advise(situation);

        assertThat(second).isEqualTo(first);
        assertThat(AdviceJson.toJson(second, situation)).isEqualTo(AdviceJson.toJson(first, situation));
    }

    @Property
    void beforeTheInterview_toldNotToConnect_alwaysGivesDontConnect(@ForAll("situations") Situation any) {
        Situation situation = any.toBuilder().interviewDate(null).today(null).daysUntilInterview(Math.abs(resolved(any).daysUntilInterview()))
                .applicationRejected(false).followUpsSent(0).toldNotToConnect(true).build();

        AdviceAssert.assertThat(ADVISOR.advise(situation)).hasVerdict(Verdict.DONT_CONNECT).isDecidedBy(
                situation.directInterviewer() ? "TIP-5" : "TIP-7");
    }

    @Property
    void actInDays_matchesTheVerdict_aWaitIsAtLeastOneDay(@ForAll("situations") Situation situation) {
        Advice advice = ADVISOR.advise(situation);

        switch (advice.verdict()) {
            case CONNECT, FOLLOW_UP -> assertThat(advice.actInDays()).isZero();
            case WAIT -> assertThat(advice.actInDays()).isGreaterThanOrEqualTo(1);
            case LET_THEM_INITIATE, DONT_CONNECT -> assertThat(advice.actInDays()).isNull();
        }
        assertThat(advice.phase()).isEqualTo(Phase.of(resolved(situation).daysUntilInterview()));
    }

    @Property
    void aWaitOfNDays_isFollowedNDaysLater_byConnectOrFollowUp(@ForAll("situations") Situation situation) {
        Advice advice = ADVISOR.advise(situation);
        int d = resolved(situation).daysUntilInterview();
        if (advice.verdict() != Verdict.WAIT || d - advice.actInDays() < -Situation.MAX_DAYS) {
            return;
        }

        Situation later = situation.toBuilder().interviewDate(null).today(null)
                .daysUntilInterview(d - advice.actInDays()).build();

        assertThat(ADVISOR.advise(later).verdict()).as("%d days later", advice.actInDays()).isIn(SENDING);
    }

    @Property
    void risksAppearOnlyBeforeTheInterview(@ForAll("situations") Situation situation) {
        Advice advice = ADVISOR.advise(situation);

        if (advice.phase() == Phase.AFTER) {
            assertThat(advice.risks()).isEmpty();
        }
    }

    /** Any valid situation: days as a number or as dates, any facts the phase allows, maybe a name and a note. */
    @Provide
    Arbitrary<Situation> situations() {
        Arbitrary<Integer> days = Arbitraries.oneOf(Arbitraries.integers().between(-Situation.MAX_DAYS, Situation.MAX_DAYS),
                Arbitraries.integers().between(-10, 10));
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<Tuple.Tuple7<Boolean, Boolean, Boolean, Boolean, Boolean, Boolean, Boolean>> flags =
                Combinators.combine(flag, flag, flag, flag, flag, flag, flag).as(Tuple::of);
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("Sarah Lee", "José Núñez", "Li"),
                Arbitraries.strings().ofMaxLength(Situation.MAX_NAME_CHARS));
        Arbitrary<String> note = Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.of("Hi Sarah, thank you for the interview!", "I'd like to add you to my professional network.",
                        "Looking forward to our talk, Sara.", ""),
                Arbitraries.strings().ofMaxLength(600));
        return Combinators.combine(days, flags, Arbitraries.of(PriorRequest.class), Arbitraries.integers().between(0, 100),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 3)), name, note, flag)
                .as((d, f, prior, followUps, fewFollowUps, interviewer, draft, asDates) -> {
                    boolean after = d < 0;
                    Situation.Builder b = Situation.builder()
                            .directInterviewer(f.get1()).existingRelationship(f.get2()).hasReferral(f.get3())
                            .toldNotToConnect(f.get4()).profileUpToDate(f.get5()).interviewerSeemedHesitant(f.get6())
                            .applicationRejected(after && f.get7()).priorRequest(prior)
                            .followUpsSent(after ? (followUps % 2 == 0 ? fewFollowUps : followUps) : 0)
                            .interviewerName(interviewer).note(draft);
                    SITUATIONS.incrementAndGet();
                    return (asDates ? b.interviewDate(TODAY.plusDays(d)).today(TODAY) : b.daysUntilInterview(d)).build();
                });
    }

    private static Situation resolved(Situation situation) {
        return situation.resolve(TODAY);
    }
}
