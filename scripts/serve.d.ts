export interface RunningServer {
  url: string;
  port: number;
  certificate: string;
  close(): Promise<void>;
}
export function startServer(options?: { port?: number; dir?: string; host?: string }): Promise<RunningServer>;
export function build(outDir: string, options?: { baseUrl?: string }): Promise<void>;
export function instructions(url: string, dir: string, certificate: string): string;
