// Run by the Schemagate build (maven-invoker-plugin): the tests ran and the plugin verified the migrations.
String log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('schemagate-maven-plugin')
assert new File(basedir, 'target/schemagate/report.json').isFile()
