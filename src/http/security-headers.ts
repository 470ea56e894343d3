import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { HeaderList } from '../render/prepared-response.js';

// helmet's default CSP allows inline styles and `base-uri 'self'`; pages here need neither.
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    manifestSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
  },
};

const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

function permissionsPolicy(): RequestHandler {
  return function permissionsPolicyMiddleware(_req, res, next) {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  };
}

/** The security headers of every response, as middleware for the responses Express makes. */
export function securityHeaders(): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    }),
    permissionsPolicy(),
  ];
}

/**
 * The same headers as a list, for responses prepared ahead of time: the middleware runs once
 * against a recording response, so both paths send exactly what helmet's configuration says.
 */
export function captureHeaders(handlers: readonly RequestHandler[]): HeaderList {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string) {
      headers.delete(name);
    },
    getHeader(name: string) {
      return headers.get(name);
    },
  };
  for (const handler of handlers) {
    let called = false;
    handler({} as never, recorder as never, () => (called = true));
    if (!called) throw new Error('A security header middleware did not call next() synchronously');
  }
  return [...headers.entries()];
}
