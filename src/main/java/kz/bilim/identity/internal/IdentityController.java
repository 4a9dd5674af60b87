package kz.bilim.identity.internal;

import kz.bilim.kernel.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.InvalidIdentityNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;

/** Public checks of identity numbers: what the digits say, or why they are not a valid number (422). */
@RestController
@RequestMapping("/api/v1/identity")
@Tag(name = "identity", description = "IIN and BIN checks")
class IdentityController {

    private final java.time.Clock clock;

    IdentityController(java.time.Clock clock) {
        this.clock = clock;
    }

    record IinView(String number, boolean valid, LocalDate birthDate, String sex) {
    }

    record BinView(String number, boolean valid, YearMonth registered, String type, String attribute) {
    }

    @GetMapping("/iin/{number}")
    @Operation(summary = "Check an IIN: birth date and sex, or 422 with the reason")
    IinView iin(@PathVariable String number) {
        try {
            var iin = Iin.parse(number);
            return new IinView(iin.value(), true, iin.birthDate(), iin.sex().name().toLowerCase());
        } catch (InvalidIdentityNumber e) {
            throw Refusal.invalid("number", e.reason().messageKey()).exception();
        }
    }

    @GetMapping("/bin/{number}")
    @Operation(summary = "Check a BIN: registration month, type and attribute, or 422 with the reason")
    BinView bin(@PathVariable String number) {
        try {
            var bin = Bin.parse(number);
            return new BinView(bin.value(), true, bin.registered(java.time.Year.now(clock)), bin.type().name().toLowerCase(),
                    bin.attribute().name().toLowerCase());
        } catch (InvalidIdentityNumber e) {
            throw Refusal.invalid("number", e.reason().messageKey()).exception();
        }
    }
}
