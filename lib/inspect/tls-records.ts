/**
 * What a TLS record carries on each leg of a handshake, and once the handshake is done.
 * - TLS 1.3 (RFC 8446 §2, Figure 1): the ClientHello and ServerHello travel in plaintext handshake records;
 *   everything after the ServerHello is encrypted. Encrypted records show the outer type application_data (23)
 *   and the version 0x0303, "TLS 1.2", whatever was agreed (§5.1, §5.2).
 * - TLS 1.2 (RFC 5246 §7.3, Figure 1): the hellos, the certificate and the key exchange travel in plaintext
 *   handshake records (22); ChangeCipherSpec (20) switches to encryption, and the Finished that follows is
 *   the first encrypted message.
 */
import type { EventKind } from '@/lib/sim';
import type { TlsVersion } from '@/lib/scenario/schema';

export interface TlsRecord {
  /** The record's content type as it appears on the wire. */
  recordType: string;
  /** The handshake messages inside, in order. */
  messages: string;
  /** Whether an observer on the link can read the messages. */
  encrypted: 'no' | 'partly' | 'yes';
}

type HandshakeKind = Extract<EventKind, 'tls-client-hello' | 'tls-server-hello' | 'tls-client-finished' | 'tls-server-finished'>;

const HANDSHAKE: Readonly<Record<TlsVersion, Partial<Record<HandshakeKind, TlsRecord>>>> = {
  '1.3': {
    'tls-client-hello': { recordType: 'handshake (22)', messages: 'ClientHello (supported_versions: TLS 1.3, key_share)', encrypted: 'no' },
    'tls-server-hello': {
      recordType: 'handshake (22), then application_data (23)',
      messages: 'ServerHello; then, encrypted: EncryptedExtensions, Certificate, CertificateVerify, Finished',
      encrypted: 'partly',
    },
    'tls-client-finished': { recordType: 'application_data (23)', messages: 'Finished (encrypted)', encrypted: 'yes' },
  },
  '1.2': {
    'tls-client-hello': { recordType: 'handshake (22)', messages: 'ClientHello', encrypted: 'no' },
    'tls-server-hello': { recordType: 'handshake (22)', messages: 'ServerHello, Certificate, ServerHelloDone', encrypted: 'no' },
    'tls-client-finished': { recordType: 'handshake (22), change_cipher_spec (20), handshake (22)', messages: 'ClientKeyExchange, ChangeCipherSpec, Finished (encrypted)', encrypted: 'partly' },
    'tls-server-finished': { recordType: 'change_cipher_spec (20), handshake (22)', messages: 'ChangeCipherSpec, Finished (encrypted)', encrypted: 'partly' },
  },
};

export function isTlsHandshake(kind: EventKind): kind is HandshakeKind {
  return kind === 'tls-client-hello' || kind === 'tls-server-hello' || kind === 'tls-client-finished' || kind === 'tls-server-finished';
}

/** The records of one handshake leg; null for a leg the version does not have. */
export function handshakeRecord(kind: HandshakeKind, version: TlsVersion): TlsRecord | null {
  return HANDSHAKE[version][kind] ?? null;
}

/** Data on an established TLS connection: one or more encrypted application_data records. */
export function applicationDataRecord(): TlsRecord {
  return { recordType: 'application_data (23)', messages: 'the data above, encrypted', encrypted: 'yes' };
}

/** The version field every encrypted record carries (RFC 8446 §5.2; RFC 5246 §6.2.1, {3, 3}). */
export const RECORD_VERSION_ON_THE_WIRE = '0x0303';
