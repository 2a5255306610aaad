package org.imagefactory.filter.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jakarta.servlet.Filter;

import org.imagefactory.filter.Container;
import org.imagefactory.filter.FilterContract;
import org.junit.jupiter.api.Test;

class TomcatFilterTest extends FilterContract {

    @Override
    protected Container newContainer(Path workFolder) {
        return new TomcatContainer(workFolder);
    }

    @Test
    void runsOnTheContainersServletApi() {
        assertThat(Filter.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .endsWith("tomcat-embed-core-11.0.27.jar");
    }
}
