package cn.tongban.application.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.FormField;
import cn.tongban.catalog.MaterialRequirement;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 草稿: an applicant's unfinished form, saved on the server (one per applicant and item) and resumable on any device.
 * Values are kept as typed (no validation beyond the form's fields and a length limit); submitting removes the draft.
 */
@Service
public class ApplicationDrafts {
  static final int MAX_VALUE_LENGTH = 2000;

  public record DraftView(String itemCode, String itemName, Map<String, String> formData, List<String> commitments,
      Instant savedAt) {}

  public record DraftSummary(String itemCode, String itemName, Instant savedAt) {}

  private final Drafts drafts;
  private final Catalog catalog;
  private final AuditTrail audit;

  ApplicationDrafts(Drafts drafts, Catalog catalog, AuditTrail audit) {
    this.drafts = drafts;
    this.catalog = catalog;
    this.audit = audit;
  }

  @Transactional
  public DraftView save(UUID applicantId, String itemCode, Map<String, String> formData, List<String> commitments) {
    ServiceItem item = catalog.publishedItem(itemCode == null ? "" : itemCode)
        .orElseThrow(() -> PlatformException.notFound("事项"));
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (var e : (formData == null ? Map.<String, String>of() : formData).entrySet()) {
      if (item.form().fields().stream().map(FormField::name).noneMatch(e.getKey()::equals)) {
        problems.add(new FieldProblem(e.getKey(), "本事项没有这个字段"));
      } else if (e.getValue() != null && e.getValue().length() > MAX_VALUE_LENGTH) {
        problems.add(new FieldProblem(e.getKey(), "内容过长（最多 " + MAX_VALUE_LENGTH + " 个字）"));
      } else if (e.getValue() != null && !e.getValue().isBlank()) {
        values.put(e.getKey(), e.getValue());
      }
    }
    List<String> committed = new ArrayList<>();
    for (String code : commitments == null ? List.<String>of() : commitments) {
      if (item.uploadMaterials().stream().map(MaterialRequirement::code).noneMatch(code::equals)) {
        problems.add(new FieldProblem("commitments." + code, "本事项没有这项材料"));
      } else if (!committed.contains(code)) {
        committed.add(code);
      }
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    drafts.save(applicantId, item.code(), values, committed, now);
    audit.record("application.draft.saved", "draft", item.code(), "保存草稿（" + values.size() + " 项）");
    return new DraftView(item.code(), item.name(), values, committed, now);
  }

  public Optional<DraftView> find(UUID applicantId, String itemCode) {
    return drafts.find(applicantId, itemCode).map(d -> new DraftView(d.itemCode(), itemName(d.itemCode()),
        d.formData(), d.commitments(), d.savedAt()));
  }

  public List<DraftSummary> list(UUID applicantId) {
    return drafts.of(applicantId).stream()
        .map(d -> new DraftSummary(d.itemCode(), itemName(d.itemCode()), d.savedAt())).toList();
  }

  @Transactional
  public void delete(UUID applicantId, String itemCode) {
    if (!drafts.delete(applicantId, itemCode)) {
      throw PlatformException.notFound("草稿");
    }
    audit.record("application.draft.deleted", "draft", itemCode, "删除草稿");
  }

  /** After a successful submission: the draft has served its purpose. */
  @Transactional
  public void submitted(UUID applicantId, String itemCode) {
    if (drafts.delete(applicantId, itemCode)) {
      audit.record("application.draft.submitted", "draft", itemCode, "草稿已提交为申请");
    }
  }

  private String itemName(String code) {
    return catalog.publishedItem(code).map(ServiceItem::name).orElse(code);
  }
}
