package cn.tongban.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;

/**
 * Run as a separate process by the tests: starts an embedded PostgreSQL on a data directory, prints its port and
 * waits, so the test can kill this process with SIGKILL and leave the server behind as an orphan, exactly as a
 * kill -9 of the application does.
 */
public final class OrphanMaker {
  private OrphanMaker() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(new File(args[0])).setCleanDataDirectory(false)
        .setPort(0).setRegisterShutdownHook(false).start();
    System.out.println("READY " + pg.getPort());
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }
}
