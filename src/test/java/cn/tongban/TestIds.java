package cn.tongban;

import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.PopulationBase;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Synthetic, valid, never-real citizen ID numbers and mobile numbers for tests. */
public final class TestIds {
  private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 400));

  private TestIds() {}

  /** A fresh valid ID number of an adult (Yiwu area code, born 1960-1999), unique within this JVM. */
  public static String citizenId() {
    int n = SEQ.incrementAndGet();
    return citizenId(LocalDate.of(1960 + n % 40, 1 + n % 12, 1 + n % 28), n);
  }

  /** A fresh valid ID number of someone born on {@code birth}. */
  public static String citizenId(LocalDate birth) {
    return citizenId(birth, SEQ.incrementAndGet());
  }

  private static String citizenId(LocalDate birth, int n) {
    String body = "330782" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
        + String.format("%03d", n % 1000);
    return body + CitizenIdNumber.checkCharacter(body);
  }

  /** A fresh adult with this name, added to the population base so that real-name verification passes. */
  public static String person(PopulationBase population, String name) {
    String id = citizenId();
    population.addPerson(name, id);
    return id;
  }

  /** A fresh person born on {@code birth}, added to the population base. */
  public static String person(PopulationBase population, String name, LocalDate birth) {
    String id = citizenId(birth);
    population.addPerson(name, id);
    return id;
  }

  /** A fresh mobile number. */
  public static String mobile() {
    return "139" + String.format("%08d", (System.nanoTime() / 1000 + SEQ.incrementAndGet()) % 100_000_000L);
  }
}
