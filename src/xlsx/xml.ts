/**
 * A small, strict XML scanner for the parts of an .xlsx package: elements, attributes, text, CDATA, comments and
 * processing instructions, with well-formedness checked (every tag closed in order, attributes quoted, entities
 * known). A document type declaration is refused (no writer of workbooks emits one, and entity expansion is how a
 * package bombs a reader). Element names are given without their namespace prefix (`x:c` -> `c`): some writers
 * prefix SpreadsheetML; attribute names are kept as written (`r:id`).
 *
 * Any fault throws XmlError with a plain sentence, so a caller can say which part of the workbook is damaged.
 */

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
    Object.setPrototypeOf(this, XmlError.prototype);
  }
}

export type XmlAttributes = Record<string, string>;

export interface XmlHandler {
  /** An element opens (`selfClosing` when written `<x/>`; no close event follows then). */
  open?(name: string, attrs: XmlAttributes, selfClosing: boolean): void;
  close?(name: string): void;
  /** Character data inside an element, entities already decoded. */
  text?(text: string): void;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its entity and character references decoded; an unknown or malformed reference throws. */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&([^;&<\s]{0,10});?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new XmlError('it has an "&" that starts no character reference');
    const named = NAMED[body];
    if (named !== undefined) return named;
    const m = /^#(x[0-9a-fA-F]{1,6}|[0-9]{1,7})$/.exec(body);
    if (!m) throw new XmlError(`it uses an unknown character reference "&${body};"`);
    const code = m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      throw new XmlError(`it refers to a character that does not exist (&${body};)`);
    }
    return String.fromCodePoint(code);
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

const SPACE = /\s/;
const NAME_END = /[\s/>]/;

/** Scans `xml`, calling the handler's events in document order; throws XmlError when it is not well-formed. */
export function scanXml(xml: string, handler: XmlHandler = {}): void {
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: string[] = [];
  let roots = 0;
  const wantText = handler.text !== undefined;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      if (stack.length === 0) {
        if (raw.trim() !== '') throw new XmlError('it has text outside its root element');
      } else if (wantText) handler.text!(decodeXml(raw));
      else if (raw.indexOf('&') >= 0) decodeXml(raw);
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('it ends inside a processing instruction');
      i = end + 2;
      continue;
    }
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('it ends inside a comment');
        i = end + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('it ends inside a CDATA section');
        if (stack.length === 0) throw new XmlError('it has text outside its root element');
        if (wantText) handler.text!(xml.slice(lt + 9, end));
        i = end + 3;
        continue;
      }
      if (xml.startsWith('<!DOCTYPE', lt)) throw new XmlError('it has a document type declaration');
      throw new XmlError('it has a malformed "<!" markup');
    }
    if (c === 0x2f /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new XmlError('it ends inside a closing tag');
      const name = xml.slice(lt + 2, end).trimEnd();
      const open = stack.pop();
      if (open === undefined) throw new XmlError(`it closes an element </${name}> that was never opened`);
      if (open !== name) throw new XmlError(`it closes <${open}> with </${name}>`);
      handler.close?.(localName(name));
      i = end + 1;
      continue;
    }
    // A start tag.
    let p = lt + 1;
    while (p < n && !NAME_END.test(xml[p])) p++;
    const name = xml.slice(lt + 1, p);
    if (name === '' || /[<="']/.test(name)) throw new XmlError('it has a malformed tag');
    const attrs: XmlAttributes = {};
    let selfClosing = false;
    for (;;) {
      while (p < n && SPACE.test(xml[p])) p++;
      if (p >= n) throw new XmlError(`it ends inside the tag <${name}>`);
      if (xml[p] === '>') {
        p++;
        break;
      }
      if (xml[p] === '/') {
        if (xml[p + 1] !== '>') throw new XmlError(`the tag <${name}> is malformed`);
        selfClosing = true;
        p += 2;
        break;
      }
      const eq = xml.indexOf('=', p);
      if (eq < 0) throw new XmlError(`the tag <${name}> is malformed`);
      const attr = xml.slice(p, eq).trim();
      if (attr === '' || /[\s<>"'/]/.test(attr)) throw new XmlError(`the tag <${name}> has a malformed attribute`);
      p = eq + 1;
      while (p < n && SPACE.test(xml[p])) p++;
      const q = xml[p];
      if (q !== '"' && q !== "'") throw new XmlError(`the attribute ${attr} of <${name}> is not quoted`);
      const close = xml.indexOf(q, p + 1);
      if (close < 0) throw new XmlError(`it ends inside the attribute ${attr} of <${name}>`);
      const raw = xml.slice(p + 1, close);
      if (raw.indexOf('<') >= 0) throw new XmlError(`the attribute ${attr} of <${name}> holds a "<"`);
      if (attr in attrs) throw new XmlError(`the tag <${name}> has the attribute ${attr} twice`);
      attrs[attr] = decodeXml(raw);
      p = close + 1;
    }
    if (stack.length === 0) {
      if (roots > 0) throw new XmlError('it has more than one root element');
      roots++;
    }
    if (!selfClosing) stack.push(name);
    handler.open?.(localName(name), attrs, selfClosing);
    i = p;
  }
  if (stack.length > 0) throw new XmlError(`it ends before <${stack[stack.length - 1]}> is closed`);
  if (roots === 0) throw new XmlError('it has no root element');
}

/** An attribute by local name whatever its prefix (`r:id`, `ns1:id`), for relationship ids. */
export function prefixedAttribute(attrs: XmlAttributes, local: string): string | undefined {
  for (const k in attrs) {
    const colon = k.indexOf(':');
    if (colon > 0 && k.slice(colon + 1) === local && !k.startsWith('xmlns')) return attrs[k];
  }
  return undefined;
}

/**
 * SpreadsheetML whose root binds the main namespace to a prefix (`<x:workbook xmlns:x=...>`, as the Open XML SDK
 * writes) rewritten with the default namespace, so elements added here without a prefix mean the same.
 */
export function withDefaultNamespace(xml: string, ns: string): string {
  const root = /<([\w.-]+):([\w.-]+)(?=[\s/>])/.exec(xml.replace(/<\?[\s\S]*?\?>/g, ''));
  if (!root) return xml;
  const prefix = root[1];
  if (!new RegExp(`xmlns:${prefix}\\s*=\\s*["']${ns.replace(/[./]/g, '\\$&')}["']`).test(xml)) return xml;
  if (/\sxmlns\s*=/.test(xml)) return xml;
  return xml
    .replace(new RegExp(`<${prefix}:`, 'g'), '<')
    .replace(new RegExp(`</${prefix}:`, 'g'), '</')
    .replace(new RegExp(`xmlns:${prefix}(\\s*=)`), 'xmlns$1');
}
