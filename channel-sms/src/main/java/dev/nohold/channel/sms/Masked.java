package dev.nohold.channel.sms;

/** Phone numbers as logs may show them: enough to tell two apart, not enough to call one. */
final class Masked {

    private Masked() {
    }

    static String phone(String number) {
        if (number == null || number.length() <= 4) {
            return "****";
        }
        return "*".repeat(Math.min(number.length() - 4, 8)) + number.substring(number.length() - 4);
    }
}
