package dev.connectadvisor.internal.engine;

import dev.connectadvisor.RuleInfo;
import dev.connectadvisor.RuleProblem;
import dev.connectadvisor.RulesCompilationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.UUID;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import dev.connectadvisor.internal.policy.Companion;
import dev.connectadvisor.internal.policy.PolicyModel;
import java.util.regex.Matcher;

/**
 * Compiles a {@link RuleFolder} into a KieBase at run time, without kmodule.xml (so without
 * xstream). Each build gets a fresh ReleaseId and is removed from the global KieRepository
 * afterwards, so builds neither share packages nor pile up in memory.
 */
public final class RuleCompiler {
    private static final String RESOURCES = "src/main/resources/";

    private RuleCompiler() {
    }

    /**
     * The folder's rules and their companion (generated from the verdict table and the texts),
     * each compiled now.
     *
     * @throws RulesCompilationException with every problem, located, if either does not compile
     *     or a rule cites an item without text
     */
    public static RuleBase compile(RuleFolder folder) {
        return compile(folder, List.of());
    }

    /**
     * As {@link #compile(RuleFolder)}, with KieBase options for the rules, e.g. {@code
     * ConstraintJittingThresholdOption.get(0)} to JIT-compile every constraint from its first
     * evaluation (the concurrency tests run both ways).
     *
     * @throws RulesCompilationException with every problem, located
     * @throws IllegalStateException if the optional modules that compile rules are missing
     */
    public static RuleBase compile(RuleFolder folder, List<? extends KieBaseOption> options) {
        OptionalModules.RULE_COMPILER.require();
        Companion.Generated generated = Companion.generate(folder);
        List<RuleProblem> problems = new ArrayList<>(generated.problems());
        KieBase rules = null;
        try {
            rules = compileRules(folder, options);
        } catch (RulesCompilationException e) {
            problems.addAll(0, e.problems());
        }
        if (!problems.isEmpty()) {
            throw new RulesCompilationException(problems);
        }
        KieBase companion = companion(generated.drl(), folder);
        PolicyModel policy = PolicyModel.of(companion);
        List<RuleProblem> untexted = new ArrayList<>();
        for (RuleInfo rule : describe(rules)) {
            for (String item : rule.items()) {
                if (dev.connectadvisor.GuideItem.byId(item).isPresent() && !policy.hasText(item)) {
                    untexted.add(new RuleProblem(Companion.TEXTS, 0, 0, "no text for " + item + ", which rule \""
                            + rule.name() + "\" cites: add a row " + item + ",,<text>"));
                }
            }
        }
        List<String> needed = new ArrayList<>();
        for (dev.connectadvisor.NoteCode code : dev.connectadvisor.NoteCode.values()) {
            needed.add(code.name());
        }
        needed.addAll(Companion.MESSAGES);
        for (String id : needed) {
            if (!policy.hasText(id)) {
                untexted.add(new RuleProblem(Companion.TEXTS, 0, 0, "no text for " + id + ": add a row " + id + ",,<text>"));
            }
        }
        if (!untexted.isEmpty()) {
            throw new RulesCompilationException(untexted.stream().distinct().toList());
        }
        return new RuleBase(rules, () -> companion, policy, folder.version());
    }

    private static KieBase compileRules(RuleFolder folder, List<? extends KieBaseOption> options) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("dev.connectadvisor.rules", "rules-" + UUID.randomUUID(), "1.0.0");
        files.generateAndWritePomXML(releaseId);
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, DecisionTable> tables = new HashMap<>();
        for (RuleFolder.Source source : folder.rules()) {
            if (DecisionTable.isTable(source.name())) {
                try {
                    tables.put(source.name(), DecisionTable.read(source));
                } catch (DecisionTable.TableException unreadable) {
                    // Drools would throw on this file: report it, and build the rest for their problems.
                    problems.add(unreadable.problem());
                    continue;
                }
            }
            files.write(RESOURCES + source.name(), source.content());
        }
        Map<String, String> drl = new HashMap<>();
        for (RuleFolder.Source source : folder.rules()) {
            if (!DecisionTable.isTable(source.name())) {
                drl.put(source.name(), source.text());
            }
        }
        return build(services, files, releaseId, problems, message -> problem(message, tables, drl), options);
    }

    /**
     * The companion DRL compiled into a KieBase of its own. It is generated from cells that
     * compiled in the rules, so a problem here is unusual; one is mapped back to the verdict
     * table's cell through the generated rule's name ({@code cell D21}).
     */
    private static KieBase companion(String drl, RuleFolder folder) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("dev.connectadvisor.rules", "companion-" + UUID.randomUUID(), "1.0.0");
        files.generateAndWritePomXML(releaseId);
        files.write(RESOURCES + Companion.BUILT_IN_PATH, drl);
        String table = tables(folder).keySet().stream().findFirst().orElse("(rules)");
        return build(services, files, releaseId, new ArrayList<>(), message -> {
            Matcher cell = GENERATED_CELL.matcher(message.getText());
            String text = "the verdict table's diagnostics do not compile: " + clean(message.getText());
            return cell.find() ? RuleProblem.inTable(table, Integer.parseInt(cell.group(2)),
                    DecisionTable.column(cell.group(1)), text) : new RuleProblem(table, 0, 0, text);
        }, List.of());
    }

    private static final java.util.regex.Pattern GENERATED_CELL =
            java.util.regex.Pattern.compile("Rule name='(?:cell |row )([A-Z]*)(\\d+)'");

    private static KieBase build(KieServices services, KieFileSystem files, ReleaseId releaseId, List<RuleProblem> problems,
            java.util.function.Function<Message, RuleProblem> locate, List<? extends KieBaseOption> options) {
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        Set<String> filesWithErrors = new HashSet<>();
        for (Message error : errors) {
            RuleProblem problem = locate.apply(error);
            if (!(problem.message().contains("Parser returned a null Package") && filesWithErrors.contains(problem.file()))) {
                problems.add(problem);
            }
            filesWithErrors.add(problem.file());
        }
        if (!problems.isEmpty()) {
            throw new RulesCompilationException(problems);
        }
        try {
            KieContainer container = services.newKieContainer(releaseId);
            if (options.isEmpty()) {
                return container.getKieBase();
            }
            KieBaseConfiguration configuration = services.newKieBaseConfiguration();
            options.forEach(configuration::setOption);
            return container.newKieBase(configuration);
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    /** The decision tables of a folder, readable ones only, by file name. */
    public static Map<String, DecisionTable> tables(RuleFolder folder) {
        Map<String, DecisionTable> tables = new LinkedHashMap<>();
        for (RuleFolder.Source source : folder.rules()) {
            if (DecisionTable.isTable(source.name())) {
                try {
                    tables.put(source.name(), DecisionTable.read(source));
                } catch (DecisionTable.TableException unreadable) {
                    // left out: compile() reports it
                }
            }
        }
        return tables;
    }

    /** A Drools message located in the author's file: a table's cell, or a DRL file's faulty line ({@link ProblemLines}). */
    private static RuleProblem problem(Message message, Map<String, DecisionTable> tables, Map<String, String> drl) {
        String path = message.getPath() == null ? "(rules)" : message.getPath();
        if (path.startsWith(RESOURCES)) {
            path = path.substring(RESOURCES.length());
        }
        String text = clean(message.getText());
        DecisionTable table = tables.get(path);
        if (table != null) {
            return table.locate(Math.max(0, message.getLine()), text);
        }
        ProblemLines.Position at = ProblemLines.locate(drl.get(path), Math.max(0, message.getLine()),
                Math.max(0, message.getColumn()), message.getText());
        return new RuleProblem(path, at.line(), at.column(), text);
    }

    /** The message on one line: without Drools' caret lines, which point into text the author does not see. */
    private static String clean(String text) {
        return text.lines().filter(line -> !line.isBlank() && !line.strip().equals("^"))
                .map(String::strip).collect(Collectors.joining(" ")).replaceAll(":$", "");
    }

    /** Every rule of the base with its {@code @item} and {@code @row} metadata, sorted by name. */
    public static List<RuleInfo> describe(KieBase base) {
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Object items = rule.getMetaData().get("item");
                Object row = rule.getMetaData().get("row");
                rules.add(new RuleInfo(rule.getName(),
                        items == null ? List.of() : Arrays.asList(items.toString().trim().split("[\\s,]+")),
                        row == null ? null : row.toString()));
            }
        }
        rules.sort(Comparator.comparing(RuleInfo::name));
        return rules;
    }
}
