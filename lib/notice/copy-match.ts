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
 */
import { foldWidth } from './normalize';
import { SITES } from './sites';
import type { Notice } from './types';

type Identity = Pick<Notice, 'docNo' | 'issuer'>;
type Stored = Identity & Pick<Notice, 'sourceUrl'>;

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
