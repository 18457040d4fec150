package dev.nohold.core.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a customer was reached from, on one channel. Its {@link #identity} is what makes addresses on different
 * channels one person: a phone number in E.164 is the same {@code phone:} identity on SMS and voice (and any other
 * channel that reports phone numbers); anything else (a chat session, a CRM's caller id) is keyed by its channel.
 */
@Entity
@Table(name = "customer_address")
public class CustomerAddress extends PanacheEntityBase {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    // What people and providers put between digits; removing it must not turn a non-number into one.
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().-]");

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    public String channel;

    public String address;

    public String identity;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The identity of an address on a channel: {@code phone:+15551234567}, or {@code channel:address}. */
    public static String identityOf(String channel, String address) {
        String trimmed = address.strip();
        String digits = PHONE_PUNCTUATION.matcher(trimmed).replaceAll("");
        if (E164.matcher(digits).matches()) {
            return "phone:" + digits;
        }
        return channel.toLowerCase(Locale.ROOT) + ":" + trimmed;
    }

    public static List<CustomerAddress> of(UUID customerId) {
        return list("customerId = ?1 order by createdAt, channel, address", customerId);
    }
}
