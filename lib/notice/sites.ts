/**
 * The sites duban knows, one entry each. Everything that names a site comes from here: the
 * content script's `matches` and the pages that may frame the editor (wxt.config.ts), which
 * senders are duban's content script (isOfficialUrl), the
 * metadata a page's notice is read from, and the sample pages of the seeds and tests.
 * Adding a site is adding an entry to SITES.
 */
import { matchPattern, type UrlMatcher } from './match-pattern';

/** Where a site's pages say which notice they are (lib/notice/metadata.ts reads them). */
export interface MetaNames {
  /** <meta name=…> holding the title, the first present wins; else the page's <title>. */
  title: readonly string[];
  /** <meta name=…> holding the publication time, the first present wins. */
  published: readonly string[];
  /**
   * Labels the page's info table writes before the 文号 (备注/文号, 文号), stripped when a line
   * runs them into it; longest first. The 文号 itself is the first 〔year〕号 number on the page.
   */
  docNoLabels: readonly string[];
}

/**
 * The national 政府网站 metadata (ArticleTitle, PubDate) that JCMS, TRS and CMSPRO templates all
 * carry, and JCMS's 文号 labels: how a page of a site not listed here is read (tests, npm run parse).
 */
export const NATIONAL_META: MetaNames = {
  title: ['ArticleTitle'],
  published: ['PubDate', 'firstpublishedtime'],
  docNoLabels: ['备注/文号', '文号'],
};

export interface Site {
  /** Stable id, for code and tests. */
  id: string;
  /** The site's name as it calls itself (its SiteName meta). */
  name: string;
  /** Hosts its notices are on, lower case, without a port. */
  hosts: readonly string[];
  /** Paths of its notice pages as in a match pattern (`/art/*`), on every host, over https and http. */
  noticePaths: readonly string[];
  meta: MetaNames;
  /** Pages of the site for the seeds, tests and `npm start`: a notice (the seed's) and an article that is not one. */
  samples: { notice: string; other: string };
}

/** 杭州市拱墅区人民政府: JCMS, articles at /art/YYYY/M/D/art_<column>_<article>.html. */
export const GONGSHU: Site = {
  id: 'gongshu',
  name: '杭州市拱墅区人民政府',
  hosts: ['www.gongshu.gov.cn'],
  noticePaths: ['/art/*'],
  meta: NATIONAL_META,
  samples: {
    notice: 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_4246130.html',
    other: 'https://www.gongshu.gov.cn/art/2024/5/20/art_1229290402_4258871.html',
  },
};

export const SITES: readonly Site[] = [GONGSHU];

/** https before http: the manifest has always listed them so. */
const SCHEMES = ['https', 'http'] as const;

/** The match patterns of the sites' notice pages: the content script's `matches`. */
export function noticeMatches(sites: readonly Site[] = SITES): string[] {
  return sites.flatMap((site) => site.hosts.flatMap((host) => site.noticePaths.flatMap((path) => SCHEMES.map((s) => `${s}://${host}${path}`))));
}

/**
 * Every page of the sites' hosts (`https://host/*`): where the editor frame may be framed. The
 * browser takes only whole origins for web_accessible_resources.
 */
export function siteOrigins(sites: readonly Site[] = SITES): string[] {
  return sites.flatMap((site) => site.hosts.flatMap((host) => SCHEMES.map((s) => `${s}://${host}/*`)));
}

/** Every host duban knows, for messages that list them. */
export function siteHosts(sites: readonly Site[] = SITES): string[] {
  return sites.flatMap((site) => site.hosts);
}

const matchers = new WeakMap<Site, UrlMatcher[]>();
const matchersOf = (site: Site) => {
  let m = matchers.get(site);
  if (!m) matchers.set(site, (m = noticeMatches([site]).map(matchPattern)));
  return m;
};

/** The site whose notice pages include `url` (by the same patterns as the manifest), if any. */
export function siteOf(url: string | undefined, sites: readonly Site[] = SITES): Site | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  return sites.find((site) => matchersOf(site).some((matches) => matches(u)));
}

/** A notice page of a site duban knows: where its content script runs and what an import may name. */
export function isOfficialUrl(url: string | undefined): boolean {
  return siteOf(url) !== undefined;
}

/**
 * Object-storage hosts that government sites' attachment links redirect to (JCMS's
 * /module/download/downfile.jsp answers with a redirect to the file on Alibaba, Tencent, Huawei
 * or Baidu cloud storage): the document viewer fetches the file there itself, so duban holds
 * host permissions for them (wxt.config.ts). No content script runs on them.
 */
export const FILE_HOSTS = ['*.aliyuncs.com', '*.myqcloud.com', '*.myhuaweicloud.com', '*.bcebos.com'] as const;

/** The match patterns of FILE_HOSTS, for host_permissions. */
export function fileHostMatches(): string[] {
  return FILE_HOSTS.map((h) => `*://${h}/*`);
}
