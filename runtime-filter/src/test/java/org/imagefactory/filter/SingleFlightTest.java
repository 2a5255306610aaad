package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SingleFlightTest {

    @Test
    void aCallerWaitingForAStuckRunGivesUpAfterTheTimeoutAsOverloaded() throws Exception {
        SingleFlight<String, String> flights = new SingleFlight<>(new WaitingRoom(4, Duration.ofMillis(100)));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return flights.run("cat", () -> {
                    started.countDown();
                    finish.await();
                    return "made once";
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                () -> flights.run("cat", () -> "made twice"))
                .isInstanceOf(AdmissionControl.Overloaded.class).hasMessageContaining("PT0.1S"));

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("made once");
    }

    @Test
    void theWaiterPastTheQueueIsTurnedAwayAtOnceAndTheOthersShareTheResult() throws Exception {
        WaitingRoom queue = new WaitingRoom(2, Duration.ofSeconds(30));
        SingleFlight<String, String> flights = new SingleFlight<>(queue);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> run(flights, () -> {
            started.countDown();
            finish.await();
            return "made once";
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> waiters = List.of(
                CompletableFuture.supplyAsync(() -> run(flights, () -> "made twice")),
                CompletableFuture.supplyAsync(() -> run(flights, () -> "made twice")));
        Thread.sleep(200);

        long start = System.nanoTime();
        assertThatThrownBy(() -> flights.run("cat", () -> "made twice"))
                .isInstanceOf(AdmissionControl.Overloaded.class).hasMessageContaining("queue of 2");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("made once");
        for (CompletableFuture<String> waiter : waiters) {
            assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo("made once");
        }
    }

    private static String run(SingleFlight<String, String> flights, AdmissionControl.Work<String> work) {
        try {
            return flights.run("cat", work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
