package cn.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.tongban.TongbanTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An uploaded process is code the engine runs: it may neither read files through XML entities (XXE) nor run
 * anything but the platform's own steps (remote code execution through expressions, scripts, listeners, classes).
 */
@TongbanTest
class UploadedProcessSafetyTest {
  static final RequestPostProcessor ADMIN = httpBasic("gly01", "Tongban2026");

  @Autowired MockMvc mvc;

  MockHttpServletResponse upload(String xml) throws Exception {
    return mvc.perform(multipart("/api/v1/admin/processes").file(new MockMultipartFile("file", "p.bpmn20.xml",
        "application/xml", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(ADMIN)).andReturn().getResponse();
  }

  /** A valid process (start, one step, end) with {@code extra} placed between the start and the step. */
  static String process(String id, String doctype, String name, String extra) {
    String before = extra.isEmpty() ? "handle" : "evil";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        %s
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                     targetNamespace="t">
          <process id="%s" name="%s" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="%s"/>
            %s
            <userTask id="handle" name="即办" flowable:candidateGroups="${routing.groups(execution)}"/>
            <sequenceFlow id="f3" sourceRef="handle" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>""".formatted(doctype, id, name, before,
        extra.isEmpty() ? "" : extra + "\n<sequenceFlow id=\"f2\" sourceRef=\"evil\" targetRef=\"handle\"/>");
  }

  @Test
  void anExternalEntityInAnUploadedProcessIsRefusedAndTheFileItNamesIsNeverShown() throws Exception {
    String secret = "SECRET-" + UUID.randomUUID();
    Path file = Files.createTempFile("tongban-xxe", ".key");
    Files.writeString(file, secret);
    try {
      // the error-based technique: the file's content becomes part of a URL the parser fails to open
      String errorBased = process("xxe-error", "<!DOCTYPE definitions [<!ENTITY % f SYSTEM \"" + file.toUri()
          + "\"><!ENTITY % e \"<!ENTITY &#x25; x SYSTEM 'file:///nonexistent/%f;'>\">%e;%x;]>", "p", "");
      MockHttpServletResponse r = upload(errorBased);
      assertThat(r.getContentAsString()).doesNotContain(secret);
      assertThat(r.getStatus()).isEqualTo(422);
      assertThat(r.getContentAsString()).contains("DOCTYPE");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void anInBandEntityIsRefusedToo() throws Exception {
    String secret = "SECRET-" + UUID.randomUUID();
    Path file = Files.createTempFile("tongban-xxe", ".key");
    Files.writeString(file, secret);
    try {
      String inBand = process("xxe-in-band", "<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>",
          "p", "").replace("<startEvent id=\"start\"/>", "<documentation>&xxe;</documentation><startEvent id=\"start\"/>");
      MockHttpServletResponse r = upload(inBand);
      assertThat(r.getStatus()).isEqualTo(422);
      assertThat(r.getContentAsString()).doesNotContain(secret).contains("DOCTYPE");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void malformedXmlIsRefusedWithItsPositionButWithoutTheParsersWords() throws Exception {
    MockHttpServletResponse r = upload("<definitions><process id=\"x\"></definitions>");
    assertThat(r.getStatus()).isEqualTo(422);
    assertThat(r.getContentAsString()).contains("第1行").doesNotContain("must be terminated")
        .doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // a service task whose expression reaches the runtime through reflection
      "<serviceTask id=\"evil\" flowable:expression=\"${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/tongban-pwned')}\"/>",
      // a service task naming a Java class
      "<serviceTask id=\"evil\" flowable:class=\"java.lang.ProcessBuilder\"/>",
      // a delegate expression
      "<serviceTask id=\"evil\" flowable:delegateExpression=\"${applicationContext}\"/>",
      // Flowable's shell task
      "<serviceTask id=\"evil\" flowable:type=\"shell\"><extensionElements><flowable:field name=\"command\"><flowable:string>id</flowable:string></flowable:field></extensionElements></serviceTask>",
      // a script task
      "<scriptTask id=\"evil\" scriptFormat=\"groovy\"><script>'id'.execute()</script></scriptTask>",
      // an execution listener with an expression
      "<receiveTask id=\"evil\"><extensionElements><flowable:executionListener event=\"start\" expression=\"${execution.getClass().getClassLoader()}\"/></extensionElements></receiveTask>",
      // a task listener with a class
      "<userTask id=\"evil\" name=\"受理\" flowable:candidateGroups=\"${routing.groups(execution)}\"><extensionElements><flowable:taskListener event=\"create\" class=\"java.lang.Thread\"/></extensionElements></userTask>",
      // a platform-looking service task that calls another method of the bean
      "<serviceTask id=\"evil\" flowable:expression=\"${caseSteps.getClass()}\"/>",
      // a call activity starting another process
      "<callActivity id=\"evil\" calledElement=\"standard-approval\"/>"})
  void aProcessThatWouldRunAnythingButThePlatformsStepsIsRefusedNamingTheElement(String element) throws Exception {
    MockHttpServletResponse r = upload(process("evil-" + Math.abs(element.hashCode() % 100000), "", "恶意", element));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(422);
    assertThat(r.getContentAsString()).contains("evil");
  }

  @Test
  void aConditionOtherThanTheOutcomeComparisonIsRefusedNamingTheFlow() throws Exception {
    String xml = process("evil-condition", "", "条件", "<exclusiveGateway id=\"gw\"/>")
        .replace("<sequenceFlow id=\"f2\" sourceRef=\"evil\" targetRef=\"handle\"/>",
            "<sequenceFlow id=\"evilFlow\" sourceRef=\"gw\" targetRef=\"handle\"><conditionExpression>"
                + "${execution.getEngineServices()}</conditionExpression></sequenceFlow>"
                + "<sequenceFlow id=\"other\" sourceRef=\"gw\" targetRef=\"end\"/>")
        .replace("targetRef=\"evil\"", "targetRef=\"gw\"");
    MockHttpServletResponse r = upload(xml);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(422);
    assertThat(r.getContentAsString()).contains("evilFlow");
  }

  @Test
  void aProcessUsingOnlyThePlatformsStepsAndConditionsDeploys() throws Exception {
    String xml = process("safe-conclude", "", "安全", """
        <exclusiveGateway id="gw"/>
        <sequenceFlow id="toEnd" sourceRef="gw" targetRef="conclude"><conditionExpression>${outcome == 'reject'}</conditionExpression></sequenceFlow>
        <serviceTask id="conclude" name="办结" flowable:expression="${caseSteps.conclude(execution)}"/>
        <sequenceFlow id="c2" sourceRef="conclude" targetRef="end"/>""")
        .replace("targetRef=\"evil\"", "targetRef=\"gw\"")
        .replace("<sequenceFlow id=\"f2\" sourceRef=\"evil\" targetRef=\"handle\"/>",
            "<sequenceFlow id=\"f2\" sourceRef=\"gw\" targetRef=\"handle\"><conditionExpression>${outcome != 'reject'}</conditionExpression></sequenceFlow>");
    MockHttpServletResponse r = upload(xml);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
  }
}
