package kz.bilim.identity;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BilimTest
class IdentityApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    @DisplayName("GET /api/v1/identity/iin/{number} answers birth date and sex of a valid IIN, without login")
    void validIin() throws Exception {
        var iin = Iin.compose(LocalDate.of(2011, 5, 17), Sex.FEMALE, 4321);
        mvc.perform(get("/api/v1/identity/iin/" + iin.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(iin.value()))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.birthDate").value("2011-05-17"))
                .andExpect(jsonPath("$.sex").value("female"));
    }

    @Test
    @DisplayName("an invalid IIN is 422 problem+json naming the field and the reason, in the caller's language")
    void invalidIin() throws Exception {
        mvc.perform(get("/api/v1/identity/iin/901301300015").header("Accept-Language", "ru"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value("number"))
                .andExpect(jsonPath("$.errors[0].reason").value("цифры 1–6 не образуют существующую дату"));
        mvc.perform(get("/api/v1/identity/iin/90010130001X").header("Accept-Language", "kk"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].reason").value("тек цифрлардан тұруы керек"));
    }

    @Test
    @DisplayName("GET /api/v1/identity/bin/{number} answers registration month, type and attribute; a bad one is 422")
    void bin() throws Exception {
        Bin bin = null;
        for (int serial = 100; bin == null; serial++)
            bin = Bin.compose(java.time.YearMonth.of(2003, 11), Bin.EntityType.RESIDENT, Bin.Attribute.HEAD_OFFICE, serial);
        mvc.perform(get("/api/v1/identity/bin/" + bin.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value("2003-11"))
                .andExpect(jsonPath("$.type").value("resident"))
                .andExpect(jsonPath("$.attribute").value("head_office"));
        mvc.perform(get("/api/v1/identity/bin/0311400001").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].reason").value("must have exactly 12 digits"));
    }
}
