package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.internal.verify.RulesCopy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code verify --junit-xml}, {@code --scenario} and {@code --mutations} on copies of rules/: the
 * XML is valid against the common JUnit schema (the Ant JUnit task's, src/test/resources/junit),
 * and the shipped scenario tables notice the removal of every rule and table row.
 */
class VerifyReportsCommandTest {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) rules, (\\d+) scenarios: (\\d+) passed, (\\d+) failed$");

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run verify(Path rules, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("verify", "--rules", rules.toString()));
        args.addAll(List.of(more));
        int exit = Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Validates against the JUnit schema, then parses. */
    private static Document valid(Path xml) throws Exception {
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        javax.xml.validation.Validator validator = schemas
                .newSchema(VerifyReportsCommandTest.class.getResource("/junit/JUnit.xsd")).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(xml.toFile())); // throws SAXException naming line and column
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }

    private static List<Element> testcases(Document xml, String classname) {
        List<Element> found = new ArrayList<>();
        NodeList all = xml.getElementsByTagName("testcase");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (classname == null || e.getAttribute("classname").equals(classname)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element testcase(Document xml, String classname, String name) {
        return testcases(xml, classname).stream().filter(e -> e.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no testcase " + classname + " / " + name));
    }

    private static Element child(Element testcase, String tag) {
        NodeList children = testcase.getElementsByTagName(tag);
        return children.getLength() == 0 ? null : (Element) children.item(0);
    }

    @Test
    void shippedRules_everyMutationIsNoticed_andTheXmlIsValid() throws Exception {
        Path xml = tmp.resolve("reports/verify.xml");

        Run run = verify(RulesCopy.of(tmp).dir(), "--mutations", "--junit-xml", xml.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Matcher summary = SUMMARY.matcher(run.out());
        assertThat(summary.find()).as(run.out()).isTrue();
        int rules = Integer.parseInt(summary.group(1));
        int rows = Integer.parseInt(summary.group(2));
        assertThat(run.out()).contains("mutations: " + rules + " rules and table rows removed in turn over " + rows
                + " scenario rows: " + rules + " noticed, 0 survived").doesNotContain("mutation: no scenario row");

        Document doc = valid(xml);
        assertThat(testcases(doc, null)).hasSize(rows + rules + 5); // compile, metadata, tables, coverage, mutations
        assertThat(testcases(doc, null)).noneMatch(t -> child(t, "failure") != null || child(t, "skipped") != null);
        assertThat(testcase(doc, "scenarios/verdict-before.csv", "B9-8d-con8-reason")).isNotNull();
        assertThat(testcase(doc, "verdict-reasons.drl", "B9 More than a week ahead: they may forget you")).isNotNull();
        assertThat(testcase(doc, "verdict-policy.drl.csv", "B6 You have a referral: do not go over their head (row 18)"))
                .isNotNull();
        for (String check : List.of("compile", "metadata", "scenario tables", "coverage", "mutations")) {
            assertThat(testcase(doc, "verify", check)).isNotNull();
        }
    }

    @Test
    void rowsTakenOut_leaveSurvivors_namedWithTheirFile_andAFailingRowSaysExpectedGotAndFired() throws Exception {
        RulesCopy copy = RulesCopy.of(tmp)
                .deleteLine("scenarios/verdict-before.csv", "B9-8d-con8-reason,")
                .deleteLine("scenarios/draft-notes.csv", "D-before-connect,")
                .replace("scenarios/verdict-before.csv", "B10-connect-2d,2 days ahead: connect now,2,,,,,,,,CONNECT,0,TIP-1",
                        "B10-connect-2d,2 days ahead: connect now,2,,,,,,,,WAIT,1,TIP-1");
        Path xml = tmp.resolve("verify.xml");

        Run run = verify(copy.dir(), "--mutations", "--junit-xml", xml.toString());

        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out())
                .contains("mutation: no scenario row notices when \"B9 More than a week ahead: they may forget you\""
                        + " (verdict-reasons.drl) is removed")
                .contains("mutation: no scenario row notices when \"Draft before the interview: short, personal,"
                        + " looking forward to meeting\" (draft-notes.drl) is removed")
                .contains("noticed, 2 survived")
                .contains("FAILED: 1 failing scenario row, 2 surviving mutations");

        Document doc = valid(xml);
        Element row = child(testcase(doc, "scenarios/verdict-before.csv", "B10-connect-2d"), "failure");
        assertThat(row.getAttribute("message")).contains("expected verdict WAIT, got CONNECT", "expected actInDays 1, got 0",
                "fired: [", "B10 Within the window: connect now");
        assertThat(row.getTextContent()).contains("scenarios/verdict-before.csv:", "got: verdict CONNECT, actInDays 0");
        Element survivor = child(testcase(doc, "verdict-reasons.drl", "B9 More than a week ahead: they may forget you"),
                "failure");
        assertThat(survivor.getAttribute("message")).contains("no scenario row notices");
        assertThat(child(testcase(doc, "verify", "mutations"), "failure").getAttribute("message")).contains("2 survived");
        assertThat(child(testcase(doc, "risks.drl", "Risk: more than a week ahead, they may forget you"), "failure")).isNull();
    }

    @Test
    void scenarioFlag_runsOnlyThoseRows_andSkipsCoverage() throws Exception {
        Path xml = tmp.resolve("chosen.xml");

        Run run = verify(RulesCopy.of(tmp).dir(), "--scenario", "B9-8d-con8-reason", "--scenario", "D-after-rejected",
                "--junit-xml", xml.toString());

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\d+ rules, 2 scenarios: 2 passed, 0 failed$").doesNotContain("coverage:");
        Document doc = valid(xml);
        assertThat(testcases(doc, null).stream().filter(t -> t.getAttribute("classname").startsWith("scenarios/"))
                .map(t -> t.getAttribute("name"))).containsExactly("D-after-rejected", "B9-8d-con8-reason");
        assertThat(child(testcase(doc, "verify", "coverage"), "skipped")).isNotNull();
    }

    @Test
    void unknownScenarioId_isAUsageError_namingTheFlagAndTheId() {
        Run run = verify(RulesCopy.RULES, "--scenario", "B9-8d-con8-reason", "--scenario", "NO-SUCH-ROW");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--scenario", "NO-SUCH-ROW").doesNotContain("B9-8d-con8-reason");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aReportThatCannotBeWritten_exits2_sayingWhy() throws Exception {
        Path file = java.nio.file.Files.writeString(tmp.resolve("a-file"), "");

        Run run = verify(RulesCopy.RULES, "--scenario", "B9-8d-con8-reason", "--junit-xml", file.resolve("verify.xml").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("connect-advisor: cannot write --junit-xml " + file.resolve("verify.xml")
                + ": a file stands where a folder should be: " + file);
    }

    @Test
    void rulesThatDoNotCompile_exit3_withAFailingCompileTestcase() throws Exception {
        RulesCopy copy = RulesCopy.of(tmp).replace("tips.drl", "Situation(!profileUpToDate)", "Situation(!profileIsCurrent)");
        Path xml = tmp.resolve("broken.xml");

        Run run = verify(copy.dir(), "--junit-xml", xml.toString());

        assertThat(run.exit()).isEqualTo(3);
        Element compile = child(testcase(valid(xml), "verify", "compile"), "failure");
        assertThat(compile.getAttribute("message")).isEqualTo("1 compile problem");
        assertThat(compile.getTextContent()).contains("tips.drl:", "profileIsCurrent");
    }
}
