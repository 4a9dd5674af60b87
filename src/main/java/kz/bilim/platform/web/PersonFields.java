package kz.bilim.platform.web;

/**
 * The fields naming a person on every form that registers one (an admission, a hire…), as the browser sends them:
 * text, checked by the capability that receives them. One place, so that the forms and their templates use the same
 * names ({@code iin}, {@code lastName}, …) as the API requests.
 */
public abstract class PersonFields {

    protected String iin;
    protected String lastName;
    protected String firstName;
    protected String patronymic;
    protected String birthDate;
    protected String sex;

    public String getIin() { return iin; }
    public void setIin(String iin) { this.iin = iin; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getPatronymic() { return patronymic; }
    public void setPatronymic(String patronymic) { this.patronymic = patronymic; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
}
