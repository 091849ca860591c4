package cn.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * For every endpoint and page that returns or acts on a person's own object (case, material, license, license
 * authorization), another applicant gets 404 — the same answer as for an object that does not exist — while the
 * owner gets it.
 */
@TongbanTest
class IdorTest {
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired PopulationBase population;
  @Autowired UserDetailsService users;

  /** The API authenticates each request; pages see the signed-in user of a session. */
  RequestPostProcessor as(SliceApiTest.Person p, String uri) {
    return uri.startsWith("/api/") ? p.auth()
        : SecurityMockMvcRequestPostProcessors
            .user(users.loadUserByUsername(p.citizenId()));
  }

  @Test
  void anotherApplicantGetsNotFoundEverywhere() throws Exception {
    SliceApiTest slice = new SliceApiTest();
    slice.mvc = mvc;
    slice.json = json;
    slice.jdbc = jdbc;
    slice.population = population;
    SliceApiTest.Person owner = slice.register();
    SliceApiTest.Person other = slice.register();

    String pending = slice.submit(owner, "idor-pending-" + System.nanoTime());
    String done = slice.submit(owner, "idor-done-" + System.nanoTime());
    slice.complete(done, "accept", "");
    slice.complete(done, "agree", "");
    slice.complete(done, "approve", "");
    String detail = mvc.perform(get("/api/v1/applications/" + done).with(owner.auth())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    String material = JsonPath.read(detail, "$.materials[0].id");
    String license = JsonPath.read(detail, "$.licenseIdentifier");
    String authorization = JsonPath.read(mvc.perform(post("/api/v1/licenses/" + license + "/authorizations")
            .with(owner.auth()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"departmentCode\":\"WJW\",\"applicationNumber\":\"33078220260101000009\",\"purpose\":\"免证办\"}"))
        .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString(), "$.id");

    List<AbstractMockHttpServletRequestBuilder<?>> owned = List.of(
        get("/api/v1/applications/" + done),
        get("/my/applications/" + done),
        get("/my/applications/" + done + "/materials/" + material),
        get("/api/v1/licenses/" + license + "/document"),
        post("/api/v1/licenses/" + license + "/authorizations").contentType(MediaType.APPLICATION_JSON)
            .content("{\"departmentCode\":\"WJW\",\"applicationNumber\":\"33078220260101000009\",\"purpose\":\"免证办\"}"),
        post("/api/v1/licenses/authorizations/" + authorization + "/withdrawal"),
        post("/api/v1/applications/" + pending + "/withdrawal").contentType(MediaType.APPLICATION_JSON).content("{}"),
        multipart("/api/v1/applications/" + pending + "/supplement")
            .file(new MockMultipartFile("material.premises", "x.pdf", "application/pdf", SliceApiTest.PDF)));
    for (AbstractMockHttpServletRequestBuilder<?> request : owned) {
      String uri = request.buildRequest(new MockServletContext()).getRequestURI();
      int code = mvc.perform(request.with(as(other, uri)).with(
              SecurityMockMvcRequestPostProcessors.csrf()))
          .andReturn().getResponse().getStatus();
      assertThat(code).as("another applicant on %s", request.buildRequest(new org.springframework.mock.web
          .MockServletContext()).getRequestURI()).isEqualTo(404);
    }
    // what another applicant sees for their own lists holds nothing of the owner's
    assertThat(mvc.perform(get("/api/v1/applications").with(other.auth())).andReturn().getResponse()
        .getContentAsString()).doesNotContain(done).doesNotContain(pending);
    assertThat(mvc.perform(get("/api/v1/licenses").with(other.auth())).andReturn().getResponse()
        .getContentAsString()).doesNotContain(license);
    assertThat(mvc.perform(get("/api/v1/licenses/authorizations").with(other.auth())).andReturn().getResponse()
        .getContentAsString()).doesNotContain(authorization);
    // and the owner still reaches everything (the 404s were about who asked, not what exists)
    mvc.perform(get("/my/applications/" + done + "/materials/" + material).with(as(owner, "/my")))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/licenses/" + license + "/document").with(owner.auth())).andExpect(status().isOk());
    mvc.perform(get("/api/v1/applications/" + pending).with(owner.auth())).andExpect(status().isOk());
  }
}
