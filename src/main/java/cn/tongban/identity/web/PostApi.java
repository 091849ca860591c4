package cn.tongban.identity.web;

import cn.tongban.identity.StaffPost;
import cn.tongban.identity.StaffPosts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of posts with A/B staff (AB岗). */
@RestController
@RequestMapping("/api/v1/admin/posts")
@Tag(name = "岗位管理", description = "AB岗：A岗不在岗时由B岗办理（管理员）")
class PostApi {
  private final StaffPosts posts;

  PostApi(StaffPosts posts) {
    this.posts = posts;
  }

  record Absence(boolean absent, String reason) {}

  @GetMapping
  @Operation(summary = "岗位及其A岗、B岗人员")
  List<StaffPost> list() {
    return posts.all();
  }

  @PutMapping("/{code}/absence")
  @Operation(summary = "标记A岗不在岗或返岗", description = "不在岗期间，新到达和尚未办理的任务转由B岗办理；须填写原因。")
  StaffPost absence(@PathVariable String code, @RequestBody Absence body) {
    return posts.setPrimaryAbsent(code, body.absent(), body.reason());
  }
}
