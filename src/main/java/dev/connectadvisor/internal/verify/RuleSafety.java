package dev.connectadvisor.internal.verify;

import dev.connectadvisor.RuleProblem;
import dev.connectadvisor.RulesCompilationException;
import dev.connectadvisor.internal.engine.DecisionTable;
import dev.connectadvisor.internal.engine.RuleFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Refuses rules that reach outside the decision: a rule whose code (its conditions, its
 * consequence) or a DRL function that ends the process ({@code System.exit}, {@code Runtime}),
 * runs programs ({@code ProcessBuilder}), starts threads, does file or network I/O, or uses
 * reflection. Rules are trusted code (only the folder an operator names is ever compiled); this
 * check stops the mistakes that would take the service down or leak from it, before any rule runs:
 * {@code verify}, every reload and {@code serve --rules} run it first.
 *
 * <p>Drools' own DRL parser finds the rules, functions and imports (a decision table is checked
 * through the DRL Drools generates from it, and its problems point at the table's row); the code
 * is then scanned for the forbidden API names, with comments and string literals left out.
 *
 * <pre>{@code
 * List<RuleProblem> problems = RuleSafety.check(RuleFolder.read(Path.of("rules")));
 * // [exit.drl:9:5: rule "Bye" calls System.exit: a rule may not end the process ...]
 * }</pre>
 */
public final class RuleSafety {
    /** Packages whose classes a rule may not name at all. */
    private static final List<String> PACKAGES = List.of("java.io.", "java.nio.file.", "java.nio.channels.", "java.net.",
            "java.lang.reflect.", "java.lang.invoke.", "java.util.concurrent.", "sun.", "jdk.internal.", "com.sun.");

    private enum Kind {
        EXIT("end the process"),
        PROCESS("run other programs"),
        THREAD("start threads"),
        FILE("do file I/O"),
        NETWORK("do network I/O"),
        REFLECTION("use reflection");

        final String what;

        Kind(String what) {
            this.what = what;
        }
    }

    /** Class names (simple) that a rule may not use in any way. */
    private static final Map<String, Kind> CLASSES = Map.ofEntries(
            Map.entry("Runtime", Kind.EXIT),
            Map.entry("ProcessBuilder", Kind.PROCESS), Map.entry("ProcessHandle", Kind.PROCESS),
            Map.entry("Process", Kind.PROCESS),
            Map.entry("Executors", Kind.THREAD), Map.entry("ExecutorService", Kind.THREAD),
            Map.entry("ForkJoinPool", Kind.THREAD), Map.entry("Timer", Kind.THREAD), Map.entry("ThreadFactory", Kind.THREAD),
            Map.entry("CompletableFuture", Kind.THREAD), Map.entry("ThreadPoolExecutor", Kind.THREAD),
            Map.entry("File", Kind.FILE), Map.entry("Files", Kind.FILE), Map.entry("Paths", Kind.FILE),
            Map.entry("Path", Kind.FILE), Map.entry("FileSystems", Kind.FILE), Map.entry("FileSystem", Kind.FILE),
            Map.entry("FileInputStream", Kind.FILE), Map.entry("FileOutputStream", Kind.FILE),
            Map.entry("FileReader", Kind.FILE), Map.entry("FileWriter", Kind.FILE), Map.entry("RandomAccessFile", Kind.FILE),
            Map.entry("FileChannel", Kind.FILE), Map.entry("PrintWriter", Kind.FILE),
            Map.entry("Socket", Kind.NETWORK), Map.entry("ServerSocket", Kind.NETWORK),
            Map.entry("DatagramSocket", Kind.NETWORK), Map.entry("URL", Kind.NETWORK), Map.entry("URLConnection", Kind.NETWORK),
            Map.entry("HttpURLConnection", Kind.NETWORK), Map.entry("HttpClient", Kind.NETWORK),
            Map.entry("InetAddress", Kind.NETWORK), Map.entry("SocketChannel", Kind.NETWORK),
            Map.entry("Method", Kind.REFLECTION), Map.entry("Field", Kind.REFLECTION),
            Map.entry("Constructor", Kind.REFLECTION), Map.entry("MethodHandles", Kind.REFLECTION),
            Map.entry("MethodHandle", Kind.REFLECTION), Map.entry("ClassLoader", Kind.REFLECTION),
            Map.entry("Unsafe", Kind.REFLECTION), Map.entry("Proxy", Kind.REFLECTION));

    /** Members that are forbidden after a given name ({@code System.exit}), as "Owner.member". */
    private static final Map<String, Kind> MEMBERS = Map.ofEntries(
            Map.entry("System.exit", Kind.EXIT), Map.entry("System.load", Kind.EXIT),
            Map.entry("System.loadLibrary", Kind.EXIT), Map.entry("System.setSecurityManager", Kind.EXIT),
            Map.entry("System.console", Kind.FILE), Map.entry("System.setOut", Kind.FILE), Map.entry("System.setErr", Kind.FILE),
            Map.entry("System.setIn", Kind.FILE), Map.entry("System.in", Kind.FILE),
            Map.entry("Thread.ofPlatform", Kind.THREAD), Map.entry("Thread.ofVirtual", Kind.THREAD),
            Map.entry("Thread.startVirtualThread", Kind.THREAD), Map.entry("Thread.Builder", Kind.THREAD),
            Map.entry("Class.forName", Kind.REFLECTION));

    /** Method names that are reflection wherever they are called. */
    private static final Set<String> REFLECTIVE_CALLS = Set.of("forName", "getDeclaredMethod", "getDeclaredMethods",
            "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors", "getMethod",
            "getMethods", "getConstructor", "getConstructors", "setAccessible", "newInstance", "getClassLoader",
            "getContextClassLoader", "defineClass", "parallelStream");

    private RuleSafety() {
    }

    /**
     * The forbidden calls in a folder's rules, each naming the file, the rule (or function, or
     * import) and what it may not do; empty when the rules are safe. A file that Drools cannot
     * parse is left to the compiler, which reports it with its position.
     */
    public static List<RuleProblem> check(RuleFolder folder) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFolder.Source source : folder.rules()) {
            if (DecisionTable.isTable(source.name())) {
                DecisionTable table;
                try {
                    table = DecisionTable.read(source);
                } catch (DecisionTable.TableException unreadable) {
                    continue; // the compiler reports it, located
                }
                check(source.name(), table.drl(), table, problems);
            } else {
                check(source.name(), source.text(), null, problems);
            }
        }
        return problems;
    }

    /**
     * The folder itself, if its rules are safe.
     *
     * @throws RulesCompilationException with every forbidden call, located, otherwise
     */
    public static RuleFolder requireSafe(RuleFolder folder) {
        List<RuleProblem> problems = check(folder);
        if (!problems.isEmpty()) {
            throw new RulesCompilationException(problems);
        }
        return folder;
    }

    private static void check(String file, String drl, DecisionTable table, List<RuleProblem> problems) {
        PackageDescr pkg;
        try {
            DrlParser parser = new DrlParser();
            pkg = parser.parse(false, drl);
            if (pkg == null || parser.hasErrors()) {
                return; // the compiler reports the syntax errors, located
            }
        } catch (DroolsParserException | RuntimeException e) {
            return;
        }
        Source text = new Source(drl);
        for (ImportDescr imported : pkg.getImports()) {
            String target = imported.getTarget();
            Kind kind = forbiddenName(target);
            if (kind != null) {
                problems.add(problem(file, table, null, text.lineOf(imported), imported.getColumn(),
                        "import " + target + ": a rule may not " + kind.what));
            }
        }
        for (FunctionDescr function : pkg.getFunctions()) {
            String body = function.getBody();
            if (body == null) {
                continue;
            }
            int start = drl.indexOf(body, Math.max(0, function.getStartCharacter()));
            scan(body, finding -> problems.add(problem(file, table, null,
                    start < 0 ? function.getLine() : text.line(start + finding.offset()), 0,
                    "function " + function.getName() + " calls " + finding.name() + ": a rule may not " + finding.kind().what)));
        }
        for (RuleDescr rule : pkg.getRules()) {
            String code = text.of(rule);
            int start = rule.getStartCharacter();
            scan(code, finding -> problems.add(problem(file, table, rule.getName(),
                    start < 0 ? rule.getLine() : text.line(start + finding.offset()), 0,
                    "rule \"" + rule.getName() + "\" calls " + finding.name() + ": a rule may not " + finding.kind().what)));
        }
    }

    private static RuleProblem problem(String file, DecisionTable table, String rule, int line, int column, String message) {
        String full = message + " (rules are trusted code, yet these calls are refused: they would reach outside the decision)";
        if (table == null) {
            return new RuleProblem(file, line, Math.max(column, 0), full);
        }
        int row = rule == null ? 0 : table.rowOf(rule).orElse(0);
        return RuleProblem.inTable(file, row, 0, full);
    }

    /** The DRL text and its line starts. */
    private record Source(String text) {
        /** The rule's own text (head, conditions, consequence), or its consequence where the parser gave no span. */
        String of(RuleDescr rule) {
            int start = rule.getStartCharacter();
            int end = rule.getEndCharacter();
            if (start >= 0 && end > start && end <= text.length()) {
                return text.substring(start, Math.min(text.length(), end + 1));
            }
            return String.valueOf(rule.getConsequence());
        }

        int line(int offset) {
            int line = 1;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        int lineOf(BaseDescr descr) {
            return descr.getStartCharacter() >= 0 ? line(descr.getStartCharacter()) : descr.getLine();
        }
    }

    /** One forbidden use: the name as written, what it would do, and where in the scanned text it starts. */
    private record Finding(String name, Kind kind, int offset) {
    }

    private static Kind forbiddenName(String qualified) {
        for (String prefix : PACKAGES) {
            if (qualified.startsWith(prefix)) {
                return kindOfPackage(prefix);
            }
        }
        String[] parts = qualified.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            Kind kind = CLASSES.get(parts[i]);
            if (kind != null && (i == 0 || Character.isLowerCase(parts[i - 1].charAt(0)))) {
                return kind;
            }
            if (i + 1 < parts.length) {
                Kind member = MEMBERS.get(parts[i] + "." + parts[i + 1]);
                if (member != null) {
                    return member;
                }
            }
        }
        return null;
    }

    private static Kind kindOfPackage(String prefix) {
        return switch (prefix) {
            case "java.io.", "java.nio.file.", "java.nio.channels." -> Kind.FILE;
            case "java.net." -> Kind.NETWORK;
            case "java.util.concurrent." -> Kind.THREAD;
            default -> Kind.REFLECTION;
        };
    }

    /**
     * Reports each forbidden use in Java (or MVEL) code: dotted names ({@code java.io.File},
     * {@code System.exit}), {@code new Thread}, and reflective calls, outside comments and strings.
     */
    private static void scan(String code, java.util.function.Consumer<Finding> found) {
        String plain = Lexer.blankCommentsAndStrings(code);
        int i = 0;
        String previousWord = "";
        while (i < plain.length()) {
            char c = plain.charAt(i);
            if (!Character.isJavaIdentifierStart(c)) {
                i++;
                continue;
            }
            // a dotted name: ident ( ws* . ws* ident )*
            int start = i;
            List<String> parts = new ArrayList<>();
            int j = i;
            while (true) {
                int k = j;
                while (k < plain.length() && Character.isJavaIdentifierPart(plain.charAt(k))) {
                    k++;
                }
                parts.add(plain.substring(j, k));
                int m = k;
                while (m < plain.length() && Character.isWhitespace(plain.charAt(m))) {
                    m++;
                }
                if (m < plain.length() && plain.charAt(m) == '.') {
                    int n = m + 1;
                    while (n < plain.length() && Character.isWhitespace(plain.charAt(n))) {
                        n++;
                    }
                    if (n < plain.length() && Character.isJavaIdentifierStart(plain.charAt(n))) {
                        j = n;
                        continue;
                    }
                }
                i = k;
                break;
            }
            String name = String.join(".", parts);
            // a name that starts right after a '.' continues a call chain: x.getClass().getMethod(...)
            boolean afterDot = start > 0 && previousNonSpace(plain, start) == '.';
            Kind kind = afterDot ? null : forbiddenName(name);
            if (kind == null && "new".equals(previousWord) && "Thread".equals(parts.get(0))) {
                kind = Kind.THREAD;
            }
            if (kind == null) {
                for (int p = afterDot ? 0 : 1; p < parts.size(); p++) {
                    if (REFLECTIVE_CALLS.contains(parts.get(p))) {
                        kind = parts.get(p).equals("parallelStream") ? Kind.THREAD : Kind.REFLECTION;
                        break;
                    }
                }
                if (kind == null && afterDot && REFLECTIVE_CALLS.contains(parts.get(0))) {
                    kind = parts.get(0).equals("parallelStream") ? Kind.THREAD : Kind.REFLECTION;
                }
            }
            if (kind != null) {
                found.accept(new Finding(name, kind, start));
            }
            previousWord = parts.size() == 1 ? parts.get(0) : "";
        }
    }

    private static char previousNonSpace(String text, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    /** Java's lexical layers that hide code: comments, string, text-block and char literals. */
    static final class Lexer {
        private Lexer() {
        }

        /** The text with comments and literals replaced by spaces (newlines kept), so offsets stay. */
        static String blankCommentsAndStrings(String code) {
            StringBuilder out = new StringBuilder(code);
            int i = 0;
            int n = code.length();
            while (i < n) {
                char c = code.charAt(i);
                if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                    int end = code.indexOf('\n', i);
                    i = blank(out, i, end < 0 ? n : end);
                } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                    int end = code.indexOf("*/", i + 2);
                    i = blank(out, i, end < 0 ? n : end + 2);
                } else if (c == '"' && code.startsWith("\"\"\"", i)) {
                    int end = code.indexOf("\"\"\"", i + 3);
                    i = blank(out, i, end < 0 ? n : end + 3);
                } else if (c == '"' || c == '\'') {
                    int j = i + 1;
                    while (j < n && code.charAt(j) != c && code.charAt(j) != '\n') {
                        j += code.charAt(j) == '\\' ? 2 : 1;
                    }
                    i = blank(out, i, Math.min(n, j + 1));
                } else {
                    i++;
                }
            }
            return out.toString();
        }

        private static int blank(StringBuilder out, int from, int to) {
            for (int i = from; i < to; i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
            return to;
        }
    }
}
