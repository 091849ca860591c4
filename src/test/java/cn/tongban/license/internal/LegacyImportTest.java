package cn.tongban.license.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.TongbanTest;
import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.TongbanUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 10,000 legacy license rows with one deliberately bad row: the import is interrupted after three batches and
 * resumed; the bad row is reported with its line and reason, every other row becomes exactly one signed license.
 */
@TongbanTest
class LegacyImportTest {
  @Autowired LegacyImport imports;
  @Autowired Licenses licenses;
  @Autowired LicenseVerifier verifier;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;

  @Test
  void tenThousandRowsWithABadRowAreIssuedInResumableBatches() {
    TongbanUser staff = (TongbanUser) users.loadUserByUsername("scjg01");
    String marker = "存量" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder("typeCode,holderName,holderId,issuedOn,validUntil,shopName,businessAddress,businessScope,capital\n");
    for (int i = 0; i < 10_000; i++) {
      String body = "330783" + (1960 + i % 50) + String.format("%02d", 1 + i % 12) + String.format("%02d", 1 + i % 28)
          + String.format("%03d", i % 1000);
      String id = body + CitizenIdNumber.checkCharacter(body);
      if (i == 4321) {
        id = body + (CitizenIdNumber.checkCharacter(body) == '0' ? '1' : '0'); // wrong check character
      }
      csv.append("11330782002500001M002,").append(marker).append(i).append(',').append(id).append(",2015-03-")
          .append(String.format("%02d", 1 + i % 28)).append(",,\"").append(marker).append("小店, 第").append(i)
          .append("号\",义乌市稠城街道").append(i).append("号,小吃,3\n");
    }
    long started = System.nanoTime();
    LegacyImport.Job job = imports.start(staff, "legacy.csv", csv.toString());
    assertThat(job.totalRows()).isEqualTo(10_000);

    // three batches, then an interruption (the process stops); progress is what those batches committed
    for (int i = 0; i < 3; i++) {
      assertThat(imports.processBatch(job.id())).isTrue();
    }
    LegacyImport.Job interrupted = imports.job(job.id()).orElseThrow();
    assertThat(interrupted.processedRows()).isEqualTo(3 * LegacyImport.BATCH);
    assertThat(interrupted.percent()).isEqualTo(15);
    assertThat(interrupted.status()).isEqualTo("RUNNING");

    imports.run(job.id()); // resumed
    LegacyImport.Job done = imports.job(job.id()).orElseThrow();
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(done.status()).isEqualTo("DONE");
    assertThat(done.processedRows()).isEqualTo(10_000);
    assertThat(done.issuedRows()).isEqualTo(9_999);
    assertThat(done.rejectedRows()).isEqualTo(1);
    assertThat(imports.rejections(job.id())).singleElement().satisfies(r -> {
      assertThat(r.rowNumber()).isEqualTo(4321 + 2);
      assertThat(r.reason()).contains("持证主体代码");
      assertThat(r.raw()).contains(marker + "4321,");
    });
    assertThat(imports.processBatch(job.id())).isFalse(); // nothing issued twice
    assertThat(jdbc.sql("select count(*) from license.license where holder_name like ? and origin = 'LEGACY'")
        .param(marker + "%").query(Long.class).single()).isEqualTo(9_999);

    License sample = jdbc.sql("select identifier from license.license where holder_name = ?").param(marker + "9999")
        .query(String.class).optional().flatMap(licenses::byIdentifier).orElseThrow();
    assertThat(sample.data()).containsEntry("shopName", marker + "小店, 第9999号");
    assertThat(verifier.verify(sample).signatureValid()).isTrue();
    assertThat(verifier.verify(sample).status()).isEqualTo("CHECK_OVERDUE"); // 营业执照 needs an annual re-check
    System.out.printf("Imported 10,000 legacy rows in %.1f s%n", seconds);
    assertThat(seconds).isLessThan(60);
  }
}
