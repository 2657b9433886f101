package dev.integrations.examples.connectgithub;

import dev.integrations.spring.boot.web.SubjectResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.security.Principal;

/**
 * The app's two pages: sign-in, and home, which shows the signed-in user's GitHub connection.
 * Connecting, GitHub's callback and disconnecting are the starter's endpoints.
 */
@Controller
class PagesController {

    private final GithubAccounts accounts;
    private final SubjectResolver subjects;
    private final Environment environment;

    /** The subject is resolved as the starter's endpoints resolve it, so both mean the same user. */
    PagesController(GithubAccounts accounts, SubjectResolver subjects, Environment environment) {
        this.accounts = accounts;
        this.subjects = subjects;
        this.environment = environment;
    }

    /** In sandbox mode, every page names the sandbox's URL in a banner. */
    @ModelAttribute("sandboxUrl")
    String sandboxUrl() {
        return environment.getProperty(SandboxMode.URL);
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Principal principal, HttpServletRequest request, Model model) {
        model.addAttribute("username", principal.getName());
        model.addAttribute("github", accounts.describe(subjects.resolve(request)));
        return "home";
    }
}
