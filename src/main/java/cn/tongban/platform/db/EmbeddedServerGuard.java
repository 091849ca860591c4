package cn.tongban.platform.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is already running on a data directory before the embedded server starts. A live application holds the
 * directory's {@code epg-lock} (released by the operating system when that process dies, even by kill -9): then a
 * second instance refuses to start. A {@code postmaster.pid} whose process is alive while nobody holds the lock is
 * an orphan left by a killed application: it is stopped deliberately (SIGINT: fast shutdown, which rolls back open
 * transactions and keeps everything committed) and waited for, so a new server of our own starts on its data.
 */
final class EmbeddedServerGuard {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedServerGuard.class);

  private EmbeddedServerGuard() {}

  static void requireNoOtherInstance(Path dir) {
    Path lockFile = dir.resolve("epg-lock");
    if (!Files.exists(lockFile)) {
      return; // never started here (and creating the file would make initdb refuse the directory)
    }
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        throw new IllegalStateException("Another running Tongban instance uses the data directory " + dir
            + ". Stop it, or give this instance its own TONGBAN_DATA_DIR.");
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw new IllegalStateException("This process already runs an embedded PostgreSQL on " + dir, e);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot lock the data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Stops a server left running on this data directory by a killed application; true if there was one. */
  static boolean stopOrphan(Path dir) {
    Optional<ProcessHandle> orphan = postmaster(dir);
    if (orphan.isEmpty()) {
      return false;
    }
    ProcessHandle p = orphan.get();
    log.warn("An embedded PostgreSQL (pid {}) left running by an earlier, killed run still serves {}; stopping it"
        + " (fast shutdown) before starting our own", p.pid(), dir);
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
    } catch (IOException e) {
      p.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // reported below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (p.isAlive()) {
      throw new IllegalStateException("The orphaned PostgreSQL (pid " + p.pid() + ") on " + dir
          + " did not stop within 60 s; stop it by hand (pg_ctl -D " + dir + " stop) and start again.");
    }
    log.info("The orphaned PostgreSQL (pid {}) stopped", p.pid());
    return true;
  }

  /** The live postmaster process of this data directory, per its postmaster.pid. */
  static Optional<ProcessHandle> postmaster(Path dir) {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(h -> h.info().command().map(c -> c.contains("postgres")).orElse(true));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port for the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }
}
