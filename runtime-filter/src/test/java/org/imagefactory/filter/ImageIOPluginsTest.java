package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

import org.junit.jupiter.api.Test;

/** A redeploy must not leave the old web app's plugins in the JVM-wide registry. */
class ImageIOPluginsTest {

    @Test
    void pluginsOfAWebAppLoaderAreRegisteredAtStartAndDeregisteredAtStop() throws Exception {
        List<URL> twelveMonkeys = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("twelvemonkeys")) {
                twelveMonkeys.add(new File(entry).toURI().toURL());
            }
        }
        assertThat(twelveMonkeys).isNotEmpty();
        ImageIOPlugins.scan();
        List<ImageReaderSpi> before = readers();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader webApp = new URLClassLoader(twelveMonkeys.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(webApp);
            ImageIOPlugins.scan();
            assertThat(readersFrom(webApp)).isPositive();

            assertThat(ImageIOPlugins.deregister(webApp)).isPositive();
            assertThat(readersFrom(webApp)).isZero();
            assertThat(readers()).containsExactlyInAnyOrderElementsOf(before);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static long readersFrom(ClassLoader loader) {
        return readers().stream().filter(reader -> reader.getClass().getClassLoader() == loader).count();
    }

    private static List<ImageReaderSpi> readers() {
        List<ImageReaderSpi> readers = new ArrayList<>();
        IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false)
                .forEachRemaining(readers::add);
        return readers;
    }
}
