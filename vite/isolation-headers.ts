// The cross-origin isolation headers for `vite preview` and the dev server; the one definition is
// src/offline/isolation-headers.ts.
import { ISOLATION_HEADERS as HEADERS } from '../src/offline/isolation-headers';

export const ISOLATION_HEADERS: Record<string, string> = { ...HEADERS };
