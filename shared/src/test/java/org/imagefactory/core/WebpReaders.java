package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The two WebP readers on the classpath, TwelveMonkeys' and the libwebp-based one, and renders with either offered
 * first by ImageIO: the registry orders them by hash codes, so each JVM may see another order.
 */
final class WebpReaders {

    enum First {
        LIBWEBP("com.luciad."), TWELVEMONKEYS("com.twelvemonkeys.");

        private final String vendorPackage;

        First(String vendorPackage) {
            this.vendorPackage = vendorPackage;
        }
    }

    private WebpReaders() {
    }

    static Fixtures.Output render(First first, Path source, String query) throws IOException {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        ImageReaderSpi preferred = reader(registry, first.vendorPackage);
        ImageReaderSpi other = reader(registry,
                Arrays.stream(First.values()).filter(r -> r != first).findFirst().orElseThrow().vendorPackage);
        registry.setOrdering(ImageReaderSpi.class, preferred, other);
        try {
            assertThat(ImageIO.getImageReadersByFormatName("webp").next().getOriginatingProvider())
                    .as("the reader ImageIO offers first").isSameAs(preferred);
            return Fixtures.render(source, query);
        } finally {
            registry.unsetOrdering(ImageReaderSpi.class, preferred, other);
        }
    }

    private static ImageReaderSpi reader(IIORegistry registry, String vendorPackage) {
        Iterator<ImageReaderSpi> providers = registry.getServiceProviders(ImageReaderSpi.class, false);
        while (providers.hasNext()) {
            ImageReaderSpi provider = providers.next();
            boolean webp = Arrays.stream(provider.getFormatNames())
                    .anyMatch(name -> name.toLowerCase(Locale.ROOT).equals("webp"));
            if (webp && provider.getClass().getName().startsWith(vendorPackage)) {
                return provider;
            }
        }
        throw new IllegalStateException("no WebP reader from " + vendorPackage + " is registered");
    }
}
