/**
 * The base of every in-memory Office.js proxy: load/sync semantics (PropertyNotLoaded before a synced load),
 * *OrNullObject resolution, queued property sets and method calls.
 */
import { ExcelError, propertyNotLoaded } from './errors';
import type { MemoryRequestContext } from './requestContext';

export type Resolver<M> = () => M | null;

export function parseLoad(names?: string | string[]): string[] {
  if (names === undefined) return [];
  const list = Array.isArray(names) ? names : names.split(',');
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

export abstract class ClientObject<M> {
  protected readonly cache = new Map<string, unknown>();
  private target: M | null | undefined = undefined;

  constructor(
    protected readonly ctx: MemoryRequestContext,
    readonly path: string,
    private readonly resolver: Resolver<M>,
    nullable = false,
  ) {
    if (nullable) {
      ctx.enqueue({
        op: 'resolve',
        target: path,
        formulaFree: true,
        run: () => this.cache.set('isNullObject', this.resolve() === null),
      });
    } else this.cache.set('isNullObject', false);
  }

  /** The model object, resolved once (when the first command that needs it runs). */
  resolve(): M | null {
    if (this.target === undefined) this.target = this.resolver();
    return this.target;
  }

  protected m(): M {
    const t = this.resolve();
    if (t === null) throw new ExcelError('ItemNotFound', 'The requested resource does not exist.', this.path);
    return t;
  }

  get isNullObject(): boolean {
    return this.prop<boolean>('isNullObject');
  }

  protected prop<T>(name: string): T {
    if (!this.cache.has(name)) throw propertyNotLoaded(name);
    return this.cache.get(name) as T;
  }

  /** Queues a property set; `formulaFree` when applying it neither reads nor writes a formula (see Command). */
  protected set(name: string, value: unknown, apply: (m: M) => void, cells = 0, formulaFree = false): void {
    this.cache.set(name, value);
    this.ctx.enqueue({
      op: `set:${name}`,
      target: this.path,
      args: value,
      cells,
      formulaFree,
      run: () => apply(this.m()),
    });
  }

  protected call(op: string, args: unknown, apply: (m: M) => void, formulaFree = false): void {
    this.ctx.enqueue({ op, target: this.path, args, formulaFree, run: () => apply(this.m()) });
  }

  protected loadNames(names?: string | string[]): void {
    const list = parseLoad(names);
    this.ctx.enqueue({ op: 'load', target: this.path, args: list, run: () => this.fill(list) });
  }

  /** Copies the named properties from the model into the proxy (part of a running load command). */
  fill(names: string[]): void {
    const t = this.resolve();
    if (t === null) {
      this.cache.set('isNullObject', true);
      return;
    }
    const list = names.length === 0 ? this.scalarNames() : names;
    for (const name of list) {
      const slash = name.indexOf('/');
      if (slash > 0) {
        const child = this.navigate(name.slice(0, slash));
        if (!child) throw new ExcelError('InvalidArgument', `Cannot load "${name}".`, this.path);
        child.fill([name.slice(slash + 1)]);
        continue;
      }
      const value = this.read(t, name);
      this.ctx.addResponse(value);
      this.cache.set(name, value);
    }
  }

  protected navigate(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }
  protected abstract scalarNames(): string[];
  protected abstract read(m: M, name: string): unknown;
}

export function unknownProperty(name: string, path: string): never {
  throw new ExcelError('InvalidArgument', `The property '${name}' does not exist on ${path}.`, path);
}
