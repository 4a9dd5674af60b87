package kz.bilim.access.internal;

import kz.bilim.access.UserAccount;
import kz.bilim.access.UserDraft;
import org.springframework.validation.BindingResult;

/** The user form as the page binds it (text as typed). */
public class UserForm {

    private String username;
    private String fullName;
    private String role;
    private String scopeKato;
    private String organisationId;
    private String locale = "kk";
    private boolean enabled = true;
    private String password;

    static UserForm of(UserAccount user) {
        var form = new UserForm();
        form.username = user.username();
        form.fullName = user.fullName();
        form.role = user.role().name();
        form.scopeKato = user.scopeKato();
        form.organisationId = user.organisationId() == null ? null : user.organisationId().toString();
        form.locale = user.locale();
        form.enabled = user.enabled();
        return form;
    }

    /**
     * The draft for the service, or null (with the error in place) when the organisation field holds neither a BIN
     * nor an id (a name typed but not chosen from the list).
     */
    UserDraft toDraft(BindingResult binding, OrganisationChoice organisations) {
        var organisation = organisations.resolve(organisationId);
        if (organisation == null) {
            binding.rejectValue("organisationId", "access.user.organisation.format");
            return null;
        }
        return new UserDraft(username, fullName, role, scopeKato == null ? null : scopeKato.strip(),
                organisation.orElse(null), locale, enabled, password);
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getScopeKato() { return scopeKato; }
    public void setScopeKato(String scopeKato) { this.scopeKato = scopeKato; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
