package cn.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.tongban.TongbanTest;
import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The IETF Idempotency-Key behaviour: a retry with the same key and the same request gets the same case; the same
 * key with a different request is refused with 422 naming the mismatch, never answered with the earlier case.
 */
@TongbanTest
class IdempotencyKeyReuseTest {
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;
  @Autowired tools.jackson.databind.json.JsonMapper json;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired cn.tongban.identity.PopulationBase population;
  SliceApiTest slice = new SliceApiTest();

  @org.junit.jupiter.api.BeforeEach
  void wire() {
    slice.mvc = mvc;
    slice.json = json;
    slice.jdbc = jdbc;
    slice.population = population;
  }

  MockHttpServletResponse submit(SliceApiTest.Person p, String key, Map<String, String> form, byte[] pdf)
      throws Exception {
    return slice.mvc.perform(multipart("/api/v1/applications")
            .file(slice.applicationPart(Map.of("itemCode", SliceApiTest.ITEM, "formData", form)))
            .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", pdf))
            .header("Idempotency-Key", key).with(p.auth()))
        .andReturn().getResponse();
  }

  @Test
  void theSameKeyWithTheSameRequestReturnsTheSameCaseAndWithAnotherRequestIsRefused() throws Exception {
    SliceApiTest.Person p = slice.register();
    String key = UUID.randomUUID().toString();
    Map<String, String> form = new HashMap<>(slice.form(p));
    MockHttpServletResponse first = submit(p, key, form, SliceApiTest.PDF);
    assertThat(first.getStatus()).isEqualTo(201);
    String id = JsonPath.read(first.getContentAsString(), "$.id");

    MockHttpServletResponse again = submit(p, key, form, SliceApiTest.PDF);
    assertThat(again.getStatus()).isIn(200, 201);
    assertThat(JsonPath.<String>read(again.getContentAsString(), "$.id")).isEqualTo(id);

    form.put("shopName", "另一家店");
    MockHttpServletResponse other = submit(p, key, form, SliceApiTest.PDF);
    assertThat(other.getStatus()).isEqualTo(422);
    assertThat(other.getContentAsString()).contains("IDEMPOTENCY_KEY_REUSED").contains("Idempotency-Key")
        .doesNotContain(id);

    byte[] otherPdf = (new String(SliceApiTest.PDF) + "\n%other").getBytes();
    MockHttpServletResponse otherFile = submit(p, key, slice.form(p), otherPdf);
    assertThat(otherFile.getStatus()).isEqualTo(422);
  }
}
