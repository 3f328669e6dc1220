package com.eoc.accounts.query;

import com.eoc.accounts.platform.openapi.OpenApiConventions;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import(OpenApiConventions.class)
@OpenAPIDefinition(info = @Info(title = "Account settings: views", version = "1",
        description = "The account view for web clients and dashboards. Views follow the commands within a "
                + "fraction of a second: to read your own write, ask with ?minVersion= the version a command "
                + "returned; the answer waits briefly for it (503 view-behind with Retry-After past the bound)."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A JWT from the identity provider (roles in its 'roles' claim), or a personal API token "
                + "(eoc_…). Missing or refused credentials: 401; a role that does not allow the request: 403.")
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
