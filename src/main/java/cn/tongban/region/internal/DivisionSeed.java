package cn.tongban.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the division table once (about 44,700 rows, in batches) when it is empty. Several nodes starting together
 * serialize on an advisory lock, so the table is loaded exactly once.
 */
@Component
@Order(1)
class DivisionSeed implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DivisionSeed.class);
  private static final long LOCK = 0x7ED1_0001L;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  DivisionSeed(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    tx.executeWithoutResult(s -> {
      jdbc.execute("select pg_advisory_xact_lock(" + LOCK + ")");
      Integer count = jdbc.queryForObject("select count(*) from region.division", Integer.class);
      if (count != null && count > 0) {
        return;
      }
      try {
        int loaded = load();
        log.info("Loaded {} administrative divisions", loaded);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read region/divisions.csv.gz", e);
      }
    });
  }

  private int load() throws IOException {
    var resource = new ClassPathResource("region/divisions.csv.gz");
    int total = 0;
    try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(resource.getInputStream()),
        StandardCharsets.UTF_8))) {
      String header = in.readLine();
      if (!"code,name,level,parent".equals(header)) {
        throw new IOException("unexpected header " + header);
      }
      List<Object[]> batch = new ArrayList<>(2000);
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (f.length != 4) {
          throw new IOException("bad line " + line);
        }
        batch.add(new Object[] {f[0], f[1], Integer.parseInt(f[2]), f[3].isEmpty() ? null : f[3]});
        if (batch.size() == 2000) {
          total += insert(batch);
        }
      }
      total += insert(batch);
    }
    return total;
  }

  private int insert(List<Object[]> batch) {
    jdbc.batchUpdate("insert into region.division (code, name, level, parent) values (?, ?, ?, ?)", batch);
    int n = batch.size();
    batch.clear();
    return n;
  }
}
