package org.partnershiptracker.query;

import org.partnershiptracker.web.ProblemErrorReports;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The read side: consumes partnership.events, keeps read models in MongoDB, answers queries. */
@SpringBootApplication
@Import(ProblemErrorReports.class) // Tomcat's own error pages as problem+json
@EnableScheduling
public class QueryServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(QueryServiceApplication.class, args);
  }
}
