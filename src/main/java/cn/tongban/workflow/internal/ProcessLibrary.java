package cn.tongban.workflow.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.workflow.CaseStep;
import cn.tongban.platform.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.util.io.InputStreamSource;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval processes: the shipped templates (standard, instant, multi-level, joint review) and those
 * administrators upload, validated before deployment, and the binding of a process to an item.
 */
@Service
public class ProcessLibrary {
  /** A deployed process, latest version. */
  public record ProcessInfo(String key, String name, int version) {}

  private final RepositoryService repository;
  private final ProcessBindings bindings;
  private final AuditTrail audit;

  ProcessLibrary(RepositoryService repository, ProcessBindings bindings, AuditTrail audit) {
    this.repository = repository;
    this.bindings = bindings;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<ProcessInfo> processes() {
    return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
        .stream().map(d -> new ProcessInfo(d.getKey(), d.getName(), d.getVersion())).toList();
  }

  /**
   * Validates and deploys an uploaded BPMN 2.0 process: well-formed, one executable process, valid for the
   * engine, every user task a known step (so the case's status can follow) routed through
   * {@code ${routing.groups(execution)}}. The file is parsed without DOCTYPEs or entities ({@link SafeXml}) and may
   * use only the platform's building blocks and expressions ({@link ProcessPolicy}): no scripts, listeners, classes.
   */
  @Transactional
  public ProcessInfo upload(String fileName, byte[] xml) {
    if (xml == null || xml.length == 0 || xml.length > 1_000_000) {
      throw PlatformException.invalid("file", "请上传不超过1MB的BPMN 2.0流程文件");
    }
    org.w3c.dom.Document doc;
    try {
      doc = SafeXml.parse(xml);
    } catch (SafeXml.Refused e) {
      throw PlatformException.invalid("file", "不是有效的BPMN 2.0流程文件：" + e.describe());
    }
    List<FieldProblem> unsafe = ProcessPolicy.expressions(doc);
    if (!unsafe.isEmpty()) {
      throw PlatformException.invalid(unsafe);
    }
    BpmnModel model;
    try {
      model = new BpmnXMLConverter().convertToBpmnModel(
          new InputStreamSource(new ByteArrayInputStream(xml)), true, true, "UTF-8");
    } catch (RuntimeException e) { // the parser's own words stay in the log: they may quote the file
      throw PlatformException.invalid("file", "不是有效的BPMN 2.0流程文件：不符合 BPMN 2.0 的 XML 架构");
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<Process> processes = model.getProcesses();
    if (processes.size() != 1) {
      throw PlatformException.invalid("file", "流程文件须包含且仅包含一个流程");
    }
    Process process = processes.get(0);
    if (!process.isExecutable()) {
      problems.add(new FieldProblem("file", "流程须标记为可执行（isExecutable=\"true\"）"));
    }
    if (process.getId() == null || !process.getId().matches("[a-z][a-z0-9-]{2,60}")) {
      problems.add(new FieldProblem("file", "流程标识须为3—61位小写字母、数字或连字符"));
    }
    problems.addAll(ProcessPolicy.elements(process));
    ProcessValidator validator = new ProcessValidatorFactory().createDefaultProcessValidator();
    for (ValidationError e : validator.validate(model)) {
      if (!e.isWarning()) {
        problems.add(new FieldProblem("file", "第" + e.getXmlLineNumber() + "行 " + e.getActivityId() + "："
            + e.getDefaultDescription()));
      }
    }
    int userTasks = 0;
    for (FlowElement el : process.getFlowElements()) {
      if (el instanceof UserTask t) {
        userTasks++;
        if (CaseStep.ofTaskKey(t.getId()).isEmpty()) {
          problems.add(new FieldProblem("file", "用户任务“" + t.getId() + "”不是已知环节（可用：accept、review、"
              + "firstReview、secondReview、jointReview、decide、handle）"));
        }
        if (t.getCandidateGroups().isEmpty() || !t.getCandidateGroups().stream()
            .allMatch(g -> g.equals("${routing.groups(execution)}") || g.equals("${candidateGroup}"))) {
          problems.add(new FieldProblem("file", "用户任务“" + t.getId()
              + "”须由 ${routing.groups(execution)} 分派给岗位或部门"));
        }
      }
    }
    if (userTasks == 0) {
      problems.add(new FieldProblem("file", "流程至少需要一个办理环节（用户任务）"));
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    var deployment = repository.createDeployment().name(process.getName() == null ? process.getId() : process.getName())
        .addBytes(process.getId() + ".bpmn20.xml", xml).deploy();
    ProcessDefinition d = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
    audit.record("process.deployed", "process", d.getKey(), (d.getName() == null ? "" : d.getName()) + " 第"
        + d.getVersion() + "版，文件 " + (fileName == null ? "" : fileName));
    return new ProcessInfo(d.getKey(), d.getName(), d.getVersion());
  }

  /** Binds an item to a process (its next cases start there); a joint review names at least two departments. */
  @Transactional
  public void bind(String itemCode, String processKey, List<String> jointDepartments, String by) {
    List<String> joint = jointDepartments == null ? List.of()
        : jointDepartments.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    if (itemCode == null || itemCode.isBlank()) {
      throw PlatformException.invalid("itemCode", "请填写事项编码");
    }
    ProcessDefinition d = processKey == null ? null : repository.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    if (d == null) {
      throw PlatformException.invalid("processKey", "流程不存在，请先上传");
    }
    boolean needsJoint = repository.getBpmnModel(d.getId()).getMainProcess().getFlowElements().stream()
        .anyMatch(el -> el instanceof UserTask && CaseStep.JOINT_REVIEW.taskKey().equals(el.getId()));
    if (needsJoint && joint.size() < 2) {
      throw PlatformException.invalid("jointDepartments", "联审流程须指定至少两个参与部门");
    }
    if (!needsJoint && !joint.isEmpty()) {
      throw PlatformException.invalid("jointDepartments", "该流程没有联审环节，无需指定参与部门");
    }
    bindings.bind(itemCode.trim(), processKey, joint, by);
    audit.record("process.bound", "item", itemCode.trim(), processKey + (joint.isEmpty() ? "" : "，联审部门 " + joint));
  }

  /** Removes an item's binding: its next cases use the catalog's process again. */
  @Transactional
  public void unbind(String itemCode) {
    if (bindings.unbind(itemCode)) {
      audit.record("process.unbound", "item", itemCode, "恢复使用事项目录中的默认流程");
    }
  }
}
