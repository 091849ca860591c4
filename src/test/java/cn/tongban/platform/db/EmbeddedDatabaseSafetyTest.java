package cn.tongban.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded server: durable by default; each data directory gets its own server on its own port; a server left
 * behind by a killed application is stopped deliberately and its data used by a new server of our own; a second
 * instance on the same data directory refuses to start.
 */
class EmbeddedDatabaseSafetyTest {
  final EmbeddedDatabaseConfiguration config = new EmbeddedDatabaseConfiguration();
  Path a;
  Path b;

  static Path dir(String name) throws Exception {
    return Files.createTempDirectory("tongban-pg-" + name);
  }

  @AfterEach
  void clean() throws Exception {
    for (Path p : new Path[] {a, b}) {
      if (p != null && Files.exists(p)) {
        EmbeddedServerGuard.postmaster(p).ifPresent(h -> {
          h.destroy();
          h.onExit().join();
        });
        try (var walk = Files.walk(p)) {
          walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
  }

  static String show(EmbeddedPostgres pg, String setting) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection(); ResultSet rs = c.createStatement()
        .executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void byDefaultTheEmbeddedServerIsDurable() throws Exception {
    a = dir("durable");
    try (EmbeddedPostgres pg = config.embeddedPostgres(new EmbeddedDatabaseProperties(a.toString(), 0, false, false))) {
      assertThat(show(pg, "fsync")).isEqualTo("on");
      assertThat(show(pg, "synchronous_commit")).isEqualTo("on");
      assertThat(show(pg, "full_page_writes")).isEqualTo("on");
    }
  }

  @Test
  void twoDataDirectoriesGetTwoServersEachServingItsOwnData() throws Exception {
    a = dir("one");
    b = dir("two");
    try (EmbeddedPostgres one = config.embeddedPostgres(new EmbeddedDatabaseProperties(a.toString(), 0, false, false));
         EmbeddedPostgres two = config.embeddedPostgres(new EmbeddedDatabaseProperties(b.toString(), 0, false, false))) {
      assertThat(one.getPort()).isNotEqualTo(two.getPort());
      assertThat(Path.of(show(one, "data_directory")).toRealPath()).isEqualTo(a.toRealPath());
      assertThat(Path.of(show(two, "data_directory")).toRealPath()).isEqualTo(b.toRealPath());
      // and a second instance on a data directory in use refuses to start
      assertThatThrownBy(() -> config.embeddedPostgres(new EmbeddedDatabaseProperties(a.toString(), 0, false, false)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aServerLeftRunningByAKilledApplicationIsStoppedAndItsDataKept() throws Exception {
    a = dir("orphan");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), OrphanMaker.class.getName(), a.toString()).redirectErrorStream(true)
        .start();
    int orphanPort;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("READY "));
      assertThat(line).as("the child started its server").isNotNull();
      orphanPort = Integer.parseInt(line.substring(6).trim());
      try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + orphanPort
          + "/postgres", "postgres", "")) {
        c.createStatement().execute("create table kept (v text); insert into kept values ('committed before kill')");
      }
      child.destroyForcibly(); // SIGKILL: the application dies, its server keeps running
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    ProcessHandle orphan = EmbeddedServerGuard.postmaster(a).orElseThrow();
    assertThat(orphan.isAlive()).isTrue();

    try (EmbeddedPostgres pg = config.embeddedPostgres(new EmbeddedDatabaseProperties(a.toString(), 0, false, false))) {
      assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
      assertThat(EmbeddedServerGuard.postmaster(a).orElseThrow().pid()).isNotEqualTo(orphan.pid());
      try (Connection c = pg.getPostgresDatabase().getConnection();
           ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("committed before kill");
      }
    }
  }
}
