package com.eoc.accounts.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Account Settings page and its backend-for-frontend: the browser signs in here (OpenID
 * Connect) and holds only a session cookie; the gateway relays the user's access token to the
 * command side and the query side. In the {@code local} profile this application is also the
 * identity provider.
 */
@SpringBootApplication
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
