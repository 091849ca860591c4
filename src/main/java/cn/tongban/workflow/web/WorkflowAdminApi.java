package cn.tongban.workflow.web;

import cn.tongban.identity.TongbanUser;
import cn.tongban.workflow.CaseClocks;
import cn.tongban.workflow.WorkingCalendar;
import cn.tongban.workflow.internal.ProcessLibrary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Administration of processes, their binding to items, and the working-day calendar. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "流程与工作日管理", description = "上传并校验BPMN流程、绑定事项、录入节假日安排（管理员）")
class WorkflowAdminApi {
  private final ProcessLibrary processes;
  private final WorkingCalendar calendar;

  WorkflowAdminApi(ProcessLibrary processes, WorkingCalendar calendar) {
    this.processes = processes;
    this.calendar = calendar;
  }

  record Binding(String processKey, List<String> jointDepartments) {}

  record CalendarYear(String sourceUrl, List<WorkingCalendar.SpecialDay> days) {}

  @GetMapping("/processes")
  @Operation(summary = "已部署的流程（最新版本）")
  List<ProcessLibrary.ProcessInfo> list() {
    return processes.processes();
  }

  @PostMapping(path = "/processes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "上传BPMN 2.0流程", description = "校验后部署；用户任务须为已知环节并由 ${routing.groups(execution)} 分派。")
  ResponseEntity<ProcessLibrary.ProcessInfo> upload(@RequestPart("file") MultipartFile file) throws IOException {
    return ResponseEntity.status(201).body(processes.upload(file.getOriginalFilename(), file.getBytes()));
  }

  @PutMapping("/process-bindings/{itemCode}")
  @Operation(summary = "为事项绑定流程", description = "联审流程须指定至少两个参与部门（部门编码）。")
  ResponseEntity<Void> bind(@PathVariable String itemCode, @RequestBody Binding body,
      @AuthenticationPrincipal TongbanUser user) {
    processes.bind(itemCode, body.processKey(), body.jointDepartments(), user.actorId());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/process-bindings/{itemCode}")
  @Operation(summary = "解除事项的流程绑定")
  ResponseEntity<Void> unbind(@PathVariable String itemCode) {
    processes.unbind(itemCode);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/calendar/{year}")
  @Operation(summary = "某年的节假日和调休上班日")
  List<WorkingCalendar.SpecialDay> year(@PathVariable int year) {
    return calendar.year(year);
  }

  @PutMapping("/calendar/{year}")
  @Operation(summary = "录入或修改某年的节假日安排", description = "依国务院办公厅通知录入；只能修改本年度及以后年度。")
  ResponseEntity<Void> load(@PathVariable int year, @RequestBody CalendarYear body) {
    calendar.loadYear(year, body.sourceUrl(), body.days(), LocalDate.now(CaseClocks.CHINA));
    return ResponseEntity.noContent().build();
  }
}
