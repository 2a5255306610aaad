package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SingleFlightTest {

    @Test
    void aCallerWaitingForAStuckRunGivesUpAfterTheTimeoutAsOverloaded() throws Exception {
        SingleFlight<String, String> flights = new SingleFlight<>(Duration.ofMillis(100));
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
}
