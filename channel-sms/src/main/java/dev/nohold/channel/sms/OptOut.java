package dev.nohold.channel.sms;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A number that texted STOP (or that Twilio reports unsubscribed): nothing is sent to it until it texts START. */
@Entity
@Table(name = "sms_opt_out")
public class OptOut extends PanacheEntityBase {

    @Id
    @Column(name = "phone_number")
    public String phoneNumber;

    /** What opted the number out: the word texted, or Twilio's error code. */
    public String keyword;

    @Column(name = "opted_out_at")
    public Instant optedOutAt;
}
