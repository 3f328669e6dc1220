package com.eoc.accounts.command;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@OpenAPIDefinition(info = @Info(title = "Account settings: commands", version = "1",
        description = "Register accounts, rename users, change email and avatar, generate and delete the one "
                + "personal API token. Every answer carries the account's version as ETag; If-Match makes a "
                + "command conditional. Errors are RFC 9457 problem+json."))
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
