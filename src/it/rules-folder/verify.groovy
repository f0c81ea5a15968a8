// fromDirectory without the optional compile modules (a clear message naming them) and with them (advice);
// and the sizes: the library's jar under 1 MB, the core path's whole classpath at most 20 MB.
def without = new File(basedir, 'target/without.log').getText('UTF-8')
def with = new File(basedir, 'target/with.log').getText('UTF-8')

assert without.contains('built-in: WAIT, explained in') : "the core path failed without the compile modules:\n" + without
assert without.contains('folder: compiling rules at run time (ConnectAdvisor.fromDirectory) needs org.drools:drools-compiler, '
        + 'org.drools:drools-mvel, org.drools:drools-decisiontables, com.fasterxml.jackson.dataformat:jackson-dataformat-csv') :
        "no clear message without the compile modules:\n" + without
assert !without.contains('NoClassDefFoundError') && !without.contains('Exception in thread') : without
assert with.contains('folder: WAIT, act in 7 days') : "the folder did not compile with the modules:\n" + with

def jars = new File(basedir, 'target/classpath.txt').text.trim().split(File.pathSeparator).collect { new File(it) }
def library = jars.find { it.name ==~ /connect-advisor-[0-9.]+(-SNAPSHOT)?\.jar/ }
assert library != null : jars
def total = jars.sum { it.length() }
println String.format('rules-folder: library jar %,d bytes; core classpath %d jars, %,d bytes', library.length(), jars.size(), total)
jars.sort { -it.length() }.each { println String.format('  %,11d %s', it.length(), it.name) }
def configs = new java.util.zip.ZipFile(library).withCloseable { zip ->
    zip.entries().collect { it.name }.findAll { it ==~ /(simplelogger\.properties|logback.*\.xml|log4j2.*\.(xml|properties))/ }
}
assert configs.isEmpty() : "the library carries a logging configuration: ${configs}"
assert library.length() < 1_000_000 : "the library jar is ${library.length()} bytes"
assert total <= 20_000_000 : "the core path's classpath is ${total} bytes"
['drools-compiler', 'drools-mvel', 'jackson', 'picocli', 'jetty', 'micrometer', 'ical4j', 'slf4j-simple', 'log4j', 'poi'].each { name ->
    assert !jars.any { it.name.startsWith(name) } : "${name} travels with the library: ${jars*.name}"
}
return true
