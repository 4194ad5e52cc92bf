package dev.schemagate.postgres.server;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db:5432/app?user=ci&password=s3cret|jdbc:postgresql://db:5432/app?user=ci&password=***",
            "jdbc:postgresql://db/app?PASSWORD=s3cret&ssl=true|jdbc:postgresql://db/app?PASSWORD=***&ssl=true",
            "jdbc:postgresql://ci:s3cret@db/app|jdbc:postgresql://ci:***@db/app",
            "jdbc:postgresql://db/app?sslpassword=k&user=x|jdbc:postgresql://db/app?sslpassword=***&user=x",
            "jdbc:postgresql://db/app|jdbc:postgresql://db/app",
            "jdbc:postgresql://ci:s3c@ret@db:5432/app|jdbc:postgresql://ci:***@db:5432/app",
            "jdbc:postgresql://ci:s3c/ret@db/app|jdbc:postgresql://ci:***@db/app",
    })
    void masksEveryPassword(String url, String expected) {
        assertThat(JdbcUrls.redact(url)).isEqualTo(expected).doesNotContain("s3cret");
    }
}
