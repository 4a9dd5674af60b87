package kz.bilim.demo.internal;

import kz.bilim.demo.DemoScale;
import kz.bilim.kernel.Role;
import kz.bilim.signature.PkiIdentity;
import kz.bilim.signature.TestPki;
import kz.bilim.signature.TestPkiIdentities;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;

/**
 * The demo users' test certificates (docs/signature.md): every demo user gets a personal signing certificate with
 * their IIN; an organisation's admin (the school head) gets one of the organisation, with its BIN. The organisations
 * are those of the demo scale loaded on start ({@code bilim.demo.load-on-start}; {@code tiny} when none is loaded).
 * <p>
 * Also the command behind {@code scripts/test-pki.sh}: {@code DemoPki [folder] [scale] [seed]} writes the test CA and
 * the demo users' keys into the folder (default {@code ~/.bilim/pki}, where the application looks).
 */
@Component
class DemoPki implements TestPkiIdentities {

    static final String DEFAULT_PASSWORD = "bilim-test";

    private final DemoProperties properties;

    DemoPki(DemoProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<PkiIdentity> testPkiIdentities() {
        DemoScale scale = DemoScale.fromSetting(properties.loadOnStart()).orElse(DemoScale.TINY);
        return identities(scale, properties.seedOrDefault());
    }

    static List<PkiIdentity> identities(DemoScale scale, long seed) {
        Plan plan = Planner.plan(scale, seed, Plan.Ids.EMPTY);
        return plan.users.stream().map(DemoPki::identity).toList();
    }

    private static PkiIdentity identity(Plan.DemoUser user) {
        if (user.role() == Role.ORGANISATION_ADMIN && user.org() != null)
            return PkiIdentity.fromFullName(user.username(), user.fullName(), user.iin(), user.org().bin,
                    user.org().nameRu);
        return PkiIdentity.fromFullName(user.username(), user.fullName(), user.iin(), null, null);
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 && !args[0].isBlank() ? args[0]
                : System.getProperty("user.home") + "/.bilim/pki");
        DemoScale scale = args.length > 1 ? DemoScale.valueOf(args[1].toUpperCase(java.util.Locale.ROOT)) : DemoScale.REGION;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DemoProperties.DEFAULT_SEED;
        List<PkiIdentity> identities = identities(scale, seed);
        TestPki.create(TestPki.DEFAULT_CA_NAME).write(folder, identities, DEFAULT_PASSWORD.toCharArray());
        System.out.printf("Test PKI (NOT for production) for the %s demo (seed %d) in %s%n", scale.name().toLowerCase(java.util.Locale.ROOT), seed, folder.toAbsolutePath());
        System.out.println("  " + TestPki.CA_CERTIFICATE + "  the test CA: openssl cms -verify ... -CAfile " + folder.resolve(TestPki.CA_CERTIFICATE));
        System.out.println("  <alias>.p12 (password " + DEFAULT_PASSWORD + "), <alias>.pem, <alias>.key.pem for:");
        for (PkiIdentity id : identities)
            System.out.printf("  %-20s IIN %s%s  %s%n", id.alias(), id.iin().value(),
                    id.bin() == null ? "" : "  BIN " + id.bin().value(), id.commonName());
    }
}
