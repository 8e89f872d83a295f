import { z } from 'zod';

/** An id carried in a route: what the server's ids look like, never free text. */
export const routeId = z.string().min(1).max(200).optional();

/**
 * Route parameters arrive URL-encoded in H5 and in weapp alike (`notice-w%3A…`); decoding once here
 * is what lets a tapped link reach the record it names. A value that cannot be decoded stays as is.
 */
export function decodeRouteValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export type RouteShape = Record<string, z.ZodTypeAny>;
export type RouteParams<S extends RouteShape> = { [K in keyof S]: z.infer<S[K]> | undefined };

/**
 * Decodes and validates each parameter by its own schema. A malformed parameter reads as absent
 * (the page then shows its list or an empty state) rather than reaching the server as garbage.
 */
export function readRouteParams<S extends RouteShape>(
  shape: S,
  raw: Record<string, string | undefined>,
): RouteParams<S> {
  const out: Partial<RouteParams<S>> = {};
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const parsed = shape[key]!.safeParse(decodeRouteValue(raw[key]));
    out[key] = parsed.success ? (parsed.data as z.infer<S[typeof key]>) : undefined;
  }
  return out as RouteParams<S>;
}

/** A page link with its parameters encoded: the counterpart of `useRouteParams`. */
export function pageUrl(path: string, params: Record<string, string | undefined> = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}
