import type { BrowserContext, Page } from 'playwright-core';

export interface FrameGaps {
  frames: number;
  /** Milliseconds. */
  longest: number;
  p99: number;
  over200: number;
}

export interface PaneMeasurement {
  /** The playground page, left open (for a screenshot). */
  page: Page;
  leases: number;
  validateSeconds: number;
  validate: FrameGaps & { phases: Record<string, FrameGaps> };
  /** Milliseconds from Cancel to "Cancelled". */
  cancelMeasuring: number;
  cancelWriting: number;
  generateSeconds: number;
  generate: FrameGaps & { phases: Record<string, FrameGaps> };
}

export function measurePane(
  context: BrowserContext,
  baseUrl: string,
  options?: { leases?: number },
): Promise<PaneMeasurement>;
export function describeMeasurement(m: PaneMeasurement): string;
export function summarise(gaps: { gap: number; phase: string }[]): FrameGaps & { phases: Record<string, FrameGaps> };
