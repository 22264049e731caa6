export const DEV_BASE_URL: string;
export const ENV_BASE_URL: string;
export const OFFICE_JS_ORIGIN: string;
export const HASHED_ASSET: RegExp;
export interface Hosting {
  base: string;
  origin: string;
}
export function resolveBaseUrl(env?: { baseUrl?: string }, processEnv?: Record<string, string | undefined>): Hosting;
export function manifestFor(xml: string, hosting: Hosting): string;
export function helpPageFor(html: string, hosting: Hosting): string;
export function contentSecurityPolicy(options: { officeJs: boolean }): string;
export function cacheControl(path: string): string;
export function pageHeaders(file: string): Record<string, string>;
export function headersFile(files?: string[]): string;
