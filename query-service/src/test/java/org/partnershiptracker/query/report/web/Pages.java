package org.partnershiptracker.query.report.web;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** The pages as the tests open them through MockMvc. */
final class Pages {
  private Pages() {}

  /** The body of a page that answers 200 to {@code request}. */
  static String ok(MockMvc http, RequestBuilder request) throws Exception {
    return http.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
