package cn.gov.wenzhou.kjj.console.web;

import cn.gov.wenzhou.kjj.console.security.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/**
 * What every page's frame needs: the signed-in user, their menu, the other language's link and the current path (to
 * mark the menu). Error pages rendered by an exception handler get no model attributes of their own, so they call
 * {@link #addFrame}.
 */
@ControllerAdvice
public class PageModel {

    public void addFrame(org.springframework.ui.Model model, HttpServletRequest request) {
        model.addAttribute("user", user());
        model.addAttribute("menu", menu());
        model.addAttribute("otherLanguage", otherLanguage(request,
                org.springframework.web.servlet.support.RequestContextUtils.getLocale(request)));
        model.addAttribute("currentPath", currentPath(request));
    }

    @ModelAttribute("user")
    public ConsoleUser user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return ConsoleUser.of(authentication);
    }

    @ModelAttribute("menu")
    public List<Menu.Entry> menu() {
        ConsoleUser user = user();
        return user == null ? List.of() : Menu.of(user);
    }

    /** The current page in the other language (the query kept, so a filtered list stays filtered). */
    @ModelAttribute("otherLanguage")
    public java.util.Map<String, String> otherLanguage(HttpServletRequest request, java.util.Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        String target = english ? "zh-CN" : "en";
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        String kept = java.util.Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty() && !part.startsWith("lang="))
                .reduce((a, b) -> a + "&" + b).map(q -> q + "&").orElse("");
        return java.util.Map.of("href", request.getRequestURI() + "?" + kept + "lang=" + target,
                "label", english ? "中文" : "English", "lang", target);
    }

    @ModelAttribute("currentPath")
    public String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
