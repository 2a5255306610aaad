package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {

    /** The thread that frees the slot asks again at once: it must queue behind the one already waiting. */
    @RepeatedTest(5)
    void aFreedSlotGoesToTheRequestThatWaitedNotToANewcomer() throws Exception {
        AdmissionControl admission = new AdmissionControl(1, Long.MAX_VALUE, new WaitingRoom(2, Duration.ofSeconds(10)), new LongAdder());
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch free = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try {
                admission.run(0, () -> {
                    holding.countDown();
                    return free.await(10, TimeUnit.SECONDS);
                });
                admission.run(0, () -> order.add("newcomer"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try {
                admission.run(0, () -> order.add("waiter"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);

        free.countDown();
        CompletableFuture.allOf(holder, waiter).get(10, TimeUnit.SECONDS);

        assertThat(order).containsExactly("waiter", "newcomer");
    }

    @Test
    void generationsThatDoNotFitTheMemoryBudgetTogetherRunOneAfterTheOther() throws Exception {
        AdmissionControl admission = new AdmissionControl(2, 100, new WaitingRoom(2, Duration.ofSeconds(10)), new LongAdder());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AdmissionControl.Work<Boolean> big = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(200);
            running.decrementAndGet();
            return true;
        };
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> run(admission, 80, big));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> run(admission, 80, big));

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mostAtOnce).hasValue(1);
        assertThat(run(admission, 30, () -> run(admission, 30, () -> true))).as("two that fit run together")
                .isTrue();
    }

    @Test
    void aGenerationLargerThanTheWholeBudgetRunsAloneRatherThanNever() throws Exception {
        AdmissionControl admission = new AdmissionControl(2, 100, new WaitingRoom(2, Duration.ofMillis(100)), new LongAdder());

        assertThat(run(admission, 1_000, () -> true)).isTrue();
        assertThatThrownBy(() -> run(admission, 1_000, () -> run(admission, 10, () -> true)))
                .isInstanceOf(AdmissionControl.Overloaded.class).hasMessageContaining("memory budget");
    }

    private static <T> T run(AdmissionControl admission, long bytes, AdmissionControl.Work<T> work) {
        try {
            return admission.run(bytes, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
