package org.imagefactory.it.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerOptionsTest {

    @Test
    void withNothingGivenTheSiteIsOnPort8080WithThePublishedDevKey() {
        RunnerOptions options = RunnerOptions.parse(new String[0], Map.of());

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.war()).isEmpty();
        assertThat(options.signingKey()).isEqualTo("sample-site-dev-key");
        assertThat(options.usesTheDevKey()).isTrue();
        assertThat(RunnerOptions.parse(new String[] {"--signing-key", " "}, Map.of()).usesTheDevKey()).isTrue();
    }

    @Test
    void theEnvironmentSetsThePortAndKeyAndArgumentsWin() {
        Map<String, String> env = Map.of("PORT", "9000", "IMAGEFACTORY_SIGNING_KEY", "from-env");

        assertThat(RunnerOptions.parse(new String[0], env).port()).isEqualTo(9000);
        assertThat(RunnerOptions.parse(new String[0], env).signingKey()).isEqualTo("from-env");
        RunnerOptions given = RunnerOptions.parse(new String[] {"--port", "0", "--signing-key", "given"}, env);
        assertThat(given.port()).isZero();
        assertThat(given.signingKey()).isEqualTo("given");
        assertThat(given.usesTheDevKey()).isFalse();
    }

    @Test
    void aWarFolderThatExistsIsServed(@TempDir Path folder) {
        assertThat(RunnerOptions.parse(new String[] {"--war", folder.toString()}, Map.of()).war()).hasValue(folder);
    }

    @Test
    void mistakesNameTheOptionAndWhatWasExpected() {
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--port", "http"}, Map.of()))
                .hasMessage("--port='http' is not a port: expected a number from 0 to 65535");
        assertThatThrownBy(() -> RunnerOptions.parse(new String[0], Map.of("PORT", "70000")))
                .hasMessage("environment variable PORT='70000' is not a port: expected a number from 0 to 65535");
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--war", "/no/such/site.war"}, Map.of()))
                .hasMessage("--war /no/such/site.war: no such file or folder");
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--colour", "blue"}, Map.of()))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--port"}, Map.of()))
                .hasMessage("option --port needs a value");
    }

    @Test
    void helpIsNotAnError() {
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--help"}, Map.of()))
                .isInstanceOf(RunnerOptions.UsageRequested.class);
    }
}
