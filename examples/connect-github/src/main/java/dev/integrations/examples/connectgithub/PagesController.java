package dev.integrations.examples.connectgithub;

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
    private final Environment environment;

    PagesController(GithubAccounts accounts, Environment environment) {
        this.accounts = accounts;
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
    String home(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        model.addAttribute("github", accounts.describe(principal.getName()));
        return "home";
    }
}
