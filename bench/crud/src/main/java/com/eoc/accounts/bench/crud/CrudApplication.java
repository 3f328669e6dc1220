package com.eoc.accounts.bench.crud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The service a team would write instead of an event-sourced one: a row per account, loaded and
 * updated by Spring Data JPA behind Spring MVC. The benchmark compares the command side with it.
 */
@SpringBootApplication
public class CrudApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrudApplication.class, args);
    }
}
