package kz.bilim.dashboard.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final String VIEW = "dashboard/home";

    @GetMapping("/")
    String home() {
        return VIEW;
    }
}
