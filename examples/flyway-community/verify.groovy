// Run by the Schemagate build (maven-invoker-plugin): on day one, with no Schemagate configuration, the tests
// pass on Spring Boot's JUnit and the plugin verifies the V__ migrations, with one finding for the missing undo
// scripts rather than one per migration.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
// two tests; one container per migration (3) with a test per check (apply, reversibility, data, integrity, lint);
// the missing undo scripts are a warning of the whole run, which passes at the failing severity (error)
assert log.contains('Tests run: 18, Failures: 0, Errors: 0, Skipped: 0')
assert log =~ /\[WARNING\] .*db[\/\\]migration: warning: no migration has a down script/

def report = new JsonSlurper().parse(new File(basedir, 'target/schemagate/report.json'))
def reversibility = report.findings.findAll { it.ruleId.startsWith('reversibility.') }
assert reversibility*.ruleId == ['reversibility.no-down-scripts']
assert reversibility[0].severity == 'warning'
assert report.findings.every { it.severity != 'error' }

// with the phrased names the pom asks for, each test case names its migration and check (not "[1][1]")
String xml = new File(basedir, 'target/surefire-reports/TEST-com.example.catalog.CatalogMigrationTest.xml').text
// the tests ran on the JUnit that Spring Boot 3.5 pins (its dependency management, not Schemagate, chose it)
assert xml.contains("junit-jupiter-engine/5.12.2/junit-jupiter-engine-5.12.2.jar")
assert xml =~ /<testcase name="[^"]* 1 create_customers: apply"/
assert xml =~ /<testcase name="[^"]* 3 add_customer_email: lint"/
assert xml =~ /<testcase name="[^"]* whole run: reversibility"/
