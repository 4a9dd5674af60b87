package kz.bilim.access.internal;

/** A token to issue: what it is for and its last valid day. */
public class TokenForm {

    private String name;
    private String expiresOn;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getExpiresOn() { return expiresOn; }
    public void setExpiresOn(String expiresOn) { this.expiresOn = expiresOn; }
}
