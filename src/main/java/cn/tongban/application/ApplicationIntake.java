package cn.tongban.application;

import cn.tongban.application.internal.Applications;
import cn.tongban.application.internal.CaseEntitlement;
import cn.tongban.application.internal.Commitment;
import cn.tongban.application.internal.Commitments;
import cn.tongban.application.internal.Deficiency;
import cn.tongban.application.internal.Delivery;
import cn.tongban.application.internal.MaterialInspector;
import cn.tongban.application.internal.StoredMaterial;
import cn.tongban.audit.AuditTrail;
import cn.tongban.catalog.BundleService;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.FieldType;
import cn.tongban.catalog.FormDefinition;
import cn.tongban.catalog.ItemCode;
import cn.tongban.catalog.MaterialRequirement;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.AccountId;
import cn.tongban.identity.Acting;
import cn.tongban.identity.DepartmentCode;
import cn.tongban.identity.PersonDirectory;
import cn.tongban.identity.PersonProfile;
import cn.tongban.identity.Representation;
import cn.tongban.license.SignatureService;
import cn.tongban.platform.crypto.Sm3;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.platform.web.RequestChannel;
import cn.tongban.region.Divisions;
import cn.tongban.storage.MaterialStorage;
import cn.tongban.workflow.CaseWorkflow;
import cn.tongban.workflow.StartCase;
import cn.tongban.workflow.WorkingCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives applications: validates the form and every material at once, stores the files, numbers the case,
 * starts its workflow, and records it, all or nothing. The same idempotency key always yields the same case.
 */
@Service
public class ApplicationIntake {
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String QUERY_CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Catalog catalog;
  private final PersonDirectory persons;
  private final Applications applications;
  private final MaterialInspector inspector;
  private final MaterialStorage storage;
  private final CaseWorkflow workflow;
  private final AuditTrail audit;
  private final TransactionTemplate tx;
  private final Representation representation;
  private final CaseEntitlement entitlement;
  private final SignatureService signatures;
  private final Commitments commitments;
  private final Divisions divisions;
  private final WorkingCalendar calendar;
  private final int toleranceDays;

  ApplicationIntake(Catalog catalog, PersonDirectory persons, Applications applications, MaterialInspector inspector,
      MaterialStorage storage, CaseWorkflow workflow, AuditTrail audit, TransactionTemplate tx,
      Representation representation, CaseEntitlement entitlement, SignatureService signatures,
      Commitments commitments, WorkingCalendar calendar,
      @Value("${tongban.intake.tolerance-working-days:10}") int toleranceDays, Divisions divisions) {
    this.divisions = divisions;
    this.commitments = commitments;
    this.calendar = calendar;
    this.toleranceDays = toleranceDays;
    this.representation = representation;
    this.entitlement = entitlement;
    this.signatures = signatures;
    this.catalog = catalog;
    this.persons = persons;
    this.applications = applications;
    this.inspector = inspector;
    this.storage = storage;
    this.workflow = workflow;
    this.audit = audit;
    this.tx = tx;
  }

  /**
   * Submits an application, or returns the case an earlier submission with the same key created. When the
   * submission names a party, the signed-in person must currently be entitled to act for it (guardian, agent, legal
   * representative or authorized employee), checked now, so a revoked mandate refuses at once.
   */
  public Application submit(Submission s) {
    Acting acting = representation.actFor(s.applicantId().value(), s.onBehalfType(), s.onBehalfId(), s.itemCode());
    return submit(s, acting, RequestChannel.current());
  }

  /**
   * A window clerk's assisted application (帮办) for a registered person ({@code s.applicantId()}): recorded as
   * assisted, naming the clerk, through the WINDOW channel.
   */
  public Application submitAssisted(Submission s, UUID clerkId) {
    return submit(s, representation.assistedBy(clerkId, s.applicantId().value()), RequestChannel.WINDOW);
  }

  private Application submit(Submission s, Acting acting, RequestChannel channel) {
    String key = normalizeKey(s.idempotencyKey());
    if (key != null) {
      Optional<Application> earlier = applications.byIdempotencyKey(acting.applicantId(), key);
      if (earlier.isPresent()) {
        return sameRequest(earlier.get(), s, acting);
      }
    }
    PersonProfile applicant = persons.findPerson(AccountId.of(acting.applicantId()))
        .orElseThrow(() -> PlatformException.notFound("申请人"));
    ServiceItem item = ItemCode.parse(s.itemCode()).flatMap(catalog::publishedItem)
        .orElseThrow(() -> PlatformException.invalid("itemCode", "办理事项不存在或已停止办理"));
    FormDefinition.Validation form = item.form().validate(s.formData() == null ? Map.of() : s.formData());
    List<FieldProblem> problems = new ArrayList<>(form.problems());
    problems.addAll(addressProblems(item, form.values()));
    List<Commitment> committed = new ArrayList<>();
    List<PreparedMaterial> materials = checkMaterials(item, form.values(), s.uploads() == null ? List.of() : s.uploads(),
        s.commitments(), committed, problems);
    Delivery delivery = Delivery.of(s.deliveryMethod(), s.deliveryAddress(), problems);
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    // files first (content-addressed, harmless if the transaction later rolls back), then the case, atomically
    for (PreparedMaterial m : materials) {
      m.storageKey = store(m);
    }
    try {
      return tx.execute(status -> {
        Application created = create(item, applicant, form.values(), materials, key, acting, channel, delivery,
            committed);
        if (key != null) {
          applications.recordRequestFingerprint(created.id(), fingerprint(s, acting));
        }
        return created;
      });
    } catch (DuplicateKeyException e) {
      if (key != null) { // a concurrent retry with the same key won the race
        return sameRequest(applications.byIdempotencyKey(acting.applicantId(), key).orElseThrow(() -> e), s, acting);
      }
      throw e;
    }
  }

  /**
   * Submits a 一件事: one combined form and one set of materials, validated together (every problem at once), then one
   * application per member item, all in one transaction, so either every member case exists or none. Fields with the
   * same name and materials with the same code are given to every member that asks for them.
   */
  public BundleReceipt submitBundle(BundleSubmission s) {
    BundleService bundle = catalog.bundle(s.bundleCode() == null ? "" : s.bundleCode())
        .orElseThrow(() -> PlatformException.invalid("bundleCode", "一件事不存在或已停止办理"));
    String key = normalizeKey(s.idempotencyKey());
    if (key != null && key.length() > 90) {
      throw PlatformException.invalid("idempotencyKey", "一件事的幂等键不能超过90个字符");
    }
    Map<String, String> submitted = s.formData() == null ? Map.of() : s.formData();
    List<Upload> uploads = s.uploads() == null ? List.of() : s.uploads();
    FormDefinition.Validation combined = bundle.form().validate(submitted);
    Set<FieldProblem> problems = new LinkedHashSet<>(combined.problems());
    List<Submission> members = new ArrayList<>();
    for (int k = 0; k < bundle.items().size(); k++) {
      ServiceItem item = bundle.items().get(k);
      Map<String, String> values = new LinkedHashMap<>();
      item.form().fields().forEach(f -> {
        if (submitted.containsKey(f.name())) {
          values.put(f.name(), submitted.get(f.name()));
        }
      });
      List<MaterialRequirement> applicable = item.uploadMaterialsFor(item.form().validate(values).values());
      List<Upload> own = uploads.stream()
          .filter(u -> applicable.stream().anyMatch(m -> m.code().equals(u.requirementCode()))).toList();
      for (MaterialRequirement m : applicable) {
        if (m.required() && own.stream().noneMatch(u -> u.requirementCode().equals(m.code()))) {
          problems.add(new FieldProblem("materials." + m.code(), "请上传“" + m.name() + "”"));
        }
      }
      members.add(new Submission(s.applicantId(), item.code(), values, own, key == null ? null : key + "#" + (k + 1)));
    }
    for (Upload u : uploads) {
      if (bundle.uploadMaterials().stream().noneMatch(m -> m.material().code().equals(u.requirementCode()))) {
        problems.add(new FieldProblem("materials." + u.requirementCode(), "本一件事没有这项材料，或该材料免提交"));
      }
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(List.copyOf(problems));
    }
    return tx.execute(status -> {
      List<Application> apps = members.stream().map(this::submit).toList();
      audit.record("application.bundle-submitted", "bundle", bundle.bundle().code(), bundle.bundle().name() + "："
          + String.join("、", apps.stream().map(a -> a.number() + " " + a.itemName()).toList()));
      return new BundleReceipt(bundle.bundle().code(), bundle.bundle().name(), apps);
    });
  }

  /** An address must name an existing town or street (level 4 of the national divisions). */
  private List<FieldProblem> addressProblems(ServiceItem item, Map<String, String> values) {
    List<FieldProblem> out = new ArrayList<>();
    for (var f : item.form().fields()) {
      String v = values.get(f.name());
      if (f.type() != FieldType.ADDRESS || v == null) {
        continue;
      }
      String code = v.substring(0, v.indexOf('|'));
      if (divisions.find(code).filter(d -> d.level() == 4).isEmpty()) {
        out.add(new FieldProblem(f.name(), f.label() + "的乡镇（街道）代码不存在，请重新选择"));
      }
    }
    return out;
  }

  /**
   * A retry under an Idempotency-Key gets the earlier case only when it is the same request (IETF
   * draft-ietf-httpapi-idempotency-key-header): the same item, party, form values, files and commitments.
   */
  private Application sameRequest(Application earlier, Submission s, Acting acting) {
    boolean same = earlier.itemCode().value().equals(s.itemCode()) && applications.requestFingerprint(earlier.id())
        .map(f -> f.equals(fingerprint(s, acting))).orElse(true);
    if (!same) {
      throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
          "该幂等键已用于另一份申请，内容不一致；重试请发送相同内容，新申请请使用新的幂等键。",
          List.of(new FieldProblem("Idempotency-Key", "已用于内容不同的另一份申请")));
    }
    return earlier;
  }

  /** SM3 over a canonical form of the request: item, party, delivery, sorted form values, files and commitments. */
  static String fingerprint(Submission s, Acting acting) {
    StringBuilder b = new StringBuilder();
    b.append("item=").append(s.itemCode()).append('\n').append("applicant=").append(acting.applicantId()).append('\n')
        .append("party=").append(s.onBehalfType()).append(':').append(s.onBehalfId()).append('\n')
        .append("delivery=").append(s.deliveryMethod()).append('|').append(s.deliveryAddress()).append('\n');
    new java.util.TreeMap<>(s.formData() == null ? Map.<String, String>of() : s.formData())
        .forEach((k, v) -> b.append("f:").append(k).append('=').append(v == null ? "" : v.strip()).append('\n'));
    (s.uploads() == null ? List.<Upload>of() : s.uploads()).stream()
        .map(u -> u.requirementCode() + "|" + u.fileName() + "|" + cn.tongban.platform.crypto.Sm3.hex(
            u.content() == null ? new byte[0] : u.content()))
        .sorted().forEach(u -> b.append("m:").append(u).append('\n'));
    s.commitments().stream().sorted().forEach(c -> b.append("c:").append(c).append('\n'));
    return cn.tongban.platform.crypto.Sm3.hex(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private Application create(ServiceItem item, PersonProfile applicant, Map<String, String> values,
      List<PreparedMaterial> materials, String key, Acting acting, RequestChannel channel, Delivery delivery,
      List<Commitment> committed) {
    LocalDate today = LocalDate.now(CHINA);
    String number = item.regionCode() + today.format(DateTimeFormatter.BASIC_ISO_DATE)
        + String.format("%06d", applications.nextDailySequence(today));
    Application.CaseItem applied = new Application.CaseItem(ItemCode.of(item.code()), item.version(), item.name(),
        DepartmentCode.of(item.departmentCode()), item.departmentName());
    Application app = Application.submit(new Application.Filing(ApplicationId.random(), number, queryCode(), applied,
        new Application.Applicant(applicant.accountId(), applicant.name(), applicant.citizenId()), channel.name(), key,
        values), ActingParty.of(acting), acting.submitterLabel() + "（" + channel.label() + "）");
    app.startedAs(workflow.startCase(new StartCase(app.id().value(), number, applied.code(), item.name(),
        applicant.name(), item.processKey(), applied.departmentCode(), item.promisedDays(), item.statutoryDays(),
        item.regionCode())));
    applications.insert(app);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    for (PreparedMaterial m : materials) {
      applications.insertMaterial(new StoredMaterial(UUID.randomUUID(), app.id().value(), m.requirement.code(),
          m.fileName, m.contentType, m.content.length, m.sm3, m.storageKey, now));
    }
    applications.insertDelivery(app.id().value(), delivery);
    for (Commitment c : committed) {
      commitments.insert(new Commitment(UUID.randomUUID(), app.id().value(), c.kind(), c.requirementCode(),
          c.materialName(), c.text(), c.dueOn(), "OPEN", null, null, null));
    }
    // the applicant's electronic signature over the canonical form data and the SM3 of every material
    Map<String, String> signed = new LinkedHashMap<>();
    signed.put("item", item.code() + "@" + item.version());
    values.forEach((k, v) -> signed.put("form." + k, v));
    for (int i = 0; i < materials.size(); i++) {
      PreparedMaterial m = materials.get(i);
      signed.put("material." + m.requirement.code() + "." + i, m.fileName + ";sm3=" + m.sm3);
    }
    for (Commitment c : committed) {
      signed.put("commitment." + c.requirementCode(), c.kind() + ";" + c.text());
    }
    signed.put("delivery", delivery.method() + (delivery.address() == null ? "" : ";" + delivery.address()));
    var signature = signatures.sign(SignatureService.Signer.person(applicant.citizenId(), applicant.name()),
        "application.submission", number, signed);
    audit.record("application.submitted", "application", number,
        item.name() + "（第" + item.version() + "版），材料 " + materials.size() + " 份"
            + (app.acting().label() == null ? "" : "，" + app.acting().label())
            + (committed.isEmpty() ? "" : "，" + String.join("、", committed.stream()
                .map(c -> c.kindLabel() + "“" + c.materialName() + "”").toList()))
            + "，申请人已签名 SM3 "
            + signature.contentSm3().substring(0, 16) + "…，领取方式：" + delivery.label());
    return app;
  }

  /** The applicant corrects a case that awaits 补正: new form values and replacement materials, then back to 受理. */
  public Application resubmit(ApplicationId applicationId, AccountId applicantId, Map<String, String> formData,
      List<Upload> uploads) {
    Application current = applications.byId(applicationId.value())
        .filter(a -> entitlement.reaches(a, applicantId.value()))
        .orElseThrow(() -> PlatformException.notFound("办件"));
    if (current.status() != ApplicationStatus.SUPPLEMENT_REQUIRED) {
      throw new IllegalTransitionException(current.status(), ApplicationStatus.SUBMITTED);
    }
    ServiceItem item = catalog.itemVersion(current.itemCode(), current.itemVersion())
        .orElseThrow(() -> PlatformException.notFound("事项"));
    Map<String, String> merged = new LinkedHashMap<>(current.formData());
    if (formData != null) {
      merged.putAll(formData);
    }
    FormDefinition.Validation form = item.form().validate(merged);
    List<FieldProblem> problems = new ArrayList<>(form.problems());
    problems.addAll(addressProblems(item, form.values()));
    List<PreparedMaterial> replacements = new ArrayList<>();
    for (Upload u : uploads == null ? List.<Upload>of() : uploads) {
      Optional<MaterialRequirement> req = item.uploadMaterials().stream()
          .filter(m -> m.code().equals(u.requirementCode())).findFirst();
      if (req.isEmpty()) {
        problems.add(new FieldProblem("materials." + u.requirementCode(), "本事项没有这项材料"));
        continue;
      }
      prepare(req.get(), u, problems).ifPresent(replacements::add);
    }
    for (Deficiency d : commitments.latestDeficiencies(applicationId.value())) {
      String code = d.target().startsWith("materials.") ? d.target().substring("materials.".length()) : null;
      if (code != null && (uploads == null || uploads.stream().noneMatch(u -> code.equals(u.requirementCode())))) {
        problems.add(new FieldProblem(d.target(), "请重新上传" + d.label() + "（补正原因：" + d.reason() + "）"));
      }
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    for (PreparedMaterial m : replacements) {
      m.storageKey = store(m);
    }
    return tx.execute(status -> {
      Application app = applications.byIdForUpdate(applicationId.value()).orElseThrow();
      app.resubmit(form.values(), "申请人（" + RequestChannel.current().label() + "）");
      applications.update(app);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      for (PreparedMaterial m : replacements) {
        applications.insertMaterial(new StoredMaterial(UUID.randomUUID(), app.id().value(), m.requirement.code(),
            m.fileName, m.contentType, m.content.length, m.sm3, m.storageKey, now));
      }
      workflow.supplementReceived(app.id().value());
      audit.record("application.resubmitted", "application", app.number(), "补正材料 " + replacements.size() + " 份");
      return app;
    });
  }

  /** The handling department records the tracking number of a result sent by mail. */
  public void recordTrackingNumber(ApplicationId applicationId, DepartmentCode departmentCode, String trackingNumber) {
    String t = trackingNumber == null ? "" : trackingNumber.trim();
    if (!t.matches("[0-9A-Za-z-]{6,40}")) {
      throw PlatformException.invalid("trackingNumber", "请填写正确的快递单号");
    }
    tx.executeWithoutResult(status -> {
      Application app = applications.byIdForUpdate(applicationId.value())
          .filter(a -> a.departmentCode().equals(departmentCode)).orElseThrow(() -> PlatformException.notFound("办件"));
      if (!applications.recordTrackingNumber(app.id().value(), t)) {
        throw PlatformException.conflict("NOT_MAILED", "该办件未选择邮寄送达。");
      }
      audit.record("application.mailed", "application", app.number(), "结果已邮寄，快递单号 " + t);
    });
  }

  /** The applicant withdraws a case that has not been accepted yet. */
  public Application withdraw(ApplicationId applicationId, AccountId applicantId, String reason) {
    return tx.execute(status -> {
      Application app = applications.byIdForUpdate(applicationId.value())
          .filter(a -> entitlement.reaches(a, applicantId.value()))
          .orElseThrow(() -> PlatformException.notFound("办件"));
      app.withdraw("申请人", reason);
      applications.update(app);
      workflow.cancel(app.id().value(), "申请人撤回");
      audit.record("application.withdrawn", "application", app.number(), reason);
      return app;
    });
  }

  /** Checks the uploads against the materials that apply in the situation the form values answer (情形). */
  private List<PreparedMaterial> checkMaterials(ServiceItem item, Map<String, String> values, List<Upload> uploads,
      List<String> committedCodes, List<Commitment> committed, List<FieldProblem> problems) {
    List<PreparedMaterial> out = new ArrayList<>();
    List<MaterialRequirement> applicable = item.uploadMaterialsFor(values);
    for (String code : committedCodes) {
      Optional<MaterialRequirement> req = applicable.stream().filter(m -> m.code().equals(code)).findFirst();
      boolean uploaded = uploads.stream().anyMatch(u -> u.requirementCode().equals(code));
      if (req.isEmpty() || uploaded) {
        problems.add(new FieldProblem("commitments." + code, req.isEmpty() ? "本事项在您选择的情形下没有这项材料"
            : "已上传的材料无需再作承诺"));
      } else if (item.tolerates(req.get())) {
        LocalDate due = calendar.addWorkingDays(LocalDate.now(CHINA), toleranceDays);
        committed.add(new Commitment(null, null, "TOLERANCE", code, req.get().name(),
            Commitment.tolerance(req.get().name(), due), due, "OPEN", null, null, null));
      } else if (item.acceptsPledgeFor(req.get())) {
        committed.add(new Commitment(null, null, "PLEDGE", code, req.get().name(), Commitment.pledge(req.get().name()),
            null, "OPEN", null, null, null));
      } else {
        problems.add(new FieldProblem("commitments." + code,
            "“" + req.get().name() + "”不在本事项的容缺受理或告知承诺清单内，请上传"));
      }
    }
    for (Upload u : uploads) {
      if (applicable.stream().noneMatch(m -> m.code().equals(u.requirementCode()))) {
        boolean exempt = item.guide().materials().stream()
            .anyMatch(m -> m.code().equals(u.requirementCode()) && m.exemptFromSubmission());
        boolean otherSituation = item.uploadMaterials().stream().anyMatch(m -> m.code().equals(u.requirementCode()));
        problems.add(new FieldProblem("materials." + u.requirementCode(),
            exempt ? "该材料通过数据共享或电子证照获取，无需提交"
                : otherSituation ? "按您选择的办理情形，无需提交这项材料" : "本事项没有这项材料"));
      }
    }
    for (MaterialRequirement req : applicable) {
      List<Upload> given = uploads.stream().filter(u -> u.requirementCode().equals(req.code())).toList();
      if (given.isEmpty()) {
        boolean promised = committed.stream().anyMatch(c -> c.requirementCode().equals(req.code()));
        if (req.required() && !promised) {
          problems.add(new FieldProblem("materials." + req.code(), "请上传“" + req.name() + "”"
              + (item.tolerates(req) ? "，或选择容缺受理并承诺限期补交"
                  : item.acceptsPledgeFor(req) ? "，或以告知承诺代替" : "")));
        }
        continue;
      }
      for (Upload u : given) {
        prepare(req, u, problems).ifPresent(out::add);
      }
    }
    return out;
  }

  private Optional<PreparedMaterial> prepare(MaterialRequirement req, Upload u, List<FieldProblem> problems) {
    byte[] content = u.content() == null ? new byte[0] : u.content();
    Optional<String> problem = inspector.problem(content);
    if (problem.isPresent()) {
      problems.add(new FieldProblem("materials." + req.code(), "“" + req.name() + "”：" + problem.get()));
      return Optional.empty();
    }
    String name = u.fileName() == null || u.fileName().isBlank() ? req.name() : u.fileName().trim();
    name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
    if (name.length() > 200) {
      name = name.substring(name.length() - 200);
    }
    return Optional.of(new PreparedMaterial(req, name, MaterialInspector.sniff(content).orElseThrow(), content,
        Sm3.hex(content)));
  }

  private String store(PreparedMaterial m) {
    try {
      return storage.store(m.content, m.sm3);
    } catch (IOException e) {
      throw new UncheckedIOException("material storage failed", e);
    }
  }

  private static String normalizeKey(String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    String k = key.trim();
    if (k.length() > 100) {
      throw PlatformException.invalid("idempotencyKey", "幂等键不能超过100个字符");
    }
    return k;
  }

  private static String queryCode() {
    StringBuilder sb = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      sb.append(QUERY_CODE_CHARS.charAt(RANDOM.nextInt(QUERY_CODE_CHARS.length())));
    }
    return sb.toString();
  }

  private static final class PreparedMaterial {
    final MaterialRequirement requirement;
    final String fileName;
    final String contentType;
    final byte[] content;
    final String sm3;
    String storageKey;

    PreparedMaterial(MaterialRequirement requirement, String fileName, String contentType, byte[] content, String sm3) {
      this.requirement = requirement;
      this.fileName = fileName;
      this.contentType = contentType;
      this.content = content;
      this.sm3 = sm3;
    }
  }
}
