package cn.gov.wenzhou.kjj.console.web;

import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.security.ConsoleSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A service's refusal or absence as a page a person can act on, never a stack trace: not allowed, no such record, a
 * rule in words, or which service is down (the rest of the console keeps working).
 */
@ControllerAdvice
public class ErrorPages {

    private final PageModel frame;

    public ErrorPages(PageModel frame) {
        this.frame = frame;
    }

    @ExceptionHandler(ServiceProblem.NotAllowed.class)
    public String notAllowed(ServiceProblem.NotAllowed problem, HttpServletRequest request,
                             HttpServletResponse response, Model model) {
        frame.addFrame(model, request);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("service", problem.service().id());
        return "errors/not-allowed";
    }

    @ExceptionHandler(ServiceProblem.NotFound.class)
    public String notFound(ServiceProblem.NotFound problem, HttpServletRequest request,
                             HttpServletResponse response, Model model) {
        frame.addFrame(model, request);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("detail", problem.getMessage());
        return "errors/not-found";
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public String noSuchPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        frame.addFrame(model, request);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("detail", null);
        return "errors/not-found";
    }

    @ExceptionHandler(ServiceProblem.Unavailable.class)
    public String unavailable(ServiceProblem.Unavailable problem, HttpServletRequest request,
                             HttpServletResponse response, Model model) {
        frame.addFrame(model, request);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        model.addAttribute("service", problem.service().id());
        return "errors/service-down";
    }

    /** A rule or input problem outside a form (a form shows it at its fields instead). */
    @ExceptionHandler({ServiceProblem.RuleViolated.class, ServiceProblem.InvalidInput.class})
    public String refused(ServiceProblem problem, HttpServletRequest request,
                             HttpServletResponse response, Model model) {
        frame.addFrame(model, request);
        response.setStatus(problem instanceof ServiceProblem.RuleViolated ? HttpServletResponse.SC_CONFLICT
                : HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", FormProblems.of(problem));
        return "errors/refused";
    }

    /** The session's tokens can no longer be refreshed: sign in again. */
    @ExceptionHandler(ClientAuthorizationException.class)
    public String signInAgain() {
        return "redirect:" + ConsoleSecurity.SIGN_IN_PAGE;
    }
}
