package org.imagefactory.filter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jakarta.servlet.Filter;

import org.imagefactory.filter.Container;
import org.imagefactory.filter.FilterContract;
import org.junit.jupiter.api.Test;

class JettyFilterTest extends FilterContract {

    @Override
    protected Container newContainer(Path workFolder) {
        return new JettyContainer(workFolder);
    }

    @Test
    void runsOnTheContainersServletApi() {
        assertThat(Filter.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .endsWith("jakarta.servlet-api-6.0.0.jar");
    }
}
