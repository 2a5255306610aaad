package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;

class AdmissionControlTest {

    /** The thread that frees the slot asks again at once: it must queue behind the one already waiting. */
    @RepeatedTest(5)
    void aFreedSlotGoesToTheRequestThatWaitedNotToANewcomer() throws Exception {
        AdmissionControl admission = new AdmissionControl(1, 2, Duration.ofSeconds(10));
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch free = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try {
                admission.run(() -> {
                    holding.countDown();
                    return free.await(10, TimeUnit.SECONDS);
                });
                admission.run(() -> order.add("newcomer"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try {
                admission.run(() -> order.add("waiter"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);

        free.countDown();
        CompletableFuture.allOf(holder, waiter).get(10, TimeUnit.SECONDS);

        assertThat(order).containsExactly("waiter", "newcomer");
    }
}
