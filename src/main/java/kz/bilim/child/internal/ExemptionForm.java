package kz.bilim.child.internal;

/** The exemption form of a child's page (CA-3 (5)): the ground, the document and the day it was issued. */
public class ExemptionForm {

    private String ground;
    private String document;
    private String issuedOn;

    public String getGround() { return ground; }
    public void setGround(String ground) { this.ground = ground; }
    public String getDocument() { return document; }
    public void setDocument(String document) { this.document = document; }
    public String getIssuedOn() { return issuedOn; }
    public void setIssuedOn(String issuedOn) { this.issuedOn = issuedOn; }
}
