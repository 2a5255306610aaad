package org.imagefactory.filter;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one filter has done since it started, for monitoring. Published as the servlet context attribute
 * {@code org.imagefactory.filter.statistics.<filter name>}.
 */
public final class FilterStatistics {

    static final String ATTRIBUTE_PREFIX = "org.imagefactory.filter.statistics.";

    final LongAdder pregenerated = new LongAdder();
    final LongAdder hits = new LongAdder();
    final LongAdder generated = new LongAdder();
    final LongAdder overloaded = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder abandoned = new LongAdder();
    final LongAdder queued = new LongAdder();

    /** Variants served from the build's pre-generated files. */
    public long pregenerated() {
        return pregenerated.sum();
    }

    /** Variants served from the runtime cache. */
    public long hits() {
        return hits.sum();
    }

    /** Variants decoded, resized and encoded by this filter. */
    public long generated() {
        return generated.sum();
    }

    /** Requests answered 503 because the generation slots and queue were full. */
    public long overloaded() {
        return overloaded.sum();
    }

    /** Sources refused as unsupported, corrupt or too large. */
    public long refused() {
        return refused.sum();
    }

    /** Generations that waited for a generation slot or for memory before they ran. */
    public long queued() {
        return queued.sum();
    }

    /** Generations abandoned past their {@code generationTimeout}, their slots freed. */
    public long abandoned() {
        return abandoned.sum();
    }

    @Override
    public String toString() {
        return "pregenerated=" + pregenerated() + " hits=" + hits() + " generated=" + generated()
                + " overloaded=" + overloaded() + " refused=" + refused()
                + " abandoned=" + abandoned() + " queued=" + queued();
    }
}
