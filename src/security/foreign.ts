/** The foreign values the probes send: names under `.invalid` (RFC 2606), which never resolve. */

/** A DNS-rebinding page's Host: a name the attacker controls, resolving to loopback. */
export const FOREIGN_HOST = 'rebind.pieces-conformance.invalid';

/** A web page the user visits. */
export const FOREIGN_ORIGIN = 'https://attacker.pieces-conformance.invalid';
