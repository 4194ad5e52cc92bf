// Run by the Schemagate build (maven-invoker-plugin): with no Schemagate configuration, the plugin
// and the JUnit extension found the Liquibase changelog, its contexts and parameters in application.yml.
String log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('(spring.liquibase.change-log)')
assert log.contains('library:create-loans')
assert !log.contains('library:demo-books')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/schemagate/report.json'))
assert report.migrations.size() == 3
assert report.migrations[2].status == 'skipped'
