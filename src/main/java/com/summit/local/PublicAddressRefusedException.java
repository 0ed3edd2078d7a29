package com.summit.local;

/** Local mode with its demo users (whose password is public) was asked to listen beyond this machine. */
public class PublicAddressRefusedException extends RuntimeException {

    private final String address;

    public PublicAddressRefusedException(String address) {
        super("Local mode has demo users whose password is public, so it listens on 127.0.0.1 only; server.address="
                + (address == null || address.isBlank() ? "(every interface)" : address) + " is refused");
        this.address = address;
    }

    /** A demo account from an earlier start still has the public password. */
    public PublicAddressRefusedException(String address, String demoAccount) {
        super("The demo account '" + demoAccount + "' still signs in with the public demo password, so Summit listens on "
                + "127.0.0.1 only; server.address=" + address + " is refused. Change or remove the demo accounts' passwords "
                + "(or start afresh with an empty data directory) before serving other machines");
        this.address = address;
    }

    public String address() {
        return address;
    }

    /** Refuses any address but a loopback one (an empty address means every interface). */
    static void check(String address, boolean demoUsers) {
        if (!demoUsers) {
            return;
        }
        if (address == null || address.isBlank()) {
            throw new PublicAddressRefusedException(address);
        }
        try {
            if (!java.net.InetAddress.getByName(address.strip()).isLoopbackAddress()) {
                throw new PublicAddressRefusedException(address);
            }
        } catch (java.net.UnknownHostException e) {
            throw new PublicAddressRefusedException(address);
        }
    }
}
