package com.eoc.accounts.web.localidp;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The local identity provider's sign-in form ({@code templates/sign-in.html}) and its stylesheet. */
@Controller
@Profile(LocalAuthorizationServer.PROFILE)
class SignInPage {

    /** Where the form's own assets are served from, apart from the page's static resources. */
    static final String ASSETS = "/sign-in";

    /**
     * {@code refused}: this form did not accept the user name and password; {@code unavailable}:
     * the accounts could not be read; {@code error}: the page's OpenID Connect sign-in failed after
     * the form (Spring's failure address for it).
     */
    @GetMapping(LocalAuthorizationServer.SIGN_IN_PAGE)
    String signIn(@RequestParam(required = false) String refused, @RequestParam(required = false) String unavailable,
                  @RequestParam(required = false) String error, Model model) {
        model.addAttribute("refused", refused != null);
        model.addAttribute("unavailable", unavailable != null);
        model.addAttribute("failed", error != null);
        return "sign-in";
    }

    @Configuration(proxyBeanMethods = false)
    @Profile(LocalAuthorizationServer.PROFILE)
    static class Assets implements WebMvcConfigurer {

        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            registry.addResourceHandler(ASSETS + "/**").addResourceLocations("classpath:/sign-in/");
        }
    }
}
