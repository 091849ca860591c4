import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench's HTTP load client (single file: {@code java Bench.java MODE --option value …}), used where wrk cannot do
 * the job: requests whose body and Idempotency-Key change with every request, and an open-loop client that sends at
 * a constant rate and measures each latency from the request's intended send time, so that a stalled server cannot
 * hide its stall by slowing the client down (coordinated omission).
 *
 * <pre>
 * closed  --connections C --seconds S   C workers, each sending its next request when the previous one answered
 *                                       (the server's maximum rate at C concurrent requests, like wrk -cC);
 *         [--requests N]                stop after N requests
 * paced   --rate R --seconds S          open loop: request i is due at start + i/R whatever happened before; it is
 *                                       sent on its own virtual thread and its latency counts from its due time
 *         [--then-rate R2 --then-seconds S2]  a second phase right after the first (reported as RESULT_THEN)
 *         [--window W]                  the p99 of every W seconds of the last phase (recovery after an overload)
 *         [--normal-p99 MS]             and from when on it stayed at MS or below with no error (RECOVERY)
 *         [--max-inflight N]            a request due while N are outstanding is not sent: it counts as failed,
 *                                       its latency as the time until the run ended
 * common  --url U | --url-file F        one URL, or one a line used in turn
 *         [--method GET|POST] [--header 'Name: value']… [--body-file F]  (${n} in the body: the request's number)
 *         [--key-header Idempotency-Key --key-prefix P]  the header P-n, distinct for every request
 *         [--timeout SEC]               a request unanswered after SEC (30) counts as a timeout
 *         [--acked-file F [--acked-pattern REGEX]]  group 1 of REGEX (the case number) of every 2xx answer, one a line
 * </pre>
 *
 * Prints one line {@code RESULT key=value …} (latencies in milliseconds) that bench/run.sh reads, and, for paced
 * runs with --window, lines {@code WINDOW …}.
 */
public class Bench {

  record Outcome(int phase, long dueNanos, long endNanos, int status, boolean timeout, boolean error) {
    double latencyMs() { return (endNanos - dueNanos) / 1e6; }
  }

  final String mode;
  final URI url;
  final List<URI> urls = new ArrayList<>();
  final String method;
  final List<String[]> headers = new ArrayList<>();
  final String body;
  final String keyHeader;
  final String keyPrefix;
  final int connections;
  final double rate;
  final double seconds;
  final double window;
  final double thenRate;
  final double thenSeconds;
  final long requests;
  long[] phaseStarts = {0};
  final double normalP99;
  final Duration timeout;
  final Path ackedFile;
  final Pattern ackedPattern;
  final int maxInflight;
  final HttpClient client;
  final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
  final AtomicLong sequence = new AtomicLong();
  final AtomicInteger inflight = new AtomicInteger();
  final AtomicInteger unsent = new AtomicInteger();

  Bench(String[] args) throws IOException {
    mode = args[0];
    String u = null, m = "GET", bodyFile = null, kh = null, kp = "bench", acked = null;
    String ap = "\"number\"\\s*:\\s*\"([^\"]+)\"";
    int c = 8, mi = 4096;
    double r = 0, s = 10, w = 0, np = 0, t = 30, tr = 0, ts = 0;
    long n = 0;
    for (int i = 1; i < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--url" -> u = v;
        case "--url-file" -> {
          Files.readAllLines(Path.of(v)).stream().filter(l -> !l.isBlank()).map(l -> URI.create(l.strip()))
              .forEach(urls::add);
          u = u == null ? urls.get(0).toString() : u;
        }
        case "--method" -> m = v;
        case "--header" -> headers.add(v.split(":\\s*", 2));
        case "--body-file" -> bodyFile = v;
        case "--key-header" -> kh = v;
        case "--key-prefix" -> kp = v;
        case "--connections" -> c = Integer.parseInt(v);
        case "--rate" -> r = Double.parseDouble(v);
        case "--seconds" -> s = Double.parseDouble(v);
        case "--window" -> w = Double.parseDouble(v);
        case "--then-rate" -> tr = Double.parseDouble(v);
        case "--then-seconds" -> ts = Double.parseDouble(v);
        case "--requests" -> n = Long.parseLong(v);
        case "--normal-p99" -> np = Double.parseDouble(v);
        case "--timeout" -> t = Double.parseDouble(v);
        case "--acked-file" -> acked = v;
        case "--acked-pattern" -> ap = v;
        case "--max-inflight" -> mi = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (u == null) throw new IllegalArgumentException("--url is required");
    url = URI.create(u);
    method = m;
    body = bodyFile == null ? null : Files.readString(Path.of(bodyFile));
    keyHeader = kh;
    keyPrefix = kp;
    connections = c;
    rate = r;
    seconds = s;
    window = w;
    thenRate = tr;
    thenSeconds = ts;
    requests = n;
    normalP99 = np;
    timeout = Duration.ofMillis((long) (t * 1000));
    ackedFile = acked == null ? null : Path.of(acked);
    ackedPattern = Pattern.compile(ap);
    maxInflight = mi;
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
  }

  HttpRequest request() {
    long n = sequence.incrementAndGet();
    URI target = urls.isEmpty() ? url : urls.get((int) ((n - 1) % urls.size()));
    HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(timeout);
    for (String[] h : headers) b.header(h[0], h[1]);
    if (keyHeader != null) b.header(keyHeader, keyPrefix + "-" + n);
    HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.replace("${n}", Long.toString(n)));
    return b.method(method, p).build();
  }

  /** Sends one request and records its outcome, its latency counted from {@code due}. */
  void send(int phase, long due) {
    int status = 0;
    boolean timedOut = false, failed = false;
    try {
      HttpResponse<String> response = client.send(request(), HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      if (ackedFile != null && status / 100 == 2) {
        Matcher matcher = ackedPattern.matcher(response.body());
        if (matcher.find()) acked.add(matcher.group(1));
      }
    } catch (HttpTimeoutException e) {
      timedOut = true;
    } catch (IOException e) {
      failed = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed = true;
    }
    outcomes.add(new Outcome(phase, due, System.nanoTime(), status, timedOut, failed));
  }

  long runClosed() throws InterruptedException {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < connections; i++) {
        workers.submit(() -> {
          while (System.nanoTime() < end && (requests == 0 || sequence.get() < requests)) send(0, System.nanoTime());
        });
      }
    }
    return start;
  }

  /** Open loop: phase 0 at --rate for --seconds, then (with --then-rate) phase 1 at that rate for --then-seconds. */
  long runPaced() throws InterruptedException {
    long start = System.nanoTime() + 50_000_000;
    ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    List<long[]> notSent = new ArrayList<>();
    long phaseStart = start;
    double[][] phases = thenRate > 0 ? new double[][] {{rate, seconds}, {thenRate, thenSeconds}}
        : new double[][] {{rate, seconds}};
    phaseStarts = new long[phases.length];
    for (int phase = 0; phase < phases.length; phase++) {
      phaseStarts[phase] = phaseStart;
      double period = 1e9 / phases[phase][0];
      long total = Math.round(phases[phase][1] * phases[phase][0]);
      for (long i = 0; i < total; i++) {
        long due = phaseStart + (long) (i * period);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
        if (inflight.get() >= maxInflight) { // the client's own limit: counted, never silently skipped
          unsent.incrementAndGet();
          notSent.add(new long[] {phase, due});
          continue;
        }
        inflight.incrementAndGet();
        int p = phase;
        senders.submit(() -> {
          try { send(p, due); } finally { inflight.decrementAndGet(); }
        });
      }
      phaseStart += (long) (phases[phase][1] * 1e9);
    }
    senders.shutdown();
    if (!senders.awaitTermination(timeout.toMillis() + 15_000, TimeUnit.MILLISECONDS)) senders.shutdownNow();
    long now = System.nanoTime();
    for (long[] n : notSent) outcomes.add(new Outcome((int) n[0], n[1], now, 0, false, true));
    return start;
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static double[] sortedLatencies(List<Outcome> list) {
    double[] a = list.stream().mapToDouble(Outcome::latencyMs).toArray();
    Arrays.sort(a);
    return a;
  }

  static String ms(double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v); }

  void report(long start, PrintStream out) throws IOException {
    List<Outcome> all = new ArrayList<>(outcomes);
    int phases = "paced".equals(mode) && thenRate > 0 ? 2 : 1;
    for (int phase = 0; phase < phases; phase++) {
      int ph = phase;
      List<Outcome> mine = all.stream().filter(o -> o.phase() == ph).toList();
      long from = "closed".equals(mode) ? start : phaseStarts[phase];
      long last = mine.stream().mapToLong(Outcome::endNanos).max().orElse(from);
      // closed: completed requests until the last answer; paced: the offered rate over the sending period
      double elapsed = Math.max(1e-9, "closed".equals(mode) ? (last - from) / 1e9 : phase == 0 ? seconds : thenSeconds);
      summary(phase == 0 ? "RESULT" : "RESULT_THEN", mine, elapsed, out);
      if (window > 0 && phase == phases - 1) windows(mine, from, phase == 0 ? seconds : thenSeconds, out);
    }
    if (ackedFile != null) Files.write(ackedFile, new ArrayList<>(acked));
  }

  void summary(String label, List<Outcome> list, double elapsed, PrintStream out) {
    int s2 = 0, s429 = 0, s503 = 0, s5 = 0, other = 0, timeouts = 0, errors = 0;
    List<Outcome> rejections = new ArrayList<>();
    for (Outcome o : list) {
      if (o.timeout()) timeouts++;
      else if (o.error()) errors++;
      else if (o.status() / 100 == 2) s2++;
      else if (o.status() == 429 || o.status() == 503) {
        if (o.status() == 429) s429++; else s503++;
        rejections.add(o);
      } else if (o.status() / 100 == 5) s5++;
      else other++;
    }
    double[] lat = sortedLatencies(list);
    double[] ok = sortedLatencies(list.stream().filter(o -> o.status() / 100 == 2).toList());
    double[] rej = sortedLatencies(rejections);
    out.printf(Locale.ROOT, "%s mode=%s requests=%d seconds=%.1f rate=%.1f ok_rate=%.1f s2xx=%d s429=%d s503=%d s5xx=%d "
            + "other=%d timeouts=%d errors=%d unsent=%d p50=%s p90=%s p99=%s max=%s ok_p99=%s rej_p50=%s rej_p99=%s "
            + "rej_max=%s acked=%d%n",
        label, mode, list.size(), elapsed, list.size() / elapsed, s2 / elapsed, s2, s429, s503, s5, other, timeouts,
        errors, unsent.get(), ms(percentile(lat, 50)), ms(percentile(lat, 90)), ms(percentile(lat, 99)),
        ms(percentile(lat, 100)), ms(percentile(ok, 99)), ms(percentile(rej, 50)), ms(percentile(rej, 99)),
        ms(percentile(rej, 100)), acked.size());
  }

  /** p99 per window of --window seconds; with --normal-p99, when it came back to normal and stayed there. */
  void windows(List<Outcome> list, long start, double length, PrintStream out) {
    long w = (long) (window * 1e9);
    int count = (int) Math.ceil(length / window);
    double recoveredAt = Double.NaN;
    for (int i = 0; i < count; i++) {
      long from = start + i * w, to = from + w;
      List<Outcome> in = list.stream().filter(o -> o.dueNanos() >= from && o.dueNanos() < to).toList();
      double p99 = percentile(sortedLatencies(in), 99);
      long bad = in.stream().filter(o -> o.timeout() || o.error() || o.status() / 100 != 2).count();
      out.printf(Locale.ROOT, "WINDOW from=%.0f to=%.0f requests=%d not2xx=%d p99=%s%n", i * window, (i + 1) * window,
          in.size(), bad, ms(p99));
      boolean normal = !Double.isNaN(p99) && p99 <= normalP99 && bad == 0;
      if (normal && Double.isNaN(recoveredAt)) recoveredAt = i * window; // normal from the start of this window
      if (!normal) recoveredAt = Double.NaN; // back to normal means: and stays there
    }
    if (normalP99 > 0) out.printf(Locale.ROOT, "RECOVERY normal_p99=%s recovered_after=%s%n", ms(normalP99),
        Double.isNaN(recoveredAt) ? "never" : String.format(Locale.ROOT, "%.0f", recoveredAt));
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("closed") || args[0].equals("paced"))) {
      System.err.println("usage: java Bench.java closed|paced --url URL [options]  (see the class comment)");
      System.exit(2);
    }
    Bench bench = new Bench(args);
    long start = bench.mode.equals("closed") ? bench.runClosed() : bench.runPaced();
    bench.report(start, System.out);
    System.exit(0);
  }
}
