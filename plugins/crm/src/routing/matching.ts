import type { Member } from '../records/team.js';

export interface Needs {
  skills: string[];
  language?: string | undefined;
  region?: string | undefined;
}

/**
 * BCP 47 tags match when equal or when one is a prefix of the other at a subtag boundary, so a
 * member who answers `zh` takes `zh-Hans` and `zh-Hant` cases (RFC 4647 basic filtering, both ways).
 */
export function languageMatches(memberTag: string, caseTag: string): boolean {
  const a = memberTag.toLowerCase();
  const b = caseTag.toLowerCase();
  return a === b || b.startsWith(`${a}-`) || a.startsWith(`${b}-`);
}

export interface MatchScore {
  /** Every stated need is met. */
  full: boolean;
  score: number;
  met: string[];
  missed: string[];
}

export function matchScore(member: Member, needs: Needs): MatchScore {
  const met: string[] = [];
  const missed: string[] = [];
  const skills = new Set(member.skills.map((skill) => skill.toLowerCase()));
  for (const skill of needs.skills) {
    (skills.has(skill.toLowerCase()) ? met : missed).push(`skill ${skill}`);
  }
  const { language, region } = needs;
  if (language && language !== 'und') {
    (member.languages.some((tag) => languageMatches(tag, language)) ? met : missed).push(
      `language ${language}`,
    );
  }
  if (region) {
    const wanted = region.toLowerCase();
    (member.regions.some((name) => name.toLowerCase() === wanted) ? met : missed).push(`region ${region}`);
  }
  return { full: missed.length === 0, score: met.length, met, missed };
}

export function describeNeeds(needs: Needs): string {
  const parts = [...needs.skills.map((skill) => `skill ${skill}`)];
  if (needs.language && needs.language !== 'und') parts.push(`language ${needs.language}`);
  if (needs.region) parts.push(`region ${needs.region}`);
  return parts.join(', ');
}
