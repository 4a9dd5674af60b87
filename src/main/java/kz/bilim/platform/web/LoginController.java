package kz.bilim.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    static final String VIEW = "login";

    @GetMapping("/login")
    String login() {
        return VIEW;
    }
}
