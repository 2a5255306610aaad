package org.imagefactory.filter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;

/**
 * ImageIO's plugin registry is one per JVM, while a web app's plugins (TwelveMonkeys, the WebP writer) come from
 * its own class loader: they are registered when the web app starts and must be deregistered when it stops, or
 * a redeploy leaks the old class loader and may keep using its classes. This is what TwelveMonkeys'
 * {@code IIOProviderContextListener} does, without another dependency.
 */
final class ImageIOPlugins {

    private ImageIOPlugins() {
    }

    /** Registers the plugins the current thread's (web app's) class loader can see. */
    static void scan() {
        ImageIO.scanForPlugins();
    }

    /** Deregisters every plugin whose class comes from {@code loader} or one of its descendants. */
    static int deregister(ClassLoader loader) {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        int removed = 0;
        for (Iterator<Class<?>> categories = registry.getCategories(); categories.hasNext(); ) {
            removed += deregister(registry, categories.next(), loader);
        }
        return removed;
    }

    private static <T> int deregister(IIORegistry registry, Class<T> category, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        registry.getServiceProviders(category, false).forEachRemaining(found::add);
        int removed = 0;
        for (T provider : found) {
            if (loadedBy(provider.getClass(), loader)) {
                registry.deregisterServiceProvider(provider, category);
                removed++;
            }
        }
        return removed;
    }

    private static boolean loadedBy(Class<?> type, ClassLoader loader) {
        for (ClassLoader candidate = type.getClassLoader(); candidate != null; candidate = candidate.getParent()) {
            if (candidate == loader) {
                return true;
            }
        }
        return false;
    }
}
