package org.meshgov.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: each client sends its next operation as soon as the previous one is answered,
 * until the time is up. The rate is what all clients completed over the time they took.
 */
final class Load {

    private Load() {
    }

    /** One operation of one client; false or an exception counts as a failure. */
    interface Operation {
        boolean run(int client, long sequence) throws Exception;
    }

    record Result(int clients, long operations, long failures, double seconds, Latencies latencies,
                  String firstFailure) {
        double perSecond() {
            return operations / seconds;
        }
    }

    static Result closedLoop(int clients, Duration duration, Operation operation) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Latencies latencies = new Latencies();
        long[] startedAt = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> {
                Latencies mine = new Latencies();
                try {
                    start.await();
                    long deadline = startedAt[0] + duration.toNanos();
                    for (long sequence = 0; System.nanoTime() < deadline; sequence++) {
                        long before = System.nanoTime();
                        boolean ok;
                        try {
                            ok = operation.run(id, sequence);
                            if (!ok) {
                                firstFailure.compareAndSet(null, "operation answered a failure");
                            }
                        } catch (Exception e) {
                            ok = false;
                            firstFailure.compareAndSet(null, e.toString());
                        }
                        long after = System.nanoTime();
                        if (ok) {
                            done.incrementAndGet();
                            mine.add(after - before);
                        } else {
                            failed.incrementAndGet();
                        }
                        lastEnd.accumulateAndGet(after, Math::max);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                latencies.addAll(mine);
            }, "client-" + id);
            thread.start();
            threads.add(thread);
        }
        startedAt[0] = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (lastEnd.get() - startedAt[0]) / 1e9;
        return new Result(clients, done.get(), failed.get(), seconds, latencies, firstFailure.get());
    }
}
