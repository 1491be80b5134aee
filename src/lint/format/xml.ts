/**
 * XML 1.0 text and attribute escaping. Characters XML 1.0 cannot carry at all, not even as character
 * references (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates), are written as
 * visible `\xNN` / U+FFFD text instead. https://www.w3.org/TR/xml/#charsets
 */
import { controlEscape, wellFormed } from './report';

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function legal(text: string): string {
  return wellFormed(text).replace(FORBIDDEN, (c) => (c.charCodeAt(0) < 0x20 ? controlEscape(c) : '\uFFFD'));
}

/** Escapes element content: `&`, `<`, `>` (the last for `]]>`); CR as `&#13;` so parsers keep it. */
export function xmlText(text: string): string {
  return legal(text).replace(/[&<>\r]/g, (c) => ENTITIES[c]!);
}

/**
 * Escapes an attribute value in double quotes; tab, LF and CR become character references, as
 * attribute-value normalisation would otherwise turn them into spaces.
 */
export function xmlAttr(text: string): string {
  return legal(text).replace(/[&<>"\t\n\r]/g, (c) => ENTITIES[c]!);
}

const ENTITIES: { readonly [c: string]: string } = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
