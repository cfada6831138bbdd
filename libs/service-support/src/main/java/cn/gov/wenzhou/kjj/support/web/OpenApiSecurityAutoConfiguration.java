package cn.gov.wenzhou.kjj.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Swagger UI signs people in at the configured OIDC issuer (authorization code with PKCE, discovered from the issuer),
 * or takes a pasted bearer token; both are declared for every operation. Every operation also declares its error
 * answers ({@link ProblemResponses}); the document carries its licence and servers ({@link ApiDocumentProperties}).
 */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableConfigurationProperties(ApiDocumentProperties.class)
public class OpenApiSecurityAutoConfiguration {

    @Bean
    public ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    public OpenApiCustomizer licenceAndServers(ApiDocumentProperties document) {
        return openApi -> {
            if (openApi.getInfo() == null) {
                openApi.setInfo(new Info());
            }
            openApi.getInfo().license(new License().name(document.licenseName())
                    .url(document.licenseUrl().toString()));
            if (!document.servers().isEmpty()) {
                openApi.setServers(document.servers().stream().map(server -> new Server()
                        .url(server.url().toString()).description(server.description())).toList());
            }
        };
    }

    @Bean
    public OpenApiCustomizer securitySchemes(
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
            @Value("${spring.application.name}") String service,
            @Value("${info.service.description:}") String description) {
        return openApi -> {
            if (openApi.getInfo() == null) {
                openApi.setInfo(new Info());
            }
            openApi.getInfo().title(service).version("v1").description(description);
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT"));
            SecurityRequirement requirement = new SecurityRequirement().addList("bearer");
            if (!issuer.isBlank()) {
                components.addSecuritySchemes("oidc", new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                        .openIdConnectUrl(issuer + "/.well-known/openid-configuration"));
                requirement.addList("oidc");
            }
            openApi.setComponents(components);
            openApi.addSecurityItem(requirement);
        };
    }
}
