package dev.connectadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectadvisor.facts.Parameters;
import dev.connectadvisor.internal.engine.Engine;
import dev.connectadvisor.internal.policy.PolicyDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs live in the repository and follow the rules: every link of README.md and docs/
 * resolves inside the repository (anchors included), README.md stays a landing page under
 * 10 KB, and the parts of the docs that are the rules' data (the verdict table, the parameters,
 * the guide items and their texts) are what the rules hold.
 */
class DocsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Engine BUILT_IN = Engine.builtIn();

    @Test
    void everyLink_resolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                String where = ROOT.relativize(page) + " -> " + target;
                if (target.matches("^[a-z]+:.*")) {
                    broken.add(where + " (a link outside the repository)");
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = (file.isEmpty() ? page : page.getParent().resolve(file)).normalize().toAbsolutePath();
                if (!resolved.startsWith(ROOT)) {
                    broken.add(where + " (outside the repository)");
                } else if (!Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadme_isALandingPageUnder10KB() throws IOException {
        assertThat(Files.size(Path.of("README.md"))).isLessThan(10 * 1024);
    }

    @Test
    void thePolicyPage_holdsTheVerdictTableAndTheParameters_asTheRulesHaveThem() throws IOException {
        String page = Files.readString(Path.of("docs/policy.md"));
        Parameters parameters = BUILT_IN.trace(Situation.builder().daysUntilInterview(1).build())
                .first(Parameters.class).orElseThrow();

        assertThat(page).as("docs/policy.md holds PolicyDocs.verdictTable of the built-in rules")
                .contains(PolicyDocs.verdictTable(BUILT_IN.policy()));
        assertThat(page).as("docs/policy.md holds PolicyDocs.parameters of the built-in rules")
                .contains(PolicyDocs.parameters(parameters));
    }

    @Test
    void theGuideItemsPage_holdsEveryItemWithItsText() throws IOException {
        assertThat(Files.readString(Path.of("docs/guide-items.md")))
                .as("docs/guide-items.md holds PolicyDocs.guideItems of the built-in texts")
                .contains(PolicyDocs.guideItems(BUILT_IN.policy().texts()));
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        return pages;
    }

    /** The GitHub anchors of a page's headings. */
    private static List<String> anchors(Path page) throws IOException {
        List<String> anchors = new ArrayList<>();
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
