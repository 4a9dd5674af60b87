package kz.bilim.access.internal;

import kz.bilim.access.UserId;
import kz.bilim.kernel.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.kernel.Role;
import kz.bilim.access.UserAccount;
import kz.bilim.access.UserAccounts;
import kz.bilim.kernel.Outcome;
import kz.bilim.access.UserAccount;
import kz.bilim.access.UserDraft;
import kz.bilim.access.UserQuery;
import kz.bilim.kernel.FieldError;
import kz.bilim.territory.KatoCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Staff accounts for machine clients, scoped like the users screen: out of territory is 404, bad input 422. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "Staff accounts within the caller's territory (SC-3)")
@PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER')")
class UsersApiController {

    private final UserAccounts accounts;
    private final kz.bilim.access.AccountPositions positions;

    UsersApiController(UserAccounts accounts, kz.bilim.access.AccountPositions positions) {
        this.accounts = accounts;
        this.positions = positions;
    }

    /** The account's position (TR-18); null when none is recorded. */
    record PositionView(long id, String position) {
    }

    record UserView(long id, String username, String fullName, Role role, String scopeKato, Long organisationId,
                    String kato, String locale, boolean enabled, Instant createdAt) {
        static UserView of(UserAccount u) {
            return new UserView(u.id().value(), u.username(), u.fullName(), u.role(), u.scopeKato(), u.organisationId(),
                    u.kato(), u.locale(), u.enabled(), u.createdAt());
        }
    }

    record PageView(List<UserView> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "Search users by role, territory (KATO code, its subtree), text and enabled; paged")
    PageView search(@RequestParam(required = false) String role, @RequestParam(required = false) String kato,
                    @RequestParam(required = false) String q, @RequestParam(required = false) Boolean enabled,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
        List<FieldError> errors = new ArrayList<>();
        Role wanted = null;
        if (role != null && !role.isBlank()) {
            try {
                wanted = Role.valueOf(role.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("role", "access.user.role.unknown"));
            }
        }
        if (kato != null && !kato.isBlank()) {
            try {
                KatoCode.parse(kato);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kato", "access.user.territory.format"));
            }
        }
        if (page < 0) errors.add(new FieldError("page", "access.api.page.negative"));
        if (size < 1 || size > UserQuery.MAX_SIZE) errors.add(new FieldError("size", "access.api.size.range", UserQuery.MAX_SIZE));
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        var found = accounts.search(new UserQuery(wanted, kato, q, enabled, page, size));
        return new PageView(found.items().stream().map(UserView::of).toList(), found.page(), found.size(), found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user; 404 when it does not exist or lies outside the caller's territory")
    UserView find(@PathVariable long id) {
        return accounts.find(new UserId(id)).map(UserView::of).orElseThrow(() -> Refusal.notFound("user", id).exception());
    }

    @PostMapping
    @Operation(summary = "Create a user (password of at least 10 characters); 422 names the refused fields")
    ResponseEntity<UserView> create(@RequestBody UserDraft draft) {
        var saved = saved(accounts.create(draft), null);
        return ResponseEntity.created(URI.create("/api/v1/users/" + saved.id())).body(saved);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a user's name, role, territory, organisation, language or enabled flag")
    UserView update(@PathVariable long id, @RequestBody UserDraft draft) {
        return saved(accounts.update(new UserId(id), draft), id);
    }

    @GetMapping("/{id}/position")
    @Operation(summary = "The position the account's holder occupies (printed on TR-18 documents); 404 out of territory")
    PositionView position(@PathVariable long id) {
        var user = accounts.find(new UserId(id)).orElseThrow(() -> Refusal.notFound("user", id).exception());
        return new PositionView(user.id().value(), positions.of(id).orElse(null));
    }

    @PutMapping("/{id}/position")
    @Operation(summary = "Set (or, blank, clear) the account's position; 422 names the field when too long or not one line")
    PositionView setPosition(@PathVariable long id, @RequestBody PositionForm body) {
        accounts.setPosition(new UserId(id), body == null ? null : body.getPosition()).orElseThrow();
        return new PositionView(id, positions.of(id).orElse(null));
    }

    private static UserView saved(Outcome<UserAccount> change, Long id) {
        return UserView.of(change.orElseThrow());
    }
}
