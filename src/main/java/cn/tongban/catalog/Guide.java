package cn.tongban.catalog;

import cn.tongban.catalog.internal.Applicability;
import java.util.List;
import java.util.Map;

/**
 * The elements of an item's 办事指南 beyond its identity and time limits (see 001 第七条): 受理条件 (general and by
 * situation), 法律依据, 收费, 办理流程, 办理窗口, 部门信息, 咨询投诉, 审批结果 (name and sample), 权利义务, 法律救济, 常见问题,
 * 办理材料, the situation questionnaire and the application form.
 */
public record Guide(String conditions, String legalBasis, String fee, List<String> processSteps, String windowAddress,
    String windowHours, String consultPhone, String complaintPhone, String resultName, String rightsAndObligations,
    String legalRemedy, List<Faq> faqs, List<MaterialRequirement> materials, FormDefinition form,
    List<Situation> situations, List<Clause> situationalConditions, String resultSample, String departmentAddress,
    String departmentPhone, String handlingMode) {

  public record Faq(String question, String answer) {}

  /** A condition that applies only in some situations. */
  public record Clause(String text, List<String> appliesWhen) {
    public Clause {
      appliesWhen = appliesWhen == null ? List.of() : List.copyOf(appliesWhen);
    }
  }

  public Guide {
    processSteps = processSteps == null ? List.of() : List.copyOf(processSteps);
    faqs = faqs == null ? List.of() : List.copyOf(faqs);
    materials = materials == null ? List.of() : List.copyOf(materials);
    form = form == null ? new FormDefinition(List.of()) : form;
    situations = situations == null ? List.of() : List.copyOf(situations);
    situationalConditions = situationalConditions == null ? List.of() : List.copyOf(situationalConditions);
  }

  /** The materials that apply to these situation answers (all that may apply when nothing is answered). */
  public List<MaterialRequirement> materialsFor(Map<String, String> answers) {
    return materials.stream().filter(m -> Applicability.applies(m.appliesWhen(), answers)).toList();
  }

  public List<Clause> conditionsFor(Map<String, String> answers) {
    return situationalConditions.stream().filter(c -> Applicability.applies(c.appliesWhen(), answers)).toList();
  }

  /** "经营业态：餐饮服务经营者时需要" for a conditional material or clause. */
  public String whenLabel(List<String> appliesWhen) {
    return Applicability.label(appliesWhen, situations);
  }
}
