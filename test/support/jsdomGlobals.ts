/**
 * Node globals that jsdom's window lacks but browsers have (TextEncoder/TextDecoder), for the pane's component
 * tests (`@jest-environment jsdom`). Nothing changes for tests in the node environment.
 */
import { TextDecoder, TextEncoder } from 'node:util';

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.TextEncoder === 'undefined') g.TextEncoder = TextEncoder;
if (typeof g.TextDecoder === 'undefined') g.TextDecoder = TextDecoder;

// Fluent UI's MessageBar watches its size; jsdom lays nothing out, so an observer that never fires will do.
if (typeof window !== 'undefined' && typeof g.ResizeObserver === 'undefined') {
  g.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
