package cn.gov.wenzhou.kjj.console.web;

import cn.gov.wenzhou.kjj.console.security.ConsoleUser;
import cn.gov.wenzhou.kjj.console.security.IssuerRegistrations;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.List;

/** The pages around the desks: start, sign-in, signed-out, not allowed. */
@Controller
public class FrameController {

    private final IssuerRegistrations issuer;

    public FrameController(IssuerRegistrations issuer) {
        this.issuer = issuer;
    }

    /** The first desk of the user's menu; a user with no desk here sees the start page listing none. */
    @GetMapping("/")
    public String start(Authentication authentication, Model model) {
        List<Menu.Entry> desks = Menu.of(ConsoleUser.of(authentication));
        if (!desks.isEmpty()) {
            return "redirect:" + desks.get(0).href();
        }
        return "start";
    }

    @GetMapping("/sign-in")
    public String signIn(Model model) {
        model.addAttribute("issuerAvailable", issuer.issuerAvailable());
        return "sign-in";
    }

    @GetMapping("/signed-out")
    public String signedOut() {
        return "signed-out";
    }

    @RequestMapping("/not-allowed")
    public String notAllowed() {
        return "errors/not-allowed";
    }
}
