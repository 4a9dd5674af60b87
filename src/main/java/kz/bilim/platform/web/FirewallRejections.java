package kz.bilim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * An address Spring Security's firewall refuses ({@code ;}, {@code //}, an encoded {@code .} or {@code /}, a
 * non-printable character): 400 problem+json under {@code /api}, the translated error page elsewhere — not a blank
 * 400 or Spring Boot's English JSON. Logged at debug only: a scanner's requests must not flood the log.
 */
@Component
class FirewallRejections implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

    private final EarlyRefusals refusals;

    FirewallRejections(EarlyRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Refused by the firewall: {}", rejected.getMessage());
        refusals.answer(request, response,
                RequestErrors.Answer.of(ErrorCode.MALFORMED_REQUEST, "error.malformed-request.address"));
    }
}
