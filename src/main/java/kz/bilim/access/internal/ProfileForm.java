package kz.bilim.access.internal;

import kz.bilim.access.BilimUser;

/** One's own name and language. */
public class ProfileForm {

    private String fullName;
    private String locale;

    static ProfileForm of(kz.bilim.kernel.Caller user) {
        var form = new ProfileForm();
        form.fullName = user.fullName();
        form.locale = user.locale();
        return form;
    }

    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
}
