import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { ROLES, type Role } from '@shared/roles';

/** Who is calling, as carried by a session token. */
export interface Principal {
  userId: string;
  role: Role;
  studioId?: string;
  /** A grid head's grid: read from their stored record, never from the token. */
  gridId?: string;
  /** A liaison's department (部门联络员 act only on the matters handed to it). */
  departmentId?: string;
  /** The town of a town role (`town_admin`). */
  townId?: string;
}

const ISSUER = 'lianxin';
const AUDIENCE = 'lianxin-api';

/** Short-lived signed session tokens (HS256). The WeChat session_key is never put in one. */
export class SessionTokens {
  constructor(
    private readonly secret: Uint8Array,
    private readonly ttlSeconds: number,
  ) {}

  async issue(principal: Principal, now: Date): Promise<{ token: string; expiresAt: string }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const token = await new SignJWT({ role: principal.role, ...(principal.studioId ? { studioId: principal.studioId } : {}), ...(principal.departmentId ? { departmentId: principal.departmentId } : {}), ...(principal.townId ? { townId: principal.townId } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(principal.userId)
      // every session its own: two issued in the same second (the phone's and the desk's) are still two tokens
      .setJti(randomBytes(12).toString('base64url'))
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.secret);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** Returns the principal, or undefined for a missing, forged, expired or malformed token. */
  async verify(token: string, now: Date): Promise<Principal | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: now,
        // a signed token without an expiry never expires: not one of ours
        requiredClaims: ['exp', 'sub'],
      });
      const role = payload.role as Role;
      if (!payload.sub || !ROLES.includes(role)) return undefined;
      return { userId: payload.sub, role, ...(typeof payload.studioId === 'string' ? { studioId: payload.studioId } : {}), ...(typeof payload.departmentId === 'string' ? { departmentId: payload.departmentId } : {}), ...(typeof payload.townId === 'string' ? { townId: payload.townId } : {}) };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return undefined;
      throw error;
    }
  }
}
