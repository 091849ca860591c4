package cn.tongban.catalog.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes to the catalog: draft → review → published. A change to a published item is a new version; the published
 * version stays in force (and applications made under it keep it) until the new one is published. Every step is in
 * the item's history (who, what, which elements) and in the audit trail. Staff change the items of their own
 * department; an import loads a city's catalog and is refused whole if any item is wrong.
 */
@Service
public class CatalogEditor {
  public static final Map<String, String> LABELS = labels();

  private final ServiceItems items;
  private final ItemChanges changes;
  private final AuditTrail audit;
  private final JsonMapper json;
  private final CatalogSearch search;

  CatalogEditor(ServiceItems items, ItemChanges changes, AuditTrail audit, JsonMapper json, CatalogSearch search) {
    this.items = items;
    this.changes = changes;
    this.audit = audit;
    this.json = json;
    this.search = search;
  }

  record Actor(String id, String name) {}

  public record ImportResult(int added, int changed, int unchanged, List<String> codes) {}

  /** Saves the item as the draft of its next version (or changes the existing draft). */
  @Transactional
  public ServiceItem saveDraft(ServiceItem item, String note) {
    List<FieldProblem> problems = ItemRules.check(item);
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    Actor actor = editorOf(item.departmentCode());
    int latest = items.lockLatestVersion(item.code());
    Optional<ServiceItems.Version> open = items.openForUpdate(item.code());
    Optional<ServiceItem> published = items.publishedByCode(item.code());
    published.ifPresent(p -> requireSameDepartment(p, item));
    List<String> fields = changedFields(published.orElse(null), item);
    if (open.isPresent()) {
      ServiceItems.Version v = open.get();
      if ("REVIEW".equals(v.status())) {
        throw PlatformException.conflict("ITEM_UNDER_REVIEW", "该事项第" + v.item().version() + "版正在审核，审核退回后才能修改。");
      }
      ServiceItem draft = item.asVersion(v.item().version());
      items.replaceDraft(draft, actor.name(), note);
      changes.add(item.code(), draft.version(), "CHANGED", actor.id(), actor.name(), fields, note);
      audit.record("catalog.draft-changed", "service_item", item.code(), "第" + draft.version() + "版草稿：" + summary(fields));
      return items.byCodeAndVersion(item.code(), draft.version()).orElseThrow();
    }
    if (published.isPresent() && fields.isEmpty()) {
      throw PlatformException.invalid("code", "与已发布的第" + published.get().version() + "版相比没有任何改动");
    }
    ServiceItem draft = item.asVersion(latest + 1);
    items.insert(draft, "DRAFT", actor.name(), note);
    changes.add(item.code(), draft.version(), "DRAFTED", actor.id(), actor.name(), fields, note);
    audit.record("catalog.draft-created", "service_item", item.code(), "第" + draft.version() + "版草稿：" + summary(fields));
    return items.byCodeAndVersion(item.code(), draft.version()).orElseThrow();
  }

  @Transactional
  public ServiceItem submitForReview(String code) {
    ServiceItems.Version v = open(code, "DRAFT", "没有待提交的草稿");
    Actor actor = editorOf(v.item().departmentCode());
    items.setStatus(code, v.item().version(), "DRAFT", "REVIEW");
    changes.add(code, v.item().version(), "SUBMITTED", actor.id(), actor.name(), List.of(), null);
    audit.record("catalog.submitted", "service_item", code, "第" + v.item().version() + "版提交审核");
    return v.item();
  }

  @Transactional
  public ServiceItem returnForChanges(String code, String reason) {
    ServiceItems.Version v = open(code, "REVIEW", "没有待审核的版本");
    Actor actor = editorOf(v.item().departmentCode());
    if (reason == null || reason.isBlank()) {
      throw PlatformException.invalid("reason", "请写明退回理由");
    }
    items.setStatus(code, v.item().version(), "REVIEW", "DRAFT");
    changes.add(code, v.item().version(), "RETURNED", actor.id(), actor.name(), List.of(), reason);
    audit.record("catalog.returned", "service_item", code, "第" + v.item().version() + "版退回：" + reason);
    return v.item();
  }

  /** Publishes the version under review; the version in force until now is superseded. */
  @Transactional
  public ServiceItem publish(String code) {
    ServiceItems.Version v = open(code, "REVIEW", "没有待审核的版本");
    Actor actor = editorOf(v.item().departmentCode());
    items.supersedePublished(code);
    items.setStatus(code, v.item().version(), "REVIEW", "PUBLISHED");
    changes.add(code, v.item().version(), "PUBLISHED", actor.id(), actor.name(), List.of(), null);
    audit.record("catalog.published", "service_item", code, "第" + v.item().version() + "版发布：" + v.item().name());
    search.refreshAfterCommit();
    return items.publishedByCode(code).orElseThrow();
  }

  /**
   * Imports items over the API, by a signed-in staff member, under the same rules as the draft path: every item
   * must belong to the staff member's own department (as must its published version: an import moves no item to
   * another department), and each item that differs from its published version becomes a draft of its next
   * version, to be submitted for review and published like any other. Every item is checked first and the file is
   * refused whole with every problem, named by item and field; identical items are left as they are.
   */
  @Transactional
  public ImportResult importItems(List<ServiceItem> incoming) {
    TongbanUser user = TongbanUser.current().filter(TongbanUser::isStaff)
        .orElseThrow(() -> new PlatformException(HttpStatus.FORBIDDEN, "FORBIDDEN", "只有工作人员可以导入事项。"));
    Actor actor = new Actor(user.actorId(), user.displayName() + "（" + user.departmentName() + "）");
    return load(incoming, actor, user.departmentCode(), "DRAFT");
  }

  /**
   * Loads a city's catalog from the command line ({@code ./tongban catalog import}): an operator with access to the
   * server and its database, not a web user, so the items are published at once.
   */
  @Transactional
  public ImportResult importItems(List<ServiceItem> incoming, Actor actor) {
    return load(incoming, actor, null, "PUBLISHED");
  }

  private ImportResult load(List<ServiceItem> incoming, Actor actor, String department, String status) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int k = 0; k < incoming.size(); k++) {
      ServiceItem item = incoming.get(k);
      String at = "items[" + k + "]";
      String who = (item.name() == null ? "" : item.name()) + "（" + (item.code() == null ? "无编码" : item.code()) + "）：";
      for (FieldProblem p : ItemRules.check(item)) {
        problems.add(new FieldProblem(at + "." + p.field(), who + p.message()));
      }
      if (item.code() != null && seen.putIfAbsent(item.code(), k) != null) {
        problems.add(new FieldProblem(at + ".code", who + "与第" + (seen.get(item.code()) + 1) + "项的事项编码重复"));
      }
      if (item.code() != null && items.openForUpdate(item.code()).isPresent()) {
        problems.add(new FieldProblem(at + ".code", who + "有未发布的草稿或待审核版本，请先处理"));
      }
      if (department != null && !department.equals(item.departmentCode())) {
        problems.add(new FieldProblem(at + ".departmentCode", who + "只能导入本部门的事项"));
      }
      Optional<ServiceItem> published = item.code() == null ? Optional.empty() : items.publishedByCode(item.code());
      if (department != null && published.isPresent() && !department.equals(published.get().departmentCode())) {
        problems.add(new FieldProblem(at + ".code", who + "该事项属于" + published.get().departmentName() + "，不能导入"));
      } else if (published.isPresent() && item.departmentCode() != null
          && !published.get().departmentCode().equals(item.departmentCode())) {
        problems.add(new FieldProblem(at + ".departmentCode", who + "实施部门不能通过导入改变，请由原部门办理划转"));
      }
    }
    if (incoming.isEmpty()) {
      problems.add(new FieldProblem("items", "文件中没有事项"));
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    List<String> codes = new ArrayList<>();
    boolean publish = "PUBLISHED".equals(status);
    for (ServiceItem item : incoming) {
      int latest = items.lockLatestVersion(item.code());
      Optional<ServiceItem> published = items.publishedByCode(item.code());
      List<String> fields = changedFields(published.orElse(null), item);
      if (published.isPresent() && fields.isEmpty()) {
        unchanged++;
        continue;
      }
      ServiceItem version = item.asVersion(latest + 1);
      if (publish) {
        items.supersedePublished(item.code());
      }
      items.insert(version, status, actor.name(), "导入");
      changes.add(item.code(), version.version(), publish ? "IMPORTED" : "DRAFTED", actor.id(), actor.name(), fields,
          "导入");
      codes.add(item.code() + " v" + version.version());
      if (published.isPresent()) {
        changed++;
      } else {
        added++;
      }
    }
    audit.record("catalog.imported", "catalog", "items", (publish ? "发布" : "导入为草稿") + "：新增 " + added
        + " 项，更新 " + changed + " 项，未变 " + unchanged + " 项");
    if (publish) {
      search.refreshAfterCommit();
    }
    return new ImportResult(added, changed, unchanged, codes);
  }

  /** The elements that differ between two versions (empty if they are the same). */
  List<String> changedFields(ServiceItem before, ServiceItem after) {
    if (before == null) {
      return List.of();
    }
    JsonNode a = json.valueToTree(before.asVersion(0));
    JsonNode b = json.valueToTree(after.asVersion(0));
    List<String> fields = new ArrayList<>();
    for (Iterator<String> it = b.propertyNames().iterator(); it.hasNext();) {
      String f = it.next();
      if ("guide".equals(f)) {
        for (Iterator<String> g = b.get("guide").propertyNames().iterator(); g.hasNext();) {
          String gf = g.next();
          if (!Objects.equals(a.get("guide").get(gf), b.get("guide").get(gf))) {
            fields.add("guide." + gf);
          }
        }
      } else if (!Objects.equals(a.get(f), b.get(f))) {
        fields.add(f);
      }
    }
    return fields;
  }

  static String summary(List<String> fields) {
    return fields.isEmpty() ? "新事项" : "修改了" + String.join("、", fields.stream().map(f -> LABELS.getOrDefault(f, f)).toList());
  }

  private ServiceItems.Version open(String code, String status, String missing) {
    items.lockLatestVersion(code);
    return items.openForUpdate(code).filter(v -> v.status().equals(status))
        .orElseThrow(() -> PlatformException.conflict("NO_" + status, missing + "。"));
  }

  private void requireSameDepartment(ServiceItem published, ServiceItem item) {
    if (!published.departmentCode().equals(item.departmentCode())) {
      throw PlatformException.invalid("departmentCode", "实施部门不能通过修改改变，请由原部门办理划转");
    }
  }

  private Actor editorOf(String departmentCode) {
    TongbanUser user = TongbanUser.current().filter(TongbanUser::isStaff)
        .orElseThrow(() -> new PlatformException(HttpStatus.FORBIDDEN, "FORBIDDEN", "只有工作人员可以维护事项。"));
    if (!departmentCode.equals(user.departmentCode())) {
      throw new PlatformException(HttpStatus.FORBIDDEN, "FORBIDDEN", "只能维护本部门（" + user.departmentName() + "）的事项。");
    }
    return new Actor(user.actorId(), user.displayName() + "（" + user.departmentName() + "）");
  }

  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", "事项名称"); m.put("type", "事项类型"); m.put("baseCode", "基本编码");
    m.put("departmentName", "实施部门"); m.put("departmentCode", "部门编码"); m.put("departmentCreditCode", "部门信用代码");
    m.put("regionCode", "区划代码"); m.put("regionName", "实施区域"); m.put("regionLevel", "行使层级");
    m.put("statutoryDays", "法定办结时限"); m.put("promisedDays", "承诺办结时限"); m.put("immediate", "办件类型");
    m.put("visitsRequired", "到现场次数"); m.put("processKey", "审批流程"); m.put("licenseTypeCode", "证照类型");
    m.put("licenseValidityYears", "证照有效期"); m.put("onlineDepth", "网办深度"); m.put("tags", "服务标签");
    m.put("lifeEvents", "主题"); m.put("keywords", "检索关键词");
    m.put("guide.conditions", "受理条件"); m.put("guide.legalBasis", "法律依据"); m.put("guide.fee", "收费情况");
    m.put("guide.processSteps", "办理流程"); m.put("guide.windowAddress", "办理窗口"); m.put("guide.windowHours", "办理时间");
    m.put("guide.consultPhone", "咨询电话"); m.put("guide.complaintPhone", "投诉电话"); m.put("guide.resultName", "审批结果");
    m.put("guide.rightsAndObligations", "权利义务"); m.put("guide.legalRemedy", "法律救济"); m.put("guide.faqs", "常见问题");
    m.put("guide.materials", "办理材料"); m.put("guide.form", "申请表"); m.put("guide.situations", "办理情形");
    m.put("guide.situationalConditions", "情形条件"); m.put("guide.resultSample", "结果样本");
    m.put("guide.departmentAddress", "部门地址"); m.put("guide.departmentPhone", "部门电话"); m.put("guide.handlingMode", "办理形式");
    return Map.copyOf(m);
  }
}
