package kz.bilim.access.internal;

/** An account's position as typed (TR-18: the staff position documents name the representative by), and the API's body. */
public class PositionForm {

    private String position;

    public PositionForm() {
    }

    PositionForm(String position) {
        this.position = position;
    }

    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
}
