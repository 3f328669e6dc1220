package com.eoc.accounts.command;

import com.eoc.accounts.platform.openapi.OpenApiConventions;
import com.eoc.accounts.platform.token.TokenPolicy;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Import(OpenApiConventions.class)
@ConfigurationPropertiesScan
// the checkpoints of the event log (audit.CheckpointSchedule)
@EnableScheduling
@EnableConfigurationProperties(TokenPolicy.class)
@OpenAPIDefinition(info = @Info(title = "Account settings: commands", version = "1",
        description = "Register accounts, rename users, change email and avatar, generate and delete the one "
                + "personal API token. Every answer carries the account's version as ETag; If-Match makes a "
                + "command conditional. Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A JWT from the identity provider (roles in its 'roles' claim), or a personal API token "
                + "(eoc_…). Missing or refused credentials: 401; a role that does not allow the request: 403.")
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
