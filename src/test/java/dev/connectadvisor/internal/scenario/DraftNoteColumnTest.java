package dev.connectadvisor.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.ConnectAdvisor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The {@code draftNote} column: words that must (or must not) stand in the suggested note. */
class DraftNoteColumnTest {
    private static final String FILE = "scenarios/drafts.csv";
    private static final ConnectAdvisor ADVISOR = ConnectAdvisor.fromClasspath();
    private static final String HEADER = "id,daysUntilInterview,interviewerName,company,applicationRejected,verdict,actInDays,reasons,draftNote";

    private static ScenarioTable table(String... rows) {
        return ScenarioTable.parse(FILE, HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    private static Map<String, ScenarioResult> run(ScenarioTable table) {
        return ScenarioRun.of(ScenarioSuite.of(List.of(table)), ADVISOR::advise).results().stream()
                .collect(Collectors.toMap(r -> r.row().id(), Function.identity()));
    }

    @Test
    void wordsAreParsedRegardlessOfCase_andBangMeansMustNotAppear() {
        ScenarioTable table = table("d,2,Dana Whitfield,Acme,,CONNECT,0,TIP-1,Dana  ACME !Whitfield");

        assertThat(table.problems()).isEmpty();
        assertThat(((ExpectedAdvice) table.rows().get(0).expected()).draftNote())
                .isEqualTo(new Presence<>(List.of("dana", "acme"), List.of("whitfield")));
    }

    @Test
    void aTokenThatIsNotAWord_isATableProblem() {
        ScenarioTable table = table("d,2,Dana Whitfield,,,CONNECT,0,TIP-1,\"Dana, !hi!\"");

        assertThat(table.problems()).extracting(ScenarioProblem::toString).containsExactly(
                FILE + ":2: unknown word (letters and digits only) Dana, in draftNote cell \"Dana, !hi!\"",
                FILE + ":2: unknown word (letters and digits only) hi! in draftNote cell \"Dana, !hi!\"");
    }

    @Test
    void theNoteIsMatchedWordByWord_andNoNoteFailsARowThatNamesWords() {
        Map<String, ScenarioResult> results = run(table(
                "before,2,Dana Whitfield,Acme,,CONNECT,0,TIP-1,dana acme interview !Whitfield",
                "part-of-a-word,2,Dana Whitfield,Acme,,CONNECT,0,TIP-1,Dan",
                "unwanted,-4,Dana Whitfield,,true,CONNECT,0,AFTER-0,!feedback",
                "no-note-when-waiting,10,Dana Whitfield,,,WAIT,7,TIP-1,Dana"));

        assertThat(results.get("before").passed()).as(results.get("before").report()).isTrue();
        assertThat(results.get("part-of-a-word").mismatches()).singleElement().asString()
                .startsWith("expected draftNote to contain the words dan, got \"Hi Dana,");
        assertThat(results.get("unwanted").mismatches()).singleElement().asString()
                .startsWith("expected draftNote not to contain the words feedback, got \"");
        assertThat(results.get("no-note-when-waiting").mismatches())
                .containsExactly("expected draftNote to contain the words dana, got no suggested note");
    }
}
