// Run by the Schemagate build (maven-invoker-plugin): the tests ran and the plugin verified the migrations.
String log = new File(basedir, 'build.log').text
// two tests, and one dynamic test per migration (2) and check (apply, reversibility, data, integrity, lint)
assert log.contains('Tests run: 12, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('schemagate-maven-plugin')
assert new File(basedir, 'target/schemagate/report.json').isFile()
