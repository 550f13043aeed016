// The link the page was opened with, read ONCE by the one reader (url.ts): the app store
// (store.ts) and the analyses store (analyses-store.ts) both start from it, and store.ts reports
// every value it refused in the link notice.
import { defaultUrlState, parseUrlState, type ParsedUrl } from './url';

export const bootLink: ParsedUrl =
  typeof location === 'undefined'
    ? { state: defaultUrlState(), problems: [] }
    : parseUrlState(location.search);
