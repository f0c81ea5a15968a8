// The Log4j 2 application: fromClasspath() works, and the application's Log4j output is as its layout says.
def log = new File(basedir, 'target/run.log').getText('UTF-8')
def lines = log.readLines()
assert lines.contains('L4J INFO App - log4j app started') : log
assert lines.contains('L4J INFO App - advised WAIT in 7 days') : "fromClasspath() or the advice failed:\n" + log
assert lines.contains('L4J INFO ThroughSlf4j - slf4j reaches log4j') : "SLF4J does not reach Log4j:\n" + log
assert !log.contains('SLF4J') : "SLF4J warned:\n" + log
assert !log.contains('StatusLogger') : "Log4j complained:\n" + log
def jars = new File(basedir, 'target/classpath.txt').text.trim().split(File.pathSeparator) as List
assert !jars.any { it.contains('log4j-to-slf4j') } : "log4j-to-slf4j came with the library: " + jars
println "log4j-app: the advice and the Log4j lines, unchanged"
return true
