/**
 * Which notice a copy is. A page off government sites (a news site, a forum, a saved page) has no
 * host that says who published it, so its key (./notice-key.ts) names the copy's host, not the
 * notice's. When the user asks duban to recognise it, it shows a stored notice's annotations only
 * if it is that notice: the same 文号 and the same issuer, decided from the page itself — the body
 * it names (the signature above its date, the title's `X关于…`, an info table's 发文机关, the
 * ContentSource metadata: lib/notice/page-facts.ts), else the 文号's own prefix (拱政办发 is the
 * office that numbers its papers so). Never more than one: where several stored notices fit, the
 * one the page's named issuer singles out, else the one on the registry's site of the government
 * the issuer is (or is the office of: 杭州市拱墅区人民政府办公室 on 杭州市拱墅区人民政府's site); else
 * the copy is its own notice.
 *
 * A notice without a 文号 is known by its address alone, which a copy does not share: a copy with
 * no 文号 is such a notice when it reads as that notice — the same title, an issuer that does not
 * say otherwise, the same items (keys, and nearly all texts: a copy may fix a typo, and that item
 * then says 原文已更改) — and no other stored notice reads so.
 */
import { foldWidth } from './normalize';
import { SITES } from './sites';
import type { Notice } from './types';

type Identity = Pick<Notice, 'docNo' | 'issuer'>;
type Stored = Identity & Pick<Notice, 'sourceUrl'>;
type Text = Identity & Pick<Notice, 'title' | 'items'>;

/** 拱政办发〔2024〕2号, 拱政办发[2024]2号 and 拱政办发【2024】2号 are one 文号. */
export function sameDocNo(a: string, b: string): boolean {
  return docNoForm(a) === docNoForm(b);
}

const docNoForm = (s: string) =>
  foldWidth(s)
    .replace(/\s+/g, '')
    .replace(/[〔【[（(［]/g, '(')
    .replace(/[〕】\]）)］]/g, ')');

const issuerForm = (s: string) => foldWidth(s).replace(/\s+/g, '');

/**
 * How the page's named issuer fits a stored notice's: `same` (equal, or one names the other with
 * its city in front: 杭州市拱墅区人民政府办公室 and 拱墅区人民政府办公室), `other`, or `unknown` when
 * either names none (the 文号's prefix, the same on both, is then the issuer).
 */
function issuerFit(copy: Identity, stored: Identity): 'same' | 'other' | 'unknown' {
  if (!copy.issuer || !stored.issuer) return 'unknown';
  const a = issuerForm(copy.issuer);
  const b = issuerForm(stored.issuer);
  return a === b || a.endsWith(b) || b.endsWith(a) ? 'same' : 'other';
}

/** Whether `url` is on the registry's site of the government `issuer` names (or of which it is an office). */
function onIssuersSite(issuer: string, url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  const site = SITES.find((s) => s.hosts.includes(host));
  return !!site && issuerForm(issuer).startsWith(issuerForm(site.name));
}

/**
 * The stored notice `copy` is, among `stored` (notices of government pages): the one with its
 * 文号 whose issuer fits; where several fit, the one whose issuer the copy names, then the one on
 * that issuer's registry site; else none.
 */
export function noticeOfCopy<T extends Stored>(copy: Identity, stored: readonly T[]): T | undefined {
  if (!copy.docNo) return undefined;
  const docNo = copy.docNo;
  const fits = stored.filter((n) => n.docNo !== undefined && sameDocNo(n.docNo, docNo) && issuerFit(copy, n) !== 'other');
  if (fits.length <= 1) return fits[0];
  const named = fits.filter((n) => issuerFit(copy, n) === 'same');
  if (named.length === 1) return named[0];
  const issuer = copy.issuer;
  const onSite = issuer ? (named.length ? named : fits).filter((n) => onIssuersSite(issuer, n.sourceUrl)) : [];
  return onSite.length === 1 ? onSite[0] : undefined;
}

/** The share of a copy's items that must read as the stored notice's, for a notice without a 文号. */
const SAME_ITEMS = 0.9;

const titleForm = (s: string) => foldWidth(s).replace(/\s+/g, '');

/** The same items: the same keys, and at least SAME_ITEMS of them with the same text (fingerprint). */
function sameItems(copy: Text['items'], stored: Text['items']): boolean {
  if (copy.length === 0 || copy.length !== stored.length) return false;
  const prints = new Map(stored.map((i) => [i.key, i.fingerprint]));
  let same = 0;
  for (const item of copy) {
    if (!prints.has(item.key)) return false;
    if (prints.get(item.key) === item.fingerprint) same++;
  }
  return same >= SAME_ITEMS * copy.length;
}

/**
 * The stored notice without a 文号 that `copy` (which names none either) reads as, among `stored`
 * (notices of government pages): its title, no other issuer, its items; the one such, else none.
 */
export function noticeOfUnnumberedCopy<T extends Stored & Text>(copy: Text, stored: readonly T[]): T | undefined {
  if (copy.docNo) return undefined;
  const title = titleForm(copy.title);
  if (!title) return undefined;
  const fits = stored.filter((n) => !n.docNo && titleForm(n.title) === title && issuerFit(copy, n) !== 'other' && sameItems(copy.items, n.items));
  return fits.length === 1 ? fits[0] : undefined;
}
