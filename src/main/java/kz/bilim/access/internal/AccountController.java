package kz.bilim.access.internal;

import java.time.Clock;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.SignedIn;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.bilim.access.BilimUser;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.access.UserAccounts;
import kz.bilim.platform.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Self-service: one's own name, language and password, and one's own API tokens. */
@Controller
@PreAuthorize("isAuthenticated() and !hasRole('APPLICANT')")
class AccountController {

    static final String ACCOUNT = "access/account";
    static final String TOKENS = "access/tokens";

    private final UserAccounts accounts;
    private final OwnTokens tokens;
    private final Users users;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    private final Clock clock;


    AccountController(UserAccounts accounts, OwnTokens tokens, Users users, Clock clock) {

        this.clock = clock;
        this.accounts = accounts;
        this.tokens = tokens;
        this.users = users;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("profile", ProfileForm.of(SignedIn.required()));
        model.addAttribute("password", new PasswordForm());
        return account(model, SignedIn.required());
    }

    @PostMapping("/account")
    String updateProfile(@ModelAttribute("profile") ProfileForm profile, BindingResult binding, Model model,
                         HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var result = accounts.updateOwnProfile(profile.getFullName(), profile.getLocale());
        if (FormErrors.rejected(binding, result)) {
            model.addAttribute("password", new PasswordForm());
            return account(model, SignedIn.required());
        }
        refreshPrincipal(request, response);
        redirect.addFlashAttribute("profileSaved", true);
        return "redirect:/account?lang=" + profile.getLocale();
    }

    @PostMapping("/account/password")
    String changePassword(@ModelAttribute("password") PasswordForm password, BindingResult binding, Model model,
                          HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("profile", ProfileForm.of(SignedIn.required()));
        if (!password.repeated()) {
            binding.rejectValue("repeatPassword", "access.user.password.mismatch");
            return account(model, SignedIn.required());
        }
        var result = accounts.changeOwnPassword(password.getCurrentPassword(), password.getNewPassword());
        if (FormErrors.rejected(binding, result)) {
            return account(model, SignedIn.required());
        }
        refreshPrincipal(request, response); // this session stays; the account's other sessions end
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/account";
    }

    @GetMapping("/account/tokens")
    String tokenPage(Model model) {
        var form = new TokenForm();
        form.setExpiresOn(tokens.today().plusDays(90).toString());
        model.addAttribute("form", form);
        return tokensView(model);
    }

    @PostMapping("/account/tokens")
    String issue(@ModelAttribute("form") TokenForm form, BindingResult binding, Model model,
                 HttpServletResponse response) {
        var result = tokens.issue(form.getName(), form.getExpiresOn());
        if (FormErrors.rejected(binding, result)) {
            return tokensView(model);
        }
        // the secret is shown in this answer only, never stored in the session or cached
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("issued", result.orElseThrow());
        var fresh = new TokenForm();
        fresh.setExpiresOn(tokens.today().plusDays(90).toString());
        model.addAttribute("form", fresh);
        return tokensView(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(tokens.revoke(id) ? "revoked" : "notRevoked", true);
        return "redirect:/account/tokens";
    }

    /** A token as the list shows it: its times on the Almaty clock. */
    record TokenRow(ApiTokens.TokenInfo token, LocalDateTime created, LocalDateTime expires, LocalDateTime lastUsed,
                    boolean expired) {
    }

    private String account(Model model, Caller user) {
        model.addAttribute("me", user);
        model.addAttribute("locales", List.of("kk", "ru", "en"));
        return ACCOUNT;
    }

    private String tokensView(Model model) {
        Instant now = clock.instant();
        model.addAttribute("tokens", tokens.list().stream().map(t -> new TokenRow(t,
                LocalDateTime.ofInstant(t.createdAt(), Almaty.ZONE), LocalDateTime.ofInstant(t.expiresAt(), Almaty.ZONE),
                t.lastUsedAt() == null ? null : LocalDateTime.ofInstant(t.lastUsedAt(), Almaty.ZONE),
                !t.expiresAt().isAfter(now))).toList());
        model.addAttribute("maxExpiry", tokens.today().plusYears(1).toString());
        model.addAttribute("minExpiry", tokens.today().plusDays(1).toString());
        return TOKENS;
    }

    /** The name and language shown in the page header come from the session's principal: renew it. */
    private void refreshPrincipal(HttpServletRequest request, HttpServletResponse response) {
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || request.getSession(false) == null) return;
        CurrentScope.asSystem(() -> users.byId(SignedIn.required().id())).ifPresent(user -> {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(Authenticated.as(user));
            SecurityContextHolder.setContext(context);
            sessions.saveContext(context, request, response);
        });
    }
}
