package cn.tongban.catalog.internal;

import cn.tongban.catalog.FieldType;
import cn.tongban.catalog.FormField;
import cn.tongban.catalog.Guide;
import cn.tongban.catalog.ItemType;
import cn.tongban.catalog.MaterialRequirement;
import cn.tongban.catalog.RegionLevel;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.catalog.Situation;
import cn.tongban.identity.CreditCode;
import cn.tongban.platform.web.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules every version of an item must satisfy before it is stored, all reported at once, each with the path of
 * the offending element (e.g. {@code guide.materials[layout].source}) and a message a city's catalog editor can act on.
 */
public final class ItemRules {
  private static final Set<String> SOURCES = Set.of("APPLICANT", "SHARED", "LICENSE");

  private ItemRules() {}

  public static List<FieldProblem> check(ServiceItem i) {
    List<FieldProblem> p = new ArrayList<>();
    if (blank(i.code())) {
      p.add(new FieldProblem("code", "事项编码不能为空"));
    } else if (!i.code().matches("[0-9A-Za-z-]{1,50}")) {
      p.add(new FieldProblem("code", "事项编码只能由字母、数字和连字符组成，不超过50位"));
    }
    if (blank(i.name())) {
      p.add(new FieldProblem("name", "事项名称不能为空"));
    }
    if (i.type() == null) {
      p.add(new FieldProblem("type", "请填写事项类型"));
    }
    if (i.baseCode() != null && i.baseCode().length() > 12) {
      p.add(new FieldProblem("baseCode", "基本编码不超过12位"));
    }
    if (blank(i.departmentCode()) || blank(i.departmentName())) {
      p.add(new FieldProblem("departmentName", "请填写实施部门"));
    }
    if (!CreditCode.isValid(i.departmentCreditCode())) {
      p.add(new FieldProblem("departmentCreditCode", "实施部门统一社会信用代码不正确"));
    }
    int digits = switch (i.regionLevel()) {
      case CITY, DISTRICT -> 6;
      case TOWN -> 9;
      case VILLAGE -> 12;
    };
    if (i.regionCode() == null || !i.regionCode().matches("\\d{" + digits + "}")) {
      p.add(new FieldProblem("regionCode", i.regionLevel().label() + "实施清单的区划代码应为" + digits + "位数字"));
    }
    if (blank(i.regionName())) {
      p.add(new FieldProblem("regionName", "请填写实施区域"));
    }
    if (i.regionLevel() == RegionLevel.VILLAGE && i.type() != ItemType.PUBLIC_SERVICE) {
      p.add(new FieldProblem("regionLevel", "村（社区）级只能实施公共服务事项"));
    }
    if (i.statutoryDays() < 0) {
      p.add(new FieldProblem("statutoryDays", "法定办结时限不能为负数"));
    }
    if (i.promisedDays() < 0) {
      p.add(new FieldProblem("promisedDays", "承诺办结时限不能为负数"));
    }
    if (i.promisedDays() > i.statutoryDays()) {
      p.add(new FieldProblem("promisedDays",
          "承诺办结时限（" + i.promisedDays() + "个工作日）不能超过法定办结时限（" + i.statutoryDays() + "个工作日）"));
    }
    if (i.immediate() && i.promisedDays() > 0) {
      p.add(new FieldProblem("immediate", "即办件的承诺办结时限应为0个工作日（当场办结）"));
    }
    if (i.visitsRequired() < 0) {
      p.add(new FieldProblem("visitsRequired", "到现场次数不能为负数"));
    }
    if (i.onlineDepth() < 1 || i.onlineDepth() > 4) {
      p.add(new FieldProblem("onlineDepth", "网办深度应为1至4级"));
    }
    if (blank(i.processKey())) {
      p.add(new FieldProblem("processKey", "请填写办理流程"));
    }
    if (i.guide() == null) {
      p.add(new FieldProblem("guide", "缺少办事指南"));
      return p;
    }
    guide(i.guide(), p);
    return p;
  }

  private static void guide(Guide g, List<FieldProblem> p) {
    Map<String, Function<Guide, String>> required = new LinkedHashMap<>();
    required.put("conditions", Guide::conditions);
    required.put("legalBasis", Guide::legalBasis);
    required.put("fee", Guide::fee);
    required.put("windowAddress", Guide::windowAddress);
    required.put("windowHours", Guide::windowHours);
    required.put("consultPhone", Guide::consultPhone);
    required.put("complaintPhone", Guide::complaintPhone);
    required.put("resultName", Guide::resultName);
    required.put("rightsAndObligations", Guide::rightsAndObligations);
    required.put("legalRemedy", Guide::legalRemedy);
    Map<String, String> labels = Map.of("conditions", "受理条件", "legalBasis", "法律依据", "fee", "收费情况",
        "windowAddress", "办理窗口地址", "windowHours", "办理时间", "consultPhone", "咨询电话", "complaintPhone",
        "投诉电话", "resultName", "审批结果名称", "rightsAndObligations", "权利和义务", "legalRemedy", "法律救济");
    required.forEach((field, getter) -> {
      if (blank(getter.apply(g))) {
        p.add(new FieldProblem("guide." + field, "办事指南缺少“" + labels.get(field) + "”"));
      }
    });
    if (g.processSteps().isEmpty()) {
      p.add(new FieldProblem("guide.processSteps", "办事指南缺少“办理流程”"));
    }
    Set<String> names = new HashSet<>();
    for (FormField f : g.form().fields()) {
      if (blank(f.name()) || f.type() == null) {
        p.add(new FieldProblem("guide.form", "表单字段须有名称和类型"));
        continue;
      }
      if (!names.add(f.name())) {
        p.add(new FieldProblem("guide.form." + f.name(), "表单字段名重复"));
      }
      if (f.type() == FieldType.SELECT && f.options().isEmpty()) {
        p.add(new FieldProblem("guide.form." + f.name(), "下拉选择字段须列出选项"));
      }
    }
    Map<String, Situation> situations = new LinkedHashMap<>();
    for (Situation s : g.situations()) {
      String at = "guide.situations[" + s.code() + "]";
      if (blank(s.code()) || blank(s.question())) {
        p.add(new FieldProblem("guide.situations", "情形须有编码和问题"));
        continue;
      }
      if (situations.put(s.code(), s) != null) {
        p.add(new FieldProblem(at, "情形编码重复"));
      }
      if (s.options().size() < 2) {
        p.add(new FieldProblem(at + ".options", "情形“" + s.question() + "”至少要有两个选项"));
      }
      g.form().fields().stream().filter(f -> f.name().equals(s.code())).findFirst().ifPresent(f -> {
        if (f.type() != FieldType.SELECT || !f.options().equals(s.options())) {
          p.add(new FieldProblem(at, "与情形同名的表单字段须是选项相同的下拉选择"));
        }
      });
    }
    Set<String> materials = new HashSet<>();
    for (MaterialRequirement m : g.materials()) {
      String at = "guide.materials[" + m.code() + "]";
      if (blank(m.code()) || blank(m.name())) {
        p.add(new FieldProblem("guide.materials", "材料须有编码和名称"));
        continue;
      }
      if (!materials.add(m.code())) {
        p.add(new FieldProblem(at, "材料编码重复"));
      }
      if (!SOURCES.contains(m.source())) {
        p.add(new FieldProblem(at + ".source", "材料来源须为 APPLICANT（申请人提供）、LICENSE（电子证照）或 SHARED（数据共享）"));
      }
      if ("LICENSE".equals(m.source()) && blank(m.licenseType())) {
        p.add(new FieldProblem(at + ".licenseType", "由电子证照提供的材料须写明证照类型"));
      }
      if ("SHARED".equals(m.source()) && blank(m.sharedData())) {
        p.add(new FieldProblem(at + ".sharedData", "由数据共享提供的材料须写明共享数据项"));
      }
      if (m.originals() < 0 || m.copies() < 0) {
        p.add(new FieldProblem(at + ".copies", "份数不能为负数"));
      }
      terms(m.appliesWhen(), situations, at + ".appliesWhen", p);
    }
    for (int k = 0; k < g.situationalConditions().size(); k++) {
      Guide.Clause c = g.situationalConditions().get(k);
      String at = "guide.situationalConditions[" + k + "]";
      if (blank(c.text())) {
        p.add(new FieldProblem(at, "条件内容不能为空"));
      }
      terms(c.appliesWhen(), situations, at + ".appliesWhen", p);
    }
  }

  private static void terms(List<String> when, Map<String, Situation> situations, String at, List<FieldProblem> p) {
    for (String term : when) {
      int eq = term.indexOf('=');
      Situation s = eq > 0 ? situations.get(term.substring(0, eq)) : null;
      if (s == null) {
        p.add(new FieldProblem(at, "“" + term + "”没有对应的情形（格式：情形编码=选项）"));
      } else if (!s.options().contains(term.substring(eq + 1))) {
        p.add(new FieldProblem(at, "情形“" + s.question() + "”没有选项“" + term.substring(eq + 1) + "”，可选："
            + s.options().stream().collect(Collectors.joining("、"))));
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
