package dev.connectadvisor.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.Advice;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.Explanation;
import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import dev.connectadvisor.Verdict;
import dev.connectadvisor.internal.cli.Main;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdict table is the policy: a rule author edits only {@code verdict-policy.drl.csv} (two
 * rows swapped, a row added, a row deleted, a cell changed), and every tool follows the edit with
 * no Java change. {@code verify --exhaustive} finds the table and the rules in agreement (no gap,
 * no double verdict, the deciding row is the table's first matching row, its decisive item is in
 * the reasons); {@code --explain} explains the new order; the answers are the new ones; and the
 * scenario rows that fail are those that still assert the old policy.
 */
class TableIsThePolicyTest {
    private static final String TABLE = "verdict-policy.drl.csv";
    /** The exhaustive walk over the days -10..10 and no note: every verdict row, in a sixth of the time. */
    private static final Verifier.Options EXHAUSTIVE = new Verifier.Options(true, null).walking(
            dev.connectadvisor.internal.situation.SituationFields.ALL.stream().map(f -> switch (f.name()) {
                case "daysUntilInterview" -> f.walking(java.util.stream.IntStream.rangeClosed(-10, 10).boxed().toList());
                case "interviewerName", "note" -> f.walking(java.util.Collections.singletonList(null));
                default -> f;
            }).toList());
    /** The exhaustive findings that would mean the tools disagree with the table. */
    private static final List<String> DISAGREEMENTS = List.of("GAP", "DOUBLE VERDICT", "ROW DIFFERS",
            "DECISIVE ITEM MISSING", "NO TABLE ROW", "RULES FAILED");

    @TempDir
    Path tmp;

    @Test
    void twoRowsSwapped_declinedAndReferral() {
        RulesCopy copy = RulesCopy.of(tmp);
        String b5 = line(copy, "B5 They declined your request");
        String b6 = line(copy, "B6 You have a referral");
        copy.replace(TABLE, b5 + "\n" + b6 + "\n", b6 + "\n" + b5 + "\n");
        Situation both = Situation.builder().daysUntilInterview(10).priorRequest(PriorRequest.DECLINED).hasReferral(true)
                .build();

        VerifyReport report = verifiedWithoutDisagreement(copy);
        Explanation why = ConnectAdvisor.fromDirectory(copy.dir()).explain(both);

        assertThat(why.decidingRow()).isEqualTo("B6");
        assertThat(why.advice().decisiveItem()).isEqualTo("TIP-6");
        assertThat(why.rowsAbove()).extracting(Explanation.Row::id).containsExactly("B1", "B2", "B3", "B4");
        assertThat(explainedByCli(copy, "--days-until-interview", "10", "--prior-request", "DECLINED", "--referral"))
                .contains("Decided by B6 You have a referral").doesNotContain("B5 They declined your request: priorRequest");
        // only rows that assert B5 over a referral still expect the old order
        assertThat(report.failedScenarios()).isNotEmpty().allSatisfy(id -> assertThat(id).containsAnyOf("B5", "B6"));
    }

    @Test
    void rowAdded_withANewConditionVerdictAndDecisiveItem() {
        RulesCopy copy = RulesCopy.of(tmp);
        // a new condition column (existingRelationship) and, above B9, a row that uses it: far ahead,
        // but they know you already, so a request now is no surprise
        editTable(copy, cells -> {
            List<List<String>> out = new java.util.ArrayList<>();
            for (List<String> row : cells) {
                List<String> edited = new java.util.ArrayList<>(row);
                if (edited.size() > 10 && !edited.get(0).startsWith("RuleTable")) {
                    String kind = edited.get(1);
                    edited.add(10, switch (kind) {
                        case "CONDITION" -> "CONDITION";
                        default -> "";
                    });
                    if (row.get(0).isEmpty() && kind.startsWith("Parameters")) {
                        edited.set(10, "Situation");
                    } else if (row.get(0).isEmpty() && kind.startsWith("$d : ")) {
                        edited.set(10, "existingRelationship == $param");
                    } else if (row.get(0).equals("rule")) {
                        edited.set(10, "existingRelationship");
                    }
                }
                if (!edited.isEmpty() && edited.get(0).startsWith("B9 ")) {
                    out.add(List.of("B11 You know them already: connect now", "$d >= 0", "daysUntilInterview > $window",
                            "", "", "", "", "", "", "", "true", "CONNECT", "0",
                            "\"You already know them: a request now is no surprise.\"", "B11", "PRO-5", "verdict"));
                }
                out.add(edited);
            }
            return out;
        });
        Situation knownFarAhead = Situation.builder().daysUntilInterview(10).existingRelationship(true).build();

        VerifyReport report = verifiedWithoutDisagreement(copy);
        ConnectAdvisor advisor = ConnectAdvisor.fromDirectory(copy.dir());
        Advice advice = advisor.advise(knownFarAhead);
        Explanation why = advisor.explain(knownFarAhead);

        assertThat(advice.verdict()).isEqualTo(Verdict.CONNECT);
        assertThat(advice.decisiveItem()).isEqualTo("PRO-5");
        assertThat(why.decidingRow()).isEqualTo("B11");
        assertThat(why.deciding().held()).contains("existingRelationship: true (existingRelationship is true)");
        assertThat(why.table().columns()).contains("existingRelationship");
        assertThat(advisor.advise(Situation.builder().daysUntilInterview(10).build()).verdict()).isEqualTo(Verdict.WAIT);
        assertThat(explainedByCli(copy, "--days-until-interview", "10", "--existing-relationship"))
                .contains("Decided by B11 You know them already: connect now");
        assertThat(report.failedScenarios()).isNotEmpty();
    }

    @Test
    void rowDeleted_referral() {
        RulesCopy copy = RulesCopy.of(tmp).deleteLine(TABLE, "B6 You have a referral");
        Situation referral = Situation.builder().daysUntilInterview(2).hasReferral(true).build();

        VerifyReport report = verifiedWithoutDisagreement(copy, "texts.csv has a text for TIP-6, which no rule cites");
        ConnectAdvisor advisor = ConnectAdvisor.fromDirectory(copy.dir());
        Explanation why = advisor.explain(referral);

        assertThat(advisor.advise(referral).verdict()).isEqualTo(Verdict.CONNECT);
        assertThat(why.decidingRow()).isEqualTo("B10");
        assertThat(why.rowsAbove()).extracting(Explanation.Row::id)
                .containsExactly("B1", "B2", "B3", "B4", "B5", "B7", "B8", "B9");
        assertThat(why.table().rows()).extracting(Explanation.Row::id).doesNotContain("B6");
        assertThat(report.exhaustiveFindings()).contains(
                "DEAD: \"Referral: connecting after the interview is fine\" (follow-up.drl)");
        assertThat(report.failedScenarios()).isNotEmpty();
    }

    @Test
    void conditionCellChanged_followUpsBeforeDontConnect() {
        RulesCopy copy = RulesCopy.of(tmp);
        String a3 = line(copy, "A3 Already followed up");
        copy.replace(TABLE, a3, a3.replace(",$d < 0,,,,,,,,1,", ",$d < 0,,,,,,,,2,"));
        Situation once = Situation.builder().daysUntilInterview(-5).followUpsSent(1).build();

        VerifyReport report = verifiedWithoutDisagreement(copy);
        ConnectAdvisor advisor = ConnectAdvisor.fromDirectory(copy.dir());
        Explanation why = advisor.explain(once);

        assertThat(advisor.advise(once).verdict()).isEqualTo(Verdict.CONNECT);
        assertThat(why.decidingRow()).isEqualTo("A9");
        assertThat(why.rowsAbove()).filteredOn(r -> r.id().equals("A3")).singleElement()
                .satisfies(r -> assertThat(r.notHeld()).containsExactly("followUpsSent: 2 (followUpsSent is 1)"));
        assertThat(advisor.advise(Situation.builder().daysUntilInterview(-5).followUpsSent(2).build()).verdict())
                .isEqualTo(Verdict.DONT_CONNECT);
        assertThat(report.failedScenarios()).isNotEmpty();
    }

    private static VerifyReport verifiedWithoutDisagreement(RulesCopy copy, String... metadataProblems) {
        VerifyReport report = Verifier.verify(RuleFolder.read(copy.dir()), EXHAUSTIVE);
        assertThat(report.compileProblems()).isEmpty();
        assertThat(report.metadataProblems()).containsExactly(metadataProblems);
        assertThat(report.exhaustiveFindings()).as(String.join("\n", report.lines()))
                .noneMatch(f -> DISAGREEMENTS.stream().anyMatch(kind -> f.startsWith(kind + ":")));
        return report;
    }

    /** Rewrites the verdict table's cells (read and written as CSV, quoting where needed). */
    private static void editTable(RulesCopy copy, java.util.function.UnaryOperator<List<List<String>>> edit) {
        Path file = copy.dir().resolve(TABLE);
        try {
            List<List<String>> cells = dev.connectadvisor.internal.engine.CsvFile.parse(java.nio.file.Files.readString(file))
                    .records().stream().map(dev.connectadvisor.internal.engine.CsvFile.Record::cells).toList();
            StringBuilder csv = new StringBuilder();
            for (List<String> row : edit.apply(cells)) {
                csv.append(String.join(",", row.stream().map(c -> c.contains(",") || c.contains("\"")
                        ? "\"" + c.replace("\"", "\"\"") + "\"" : c).toList())).append('\n');
            }
            java.nio.file.Files.writeString(file, csv.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String line(RulesCopy copy, String prefix) {
        try {
            return java.nio.file.Files.readAllLines(copy.dir().resolve(TABLE)).stream().filter(l -> l.startsWith(prefix))
                    .findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The readable advice with its explanation, from {@code advise --rules DIR --explain}. */
    private static String explainedByCli(RulesCopy copy, String... flags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("advise", "--rules", copy.dir().toString(), "--explain"),
                java.util.stream.Stream.of(flags)).toArray(String[]::new);
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
