package kz.bilim.access.internal;

/** A new password typed twice, and for one's own account the current one. */
public class PasswordForm {

    private String currentPassword;
    private String newPassword;
    private String repeatPassword;

    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getRepeatPassword() { return repeatPassword; }
    public void setRepeatPassword(String repeatPassword) { this.repeatPassword = repeatPassword; }

    boolean repeated() {
        return newPassword != null && newPassword.equals(repeatPassword);
    }
}
