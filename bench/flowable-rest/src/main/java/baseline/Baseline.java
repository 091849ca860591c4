package baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Flowable's REST API over a PostgreSQL server named by spring.datasource.url: the engine alone, for side-by-side
 * timing. bench/run.sh points it at the same durable PostgreSQL 15 server (fsync and synchronous_commit on) that
 * pgbench and the platform use in the same run.
 */
@SpringBootApplication
public class Baseline {
  public static void main(String[] args) { SpringApplication.run(Baseline.class, args); }
}
