package kz.bilim.organisation;

/** How the public reaches an organisation (TR-4 names them in the transfer notification). Every part is optional. */
public record Contacts(String phone, String postalAddress, String email, String website) {

    public static Contacts none() {
        return new Contacts(null, null, null, null);
    }
}
