// The logback application: the documented snippet, its documented output, no SLF4J warning, the
// application's own INFO line, the application's Jackson, and no class in two jars of its classpath.
import java.util.zip.ZipFile

def log = new File(basedir, 'target/run.log').getText('UTF-8')
def docs = new File(docsDir, 'java.md').getText('UTF-8')
def app = new File(basedir, 'src/main/java/example/App.java').getText('UTF-8')

def snippet = (app =~ /(?s)\/\/ snippet start\n(.*?)\n\s*\/\/ snippet end/)[0][1]
        .readLines().collect { it.strip() }.join('\n')
def docLines = docs.readLines().collect { it.strip() }.join('\n')
assert docLines.contains(snippet) : "docs/java.md does not show the snippet the consumer test runs:\n" + snippet

def documented = (docs =~ /(?s)It prints:\s*```text\n(.*?)\n```/)[0][1].strip()
assert log.readLines().contains(documented) : "the snippet did not print the documented line '" + documented + "':\n" + log
assert log.contains('APP INFO example.App - consumer app started') : "the application's INFO line is missing:\n" + log
assert !log.contains('SLF4J') : "SLF4J warned:\n" + log
assert log.contains('jackson 2.17.2 {"verdict":"WAIT"}') : "the application's Jackson 2.17.2 is not the one used:\n" + log

def jars = new File(basedir, 'target/classpath.txt').text.trim().split(File.pathSeparator) as List
def owners = [:].withDefault { [] }
jars.each { path ->
    new ZipFile(path).withCloseable { zip ->
        zip.entries().each { e ->
            def n = e.name
            if (n.endsWith('.class') && !n.endsWith('module-info.class') && !n.startsWith('META-INF/versions/')) {
                owners[n] << new File(path).name
            }
        }
    }
}
def twice = owners.findAll { k, v -> v.size() > 1 }
assert twice.isEmpty() : "classes in two jars: " + twice.take(10)
assert jars.any { it.endsWith('jackson-databind-2.17.2.jar') } : "the pin was overridden: " + jars
println "logback-app: ${jars.size()} jars, ${owners.size()} classes, none twice; the snippet printed '${documented}'"
return true
