package org.partnershiptracker.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The read side: consumes partnership.events, keeps read models in MongoDB, answers queries. */
@SpringBootApplication
@EnableScheduling
public class QueryServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(QueryServiceApplication.class, args);
  }
}
