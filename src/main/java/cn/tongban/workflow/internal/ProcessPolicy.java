package cn.tongban.workflow.internal;

import cn.tongban.platform.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.ManualTask;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.UserTask;
import org.flowable.bpmn.model.ImplementationType;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What an uploaded process may contain. An uploaded BPMN file is code the engine runs with the server's rights, so
 * only the platform's own building blocks are allowed: events without definitions, gateways, sequence flows, user,
 * receive and manual tasks, and service tasks that call one of the platform's named steps. Every expression
 * anywhere in the file (attributes and texts) must be one of the platform's whitelisted expressions: no class
 * access, no reflection, no method on anything but the named beans. Script tasks, listeners, Java classes,
 * delegate expressions and typed service tasks (shell, http, mail, ...) are refused, naming the element.
 */
public final class ProcessPolicy {
  private ProcessPolicy() {}

  /** The only expressions an uploaded process may use, each matched against the whole trimmed value. */
  private static final List<Pattern> EXPRESSIONS = List.of(
      Pattern.compile("\\$\\{routing\\.groups\\(execution\\)}"),
      Pattern.compile("\\$\\{candidateGroup}"),
      Pattern.compile("\\$\\{jointDepartments}"),
      Pattern.compile("\\$\\{caseSteps\\.(conclude|jointConcluded)\\(execution\\)}"),
      Pattern.compile("\\$\\{\\s*outcome\\s*(==|!=)\\s*'[A-Za-z_]{1,40}'\\s*}"));

  /** The service tasks the platform provides, by expression. */
  private static final List<Pattern> SERVICE_TASKS = List.of(
      Pattern.compile("\\$\\{caseSteps\\.(conclude|jointConcluded)\\(execution\\)}"));

  /** Problems with the expressions anywhere in the document, each naming the element (its id, or its tag). */
  public static List<FieldProblem> expressions(Document doc) {
    List<FieldProblem> problems = new ArrayList<>();
    walk(doc.getDocumentElement(), problems);
    return problems;
  }

  private static void walk(Element el, List<FieldProblem> problems) {
    NamedNodeMap attrs = el.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      check(a.getValue(), el, problems);
    }
    for (Node n = el.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        walk(child, problems);
      } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        check(n.getNodeValue(), el, problems);
      }
    }
  }

  private static void check(String value, Element el, List<FieldProblem> problems) {
    if (value == null || (!value.contains("${") && !value.contains("#{"))) {
      return;
    }
    String v = value.trim();
    if (EXPRESSIONS.stream().noneMatch(p -> p.matcher(v).matches())) {
      problems.add(new FieldProblem("file", "元素“" + name(el) + "”使用了不允许的表达式（只可使用平台提供的"
          + " ${routing.groups(execution)}、${caseSteps.conclude(execution)} 等表达式和 ${outcome == '…'} 条件）"));
    }
  }

  private static String name(Element el) {
    for (Node n = el; n instanceof Element e; n = n.getParentNode()) {
      if (!e.getAttribute("id").isBlank()) {
        return e.getAttribute("id").length() > 60 ? e.getAttribute("id").substring(0, 60) : e.getAttribute("id");
      }
    }
    return el.getLocalName() == null ? el.getTagName() : el.getLocalName();
  }

  /** Problems with the elements of the process: only the platform's building blocks, no listeners, no scripts. */
  public static List<FieldProblem> elements(Process process) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!process.getExecutionListeners().isEmpty() || !process.getEventListeners().isEmpty()) {
      problems.add(new FieldProblem("file", "流程“" + process.getId() + "”不得声明监听器"));
    }
    container(process, problems);
    return problems;
  }

  private static void container(FlowElementsContainer container, List<FieldProblem> problems) {
    for (FlowElement el : container.getFlowElements()) {
      String id = el.getId();
      if (!el.getExecutionListeners().isEmpty()) {
        problems.add(new FieldProblem("file", "元素“" + id + "”不得声明执行监听器"));
      }
      if (el instanceof ScriptTask) {
        problems.add(new FieldProblem("file", "元素“" + id + "”是脚本任务，上传的流程不得包含脚本任务"));
      } else if (el instanceof ServiceTask t) {
        boolean named = ImplementationType.IMPLEMENTATION_TYPE_EXPRESSION.equals(t.getImplementationType())
            && t.getType() == null && t.getFieldExtensions().isEmpty()
            && SERVICE_TASKS.stream().anyMatch(p -> p.matcher(t.getImplementation().trim()).matches());
        if (!named) {
          problems.add(new FieldProblem("file", "服务任务“" + id + "”不是平台提供的服务任务（只可使用"
              + " ${caseSteps.conclude(execution)} 或 ${caseSteps.jointConcluded(execution)}）"));
        }
      } else if (el instanceof UserTask t) {
        if (!t.getTaskListeners().isEmpty()) {
          problems.add(new FieldProblem("file", "用户任务“" + id + "”不得声明任务监听器"));
        }
      } else if (el instanceof SubProcess s && s.getClass() == SubProcess.class) {
        container(s, problems);
      } else if (el instanceof StartEvent e) {
        if (!e.getEventDefinitions().isEmpty()) {
          problems.add(new FieldProblem("file", "开始事件“" + id + "”不得带事件定义"));
        }
      } else if (el instanceof EndEvent e) {
        if (!e.getEventDefinitions().isEmpty()) {
          problems.add(new FieldProblem("file", "结束事件“" + id + "”不得带事件定义"));
        }
      } else if (!(el instanceof SequenceFlow || el instanceof ExclusiveGateway || el instanceof ParallelGateway
          || el instanceof InclusiveGateway || el instanceof ReceiveTask || el instanceof ManualTask)) {
        problems.add(new FieldProblem("file", "元素“" + id + "”的类型（" + el.getClass().getSimpleName()
            + "）不允许用于上传的流程"));
      }
    }
  }
}
