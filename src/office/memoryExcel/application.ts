/**
 * The in-memory `context.application`: calculation and screen-updating suspension until the next sync.
 */
import type { XApplication } from '../excelApi';
import type { MemoryRequestContext } from './requestContext';

export class MemoryApplication implements XApplication {
  constructor(private readonly ctx: MemoryRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requires('Application.suspendApiCalculationUntilNextSync');
    this.ctx.enqueue({
      op: 'suspendApiCalculationUntilNextSync',
      target: 'application',
      run: () => this.ctx.suspendCalculation(),
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.requires('Application.suspendScreenUpdatingUntilNextSync');
    this.ctx.enqueue({
      op: 'suspendScreenUpdatingUntilNextSync',
      target: 'application',
      run: () => this.ctx.suspendScreenUpdating(),
    });
  }
}
