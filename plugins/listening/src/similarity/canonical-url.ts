/** Query parameters that only track where a click came from (Google Analytics' utm_*, ad click ids). */
const trackingParameter = /^(utm_[a-z]+|spm|from|share_source|share_medium|fbclid|gclid|igshid|si)$/i;

/**
 * The same post shared through different channels differs only in tracking parameters, the
 * fragment, the host's case and a trailing slash; those are dropped before comparing.
 */
export function canonicalUrl(raw: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(raw.trim());
  if (!match) return raw.trim();
  const [, scheme = '', host = '', path = '', query = ''] = match;
  const kept = query
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !trackingParameter.test(pair.split('=')[0] ?? ''))
    .sort();
  const cleanPath = path.length > 1 ? path.replace(/\/+$/, '') : '';
  const secure = scheme.toLowerCase().replace('http://', 'https://');
  return `${secure}${host.toLowerCase()}${cleanPath}${kept.length ? `?${kept.join('&')}` : ''}`;
}
