/**
 * Where sources come from and where variants live: {@link org.imagefactory.core.store.SourceStore} and
 * {@link org.imagefactory.core.store.VariantStore}, their directory implementations, and the one
 * {@link org.imagefactory.core.store.Freshness} rule every store applies. Part of the public API.
 */
package org.imagefactory.core.store;
