package dev.bpx.paper.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * CPU time spent between two points of a benchmark round, split into the exchange's threads, the
 * benchmark's client threads and the whole process (which adds the JVM's own threads: GC, JIT). Orders per
 * second move with whatever else runs on a shared machine; CPU per order moves much less, so it is what
 * before/after comparisons of the server's per-order cost read. Not thread-safe: one per round.
 */
final class CpuMeter {
  /** Threads whose names start with this are the benchmark's clients. */
  static final String CLIENT_PREFIX = "bench-client-";
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<Long, Long> startThreads;
  private Map<Long, Long> startAllocated;
  private long startProcess;

  void start() {
    startThreads = cpuPerThread();
    startAllocated = allocatedPerThread();
    startProcess = os.getProcessCpuTime();
  }

  /** {@return the CPU time since {@link #start}, in nanoseconds} */
  Split stop() {
    long process = os.getProcessCpuTime() - startProcess;
    long server = 0;
    long client = 0;
    long serverAllocated = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long now = threads.getThreadCpuTime(info.getThreadId());
      if (now < 0) {
        continue;
      }
      long used = now - startThreads.getOrDefault(info.getThreadId(), 0L);
      String name = info.getThreadName();
      if (name.startsWith(CLIENT_PREFIX)) {
        client += used;
      } else if (name.startsWith("paper-") || name.startsWith("HTTP-Dispatcher")) {
        server += used;
        long allocated = threads.getThreadAllocatedBytes(info.getThreadId());
        if (allocated >= 0) {
          serverAllocated += allocated - startAllocated.getOrDefault(info.getThreadId(), 0L);
        }
      }
    }
    return new Split(server, client, process, serverAllocated);
  }

  private Map<Long, Long> allocatedPerThread() {
    return perThread(threads::getThreadAllocatedBytes);
  }

  private Map<Long, Long> cpuPerThread() {
    return perThread(threads::getThreadCpuTime);
  }

  /** {@return {@code counter} of every live thread by id, leaving out those it cannot tell (negative)} */
  private Map<Long, Long> perThread(LongUnaryOperator counter) {
    Map<Long, Long> out = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long value = counter.applyAsLong(id);
      if (value >= 0) {
        out.put(id, value);
      }
    }
    return out;
  }

  /**
   * CPU nanoseconds of one measured interval.
   *
   * @param server the exchange's threads (HTTP handlers and dispatcher, the writer)
   * @param client the benchmark's client threads
   * @param process the whole JVM, GC and JIT included
   * @param serverAllocated bytes the exchange's threads allocated (what the GC then has to collect): unlike
   *     CPU time, the same whatever else runs on the machine
   */
  record Split(long server, long client, long process, long serverAllocated) {
    /** {@return the three as microseconds per order, for {@code orders} orders} */
    String perOrder(long orders) {
      return String.format("CPU per order: server %.0f us, client %.0f us, process %.0f us; server allocated %.1f KB",
          server / 1e3 / orders, client / 1e3 / orders, process / 1e3 / orders, serverAllocated / 1e3 / orders);
    }
  }
}
