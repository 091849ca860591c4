package cn.tongban.application.internal;

import cn.tongban.application.Application;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.FormField;
import cn.tongban.catalog.MaterialRequirement;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.workflow.CaseStep;
import cn.tongban.workflow.CaseTask;
import cn.tongban.workflow.CaseWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 一次性告知补正: the reviewer marks every deficient material and field with its reason; the case moves to 待补正 with
 * one notice listing all of them, which is what the applicant receives (once) and what the resubmission must answer.
 */
@Service
public class Corrections {
  /** A mark: {@code target} is a form field's name or {@code materials.<code>}. */
  public record Mark(String target, String reason) {}

  private final CaseWorkflow workflow;
  private final Applications applications;
  private final Catalog catalog;
  private final Commitments commitments;
  private final TransactionTemplate tx;

  Corrections(CaseWorkflow workflow, Applications applications, Catalog catalog, Commitments commitments,
      TransactionTemplate tx) {
    this.workflow = workflow;
    this.applications = applications;
    this.catalog = catalog;
    this.commitments = commitments;
    this.tx = tx;
  }

  public void requestCorrection(String taskId, TongbanUser user, List<Mark> marks, String comment) {
    CaseTask task = workflow.task(taskId, user).orElseThrow(() -> PlatformException.notFound("任务"));
    if (task.step() != CaseStep.ACCEPT) {
      throw PlatformException.conflict("NOT_AT_INTAKE", "只有受理环节可以要求补正。");
    }
    Application app = applications.byId(task.applicationId()).orElseThrow(() -> PlatformException.notFound("办件"));
    ServiceItem item = catalog.itemVersion(app.itemCode(), app.itemVersion()).orElseThrow();
    List<FieldProblem> problems = new ArrayList<>();
    List<Deficiency> deficiencies = new ArrayList<>();
    if (marks == null || marks.isEmpty()) {
      problems.add(new FieldProblem("deficiencies", "请逐项标明需要补正的材料或字段及原因"));
    }
    int round = commitments.lastRound(app.id().value()) + 1;
    for (int i = 0; marks != null && i < marks.size(); i++) {
      Mark m = marks.get(i);
      String target = m.target() == null ? "" : m.target().trim();
      Optional<String> label = label(item, target);
      if (label.isEmpty()) {
        problems.add(new FieldProblem("deficiencies[" + i + "].target", "本事项没有这项材料或字段"));
      } else if (deficiencies.stream().anyMatch(d -> d.target().equals(target))) {
        problems.add(new FieldProblem("deficiencies[" + i + "].target", "同一项只需标明一次"));
      }
      if (m.reason() == null || m.reason().isBlank()) {
        problems.add(new FieldProblem("deficiencies[" + i + "].reason", "请填写需要补正的原因"));
      }
      if (label.isPresent() && m.reason() != null && !m.reason().isBlank()) {
        deficiencies.add(new Deficiency(round, target, label.get(), m.reason().trim()));
      }
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    StringBuilder notice = new StringBuilder("请一次性补正以下" + deficiencies.size() + "项：");
    for (int i = 0; i < deficiencies.size(); i++) {
      Deficiency d = deficiencies.get(i);
      notice.append('\n').append(i + 1).append(". ").append(d.label()).append("：").append(d.reason());
    }
    if (comment != null && !comment.isBlank()) {
      notice.append("\n说明：").append(comment.trim());
    }
    tx.executeWithoutResult(status -> {
      commitments.insertDeficiencies(app.id().value(), deficiencies);
      workflow.complete(taskId, user, "supplement", notice.toString());
    });
  }

  /** "材料“营业执照”" or "字段“经营范围”" for a target the item has; empty for anything else. */
  static Optional<String> label(ServiceItem item, String target) {
    if (target.startsWith("materials.")) {
      String code = target.substring("materials.".length());
      return item.uploadMaterials().stream().filter(m -> m.code().equals(code)).findFirst()
          .map(MaterialRequirement::name).map(n -> "材料“" + n + "”");
    }
    return item.form().fields().stream().filter(f -> f.name().equals(target)).findFirst().map(FormField::label)
        .map(l -> "字段“" + l + "”");
  }
}
