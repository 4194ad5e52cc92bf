// The build failed for the right reason: the finding, with file and line, and the reports.
String log = new File(basedir, 'build.log').text
assert log.contains('V2__add_status.sql:3')
assert log.contains('type "acount_status" does not exist')
assert log.contains('schemagate:verify found 1 error(s)')
assert new File(basedir, 'target/schemagate/junit.xml').text.contains('<failure')
assert new File(basedir, 'target/schemagate/report.json').isFile()
