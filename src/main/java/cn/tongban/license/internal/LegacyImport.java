package cn.tongban.license.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.CreditCode;
import cn.tongban.identity.TongbanUser;
import cn.tongban.license.LicenseIdentifier;
import cn.tongban.platform.web.PlatformException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of legacy licenses (存量证照数字化) from CSV: each valid row becomes a license signed with the issuing
 * authority's seal key, each invalid row is rejected with its reason. Rows are processed in batches; each batch
 * commits its licenses, its rejections and the job's progress together, so an interrupted import resumes exactly
 * where it stopped (at the next start, or by anyone asking it to continue) without issuing a row twice.
 *
 * <p>The file's first line names the columns: {@code typeCode,holderName,holderId,issuedOn,validUntil} and then
 * the data fields of the license types by their names (e.g. {@code shopName}). Dates are ISO ({@code 2019-05-01});
 * an empty {@code validUntil} means the type's validity from {@code issuedOn}, or long-term.
 */
@Service
public class LegacyImport {
  static final int BATCH = 500;
  static final List<String> FIXED = List.of("typeCode", "holderName", "holderId", "issuedOn", "validUntil");
  private static final Logger log = LoggerFactory.getLogger(LegacyImport.class);

  public record Job(UUID id, String fileName, int totalRows, int processedRows, int issuedRows, int rejectedRows,
      String status, String departmentCode, String createdBy, Instant createdAt, Instant finishedAt) {
    public int percent() {
      return totalRows == 0 ? 100 : processedRows * 100 / totalRows;
    }
  }

  public record Rejection(int rowNumber, String reason, String raw) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Licenses licenses;
  private final LicenseTypes types;
  private final LicenseIssuer issuer;
  private final AuditTrail audit;
  private final TransactionTemplate tx;
  private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

  private final HolderIds holders;

  LegacyImport(JdbcClient jdbc, JdbcTemplate batch, Licenses licenses, LicenseTypes types, LicenseIssuer issuer,
      AuditTrail audit, TransactionTemplate tx, HolderIds holders) {
    this.holders = holders;
    this.jdbc = jdbc;
    this.batch = batch;
    this.licenses = licenses;
    this.types = types;
    this.issuer = issuer;
    this.audit = audit;
    this.tx = tx;
  }

  /** Registers an import of a CSV file by staff of the issuing department; nothing is issued yet. */
  public Job start(TongbanUser staff, String fileName, String content) {
    if (staff == null || !staff.isStaff()) {
      throw new PlatformException(HttpStatus.FORBIDDEN, "FORBIDDEN", "只有发证部门工作人员可以导入存量证照。");
    }
    String text = content == null ? "" : content.replace("\r\n", "\n").replace("\r", "\n");
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = lines(text);
    if (lines.isEmpty() || !parse(lines.get(0)).containsAll(FIXED)) {
      throw PlatformException.invalid("file", "文件第一行须为列名，至少包含 " + String.join(",", FIXED));
    }
    UUID id = UUID.randomUUID();
    String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_");
    String body = text;
    return tx.execute(s -> {
      jdbc.sql("""
          insert into license.license_import (id, file_name, content_sealed, total_rows, status, department_code,
            created_by, created_at) values (?, ?, ?, ?, 'RUNNING', ?, ?, now())""")
          .params(id, name.length() > 200 ? name.substring(0, 200) : name, holders.seal(body, "legacy-import"),
              lines.size() - 1,
              staff.departmentCode(), staff.departmentName() + " · " + staff.post()).update();
      audit.record("license.import-started", "license-import", id.toString(), name + "，共 " + (lines.size() - 1) + " 行");
      return job(id).orElseThrow();
    });
  }

  /** Runs the import to its end in the background. */
  public void runInBackground(UUID id) {
    runner.submit(() -> {
      try {
        run(id);
      } catch (RuntimeException e) {
        log.error("Legacy license import {} stopped; it resumes at the next start", id, e);
      }
    });
  }

  /** Processes batches until the import is done. */
  void run(UUID id) {
    while (processBatch(id)) {
      // each batch commits on its own
    }
  }

  /** Imports unfinished at start-up (interrupted by a stop or crash) continue where they stopped. */
  @EventListener(ApplicationReadyEvent.class)
  void resumeInterrupted() {
    jdbc.sql("select id from license.license_import where status = 'RUNNING'").query(UUID.class).list()
        .forEach(this::runInBackground);
  }

  /** Processes the next batch of rows in one transaction; false when nothing is left. */
  boolean processBatch(UUID id) {
    return Boolean.TRUE.equals(tx.execute(s -> {
      var row = jdbc.sql("""
          select content_sealed, processed_rows, total_rows, status, department_code from license.license_import
          where id = ? for update""").param(id).query((rs, i) -> new Object[] {
              holders.open(rs.getBytes(1), "legacy-import"), rs.getInt(2),
              rs.getInt(3), rs.getString(4), rs.getString(5)}).optional().orElseThrow();
      if (!"RUNNING".equals(row[3])) {
        return false;
      }
      List<String> lines = lines((String) row[0]);
      List<String> header = parse(lines.get(0));
      int from = (int) row[1];
      int to = Math.min(from + BATCH, (int) row[2]);
      List<License> issued = new ArrayList<>();
      List<Rejection> rejected = new ArrayList<>();
      List<Map.Entry<Integer, Object>> valid = new ArrayList<>();
      Map<String, Optional<LicenseType>> typeCache = new HashMap<>();
      for (int i = from; i < to; i++) {
        int rowNumber = i + 2; // the line number in the file: header is line 1
        String raw = lines.get(i + 1);
        Object result = check(header, raw, (String) row[4], typeCache);
        if (result instanceof String reason) {
          rejected.add(new Rejection(rowNumber, reason, raw.length() > 1000 ? raw.substring(0, 1000) : raw));
        } else {
          valid.add(Map.entry(rowNumber, result));
        }
      }
      List<Long> serials = valid.isEmpty() ? List.of() : licenses.nextSerials(valid.size());
      for (int k = 0; k < valid.size(); k++) {
        Parsed p = (Parsed) valid.get(k).getValue();
        String identifier = LicenseIdentifier.compose(p.type.code(), p.type.issuerCode(),
            LicenseIssuer.serial(p.issuedOn.getYear(), serials.get(k)), 1).value();
        issued.add(issuer.sign(License.draft(UUID.randomUUID(), identifier, p.type.code(), p.type.name(),
            p.holderName, p.holderId, p.type.issuerCode(), p.type.issuerName(), p.issuedOn, p.validUntil, p.data,
            null, "LEGACY")));
      }
      licenses.insertAll(issued);
      batch.batchUpdate("insert into license.license_import_rejection (import_id, row_number, reason, raw_sealed) values (?, ?, ?, ?)",
          rejected.stream().map(r -> new Object[] {id, r.rowNumber(), r.reason(), holders.seal(r.raw(), "legacy-import")})
              .toList());
      boolean done = to >= (int) row[2];
      jdbc.sql("""
          update license.license_import set processed_rows = ?, issued_rows = issued_rows + ?,
            rejected_rows = rejected_rows + ?, status = ?, finished_at = case when ? then now() end where id = ?""")
          .params(to, issued.size(), rejected.size(), done ? "DONE" : "RUNNING", done, id).update();
      if (done) {
        Job j = job(id).orElseThrow();
        audit.record("license.import-finished", "license-import", id.toString(),
            "签发 " + j.issuedRows() + " 本，拒绝 " + j.rejectedRows() + " 行");
      }
      return !done;
    }));
  }

  private record Parsed(LicenseType type, String holderName, String holderId, LocalDate issuedOn, LocalDate validUntil,
      Map<String, String> data) {}

  /** A parsed row, or the reason it is rejected. */
  private Object check(List<String> header, String raw, String department, Map<String, Optional<LicenseType>> cache) {
    List<String> cells = parse(raw);
    if (cells.size() != header.size()) {
      return "列数为 " + cells.size() + "，应为 " + header.size();
    }
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      row.put(header.get(i), cells.get(i).trim());
    }
    Optional<LicenseType> type = cache.computeIfAbsent(row.get("typeCode"), types::byCode);
    if (type.isEmpty()) {
      return "证照类型代码“" + row.get("typeCode") + "”不在证照目录中";
    }
    if (!type.get().departmentCode().equals(department)) {
      return "“" + type.get().name() + "”不由本部门签发";
    }
    String holderName = row.get("holderName");
    if (holderName.isEmpty() || holderName.length() > 100) {
      return "持证主体名称为空或过长";
    }
    String holderId = row.get("holderId").toUpperCase();
    if (!CitizenIdNumber.isValid(holderId) && !CreditCode.isValid(holderId)) {
      return "持证主体代码“" + holderId + "”既不是有效的公民身份号码，也不是有效的统一社会信用代码";
    }
    LocalDate issuedOn;
    LocalDate until;
    try {
      issuedOn = LocalDate.parse(row.get("issuedOn"));
      until = row.get("validUntil").isEmpty() ? null : LocalDate.parse(row.get("validUntil"));
    } catch (DateTimeParseException e) {
      return "日期格式不正确（应为 2019-05-01）";
    }
    if (issuedOn.isAfter(LocalDate.now(LicenseIssuer.CHINA))) {
      return "发证日期晚于今天";
    }
    if (until == null && type.get().validityYears() != null) {
      until = issuedOn.plusYears(type.get().validityYears()).minusDays(1);
    }
    if (until != null && until.isBefore(issuedOn)) {
      return "有效期截止早于发证日期";
    }
    Map<String, String> data = new LinkedHashMap<>();
    for (LicenseType.Field f : type.get().fields()) {
      String v = row.getOrDefault(f.name(), "");
      if (v.isEmpty() && f.required()) {
        return "缺少“" + f.label() + "”";
      }
      if (!v.isEmpty()) {
        data.put(f.name(), v);
      }
    }
    return new Parsed(type.get(), holderName, holderId, issuedOn, until, data);
  }

  public Optional<Job> job(UUID id) {
    return jdbc.sql("select * from license.license_import where id = ?").param(id)
        .query((rs, i) -> new Job(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getInt("total_rows"),
            rs.getInt("processed_rows"), rs.getInt("issued_rows"), rs.getInt("rejected_rows"), rs.getString("status"),
            rs.getString("department_code"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
        .optional();
  }

  public List<Job> jobsOf(String departmentCode) {
    return jdbc.sql("select id from license.license_import where department_code = ? order by created_at desc limit 20")
        .param(departmentCode).query(UUID.class).list().stream().map(i -> job(i).orElseThrow()).toList();
  }

  public List<Rejection> rejections(UUID id) {
    return jdbc.sql("""
        select row_number, reason, raw_sealed from license.license_import_rejection where import_id = ?
        order by row_number limit 1000""").param(id)
        .query((rs, i) -> new Rejection(rs.getInt(1), rs.getString(2), holders.open(rs.getBytes(3), "legacy-import")))
        .list();
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String l : text.split("\n", -1)) {
      if (!l.isBlank()) {
        out.add(l);
      }
    }
    return out;
  }

  /** One CSV line (RFC 4180 quoting, no line breaks inside a field). */
  static List<String> parse(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
